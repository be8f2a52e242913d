# Exceptions' fields set by hand (__cause__, __context__, __traceback__,
# __suppress_context__, args) and generator-raised StopIteration as the
# RuntimeError's cause (_PyErr_FormatFromCause).
def g():
    raise StopIteration
    yield
def h():
    yield 1
    raise StopIteration("x")
try:
    list(h())
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
e = ValueError("x")
e.__cause__ = KeyError("k")
print(repr(e.__cause__), e.__suppress_context__)
e.__context__ = TypeError("t")
print(repr(e.__context__))
e.__suppress_context__ = False
print(e.__suppress_context__)
e.args = [1, 2]
print(e.args, str(e))
for f in [lambda: setattr(e, '__cause__', 5), lambda: setattr(e, '__context__', 'x'), lambda: setattr(e, '__traceback__', 1),
          lambda: setattr(e, '__suppress_context__', 1), lambda: delattr(e, '__cause__'), lambda: delattr(e, 'args')]:
    try:
        f()
    except TypeError as ex:
        print('TypeError', ex)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
class E(Exception): pass
x = E('a')
x.__cause__ = ValueError('c')
x.note = 1
print(x.note, repr(x.__cause__))
try:
    raise x
except E as got:
    print(repr(got.__cause__))
e2 = RuntimeError('r')
e2.__cause__ = KeyError('k')
list(g())
