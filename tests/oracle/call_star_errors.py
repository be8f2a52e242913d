# Errors of f(*x, **y) calls as CPython words them: the function named
# (_PyObject_FunctionStr), repeated keywords, non-str keywords, and
# positional-only parameters passed by keyword.
def f(a, /, b=0): return a
class C:
    def m(self, x): return x
def g(**k): return k
tests = [lambda: f(a=1, b=2), lambda: print(*1), lambda: f(**1), lambda: f(**{1: 2}), lambda: g(**{1: 2}), lambda: f(*None),
         lambda: C().m(**1), lambda: len(*1), lambda: [*1], lambda: {**1}, lambda: f(1, **{'b': 1}, **{'b': 2}), lambda: g(x=1, **{'x': 2}),
         lambda: C().m(*5), lambda: dict(**{1: 2}), lambda: (lambda: 0)(**{'z': 1}), lambda: f(*[1], **[2])]
for i, t in enumerate(tests):
    try:
        print(i, t())
    except TypeError as e:
        print(i, 'TypeError', e)
class K:
    def __init__(self, **kw): pass
for t in [lambda: K(**{1: 2}), lambda: K(*3), lambda: K(**{'a': 1}, **{'a': 2})]:
    try:
        print(t())
    except TypeError as e:
        print('TypeError', e)
