# Instances of classes with __eq__ and __hash__ as dict keys and set items:
# lookups call them (PyObject_Hash, PyObject_RichCompareBool), __eq__ alone
# or __hash__ = None makes a class unhashable, __hash__'s int is used as
# it is when it fits, and a lookup restarts when __eq__ changes the dict.
class K:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return isinstance(o, K) and self.n == o.n
    def __hash__(self): return hash(self.n)
    def __repr__(self): return 'K(%d)' % self.n
print(K(1) in {K(1)}, K(1) in {K(1): 0}, len({K(1), K(1), K(2)}), {K(1): 'a'}[K(1)], K(1) in [K(1)])
d = {K(3): 1}
d[K(3)] = 2
print(d, len(d))
class P:
    def __eq__(self, o): return True
for f in [lambda: {P()}, lambda: {P(): 1}, lambda: hash(P())]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
class H:
    __hash__ = None
try:
    {H()}
except TypeError as e:
    print('TypeError', e)
class Bad:
    def __hash__(self): raise ValueError('no hash')
try:
    {Bad()}
except ValueError as e:
    print('ValueError', e)
class Str:
    def __init__(self, s): self.s = s
    def __eq__(self, o): return o == self.s
    def __hash__(self): return hash(self.s)
print({'a': 1}.get(Str('a')), Str('b') in {'b'}, {Str('c'): 3}.get('c'))
class Count:
    calls = 0
    def __eq__(self, o):
        Count.calls += 1
        return self is o
    def __hash__(self): return 7
a, b = Count(), Count()
s = {a, b}
print(len(s), Count.calls)
class Mut:
    def __init__(self, d): self.d = d
    def __hash__(self): return 1
    def __eq__(self, o):
        self.d.clear()
        return False
dd = {}
dd[Mut(dd)] = 1
try:
    dd[Mut(dd)] = 2
except RuntimeError as e:
    print('RuntimeError', e)
print(len(dd))
class Str2:
    def __init__(self, s): self.s = s
    def __eq__(self, o): return o == self.s
    def __hash__(self): return hash(self.s)
print({'a': 1}.get(Str2('a')), Str2('b') in {'b'}, 'b' in {Str2('b')}, {Str2('c'): 3}['c'])
class A:
    def __hash__(self): return 2**64
class B:
    def __hash__(self): return -1
class C:
    def __hash__(self): return True
print(hash(A()), hash(B()), hash(C()))
class Mut:
    def __init__(self, d): self.d = d
    def __hash__(self): return 1
    def __eq__(self, o):
        self.d.clear()
        return False
dd = {}
dd[Mut(dd)] = 1
dd[Mut(dd)] = 2
print(len(dd))
d2 = {}
d2[Mut(d2)] = 1
d2.setdefault(Mut(d2), 5)
print(len(d2))
s = set()
class MS:
    def __hash__(self): return 1
    def __eq__(self, o):
        s.clear()
        return False
s.add(MS()); s.add(MS())
print(len(s))
