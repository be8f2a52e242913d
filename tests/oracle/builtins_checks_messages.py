# __repr__ returning a non-str through str() (checked as __str__'s
# result), __iter__ returning a non-iterator, sorted()'s keywords checked
# by list.sort, issubclass()'s second argument, iter() and enumerate().
class A:
    def __repr__(self): return 5
for f in [lambda: str(A()), lambda: repr(A()), lambda: print(A()), lambda: f'{A()}', lambda: '%s' % A(), lambda: [A()].__repr__(), lambda: str([A()])]:
    try:
        f()
    except TypeError as e:
        print(e)
class A:
    def __iter__(self): return 5
class B:
    def __iter__(self): return [1]
class C:
    def __iter__(self): return iter([1])
for f in [lambda: iter(A()), lambda: iter(B()), lambda: list(C()), lambda: next(iter(C())), lambda: [x for x in B()]]:
    try:
        print(f())
    except TypeError as e:
        print(e)
for f in [lambda: sorted([3, 1], reverse=None), lambda: sorted([3, 1], reverse="yes"), lambda: [3,1].sort(reverse=None), lambda: issubclass(int, 1), lambda: issubclass(1, int),
          lambda: iter(), lambda: enumerate(), lambda: sorted([2,1], reverse=1), lambda: sorted([2,1], reverse=2.5), lambda: isinstance(1, 2)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
