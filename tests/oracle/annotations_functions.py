# Parameter and return annotations: MAKE_FUNCTION's flag 0x04 with a
# tuple of names and values (args before posonly args, then *args,
# keyword-only, **kwargs and 'return'); f.__annotations__ is a dict made
# from that tuple on first access and kept, {} for a function without
# annotations; it can be set to a dict, set to None or deleted.
import sys


def f(a: int, b: "B" = 2, *args: str, k: float = 1.0, **kw: dict) -> None:
    return a


print(f.__annotations__)
print(f.__annotations__ is f.__annotations__)
print(list(f.__annotations__))


def g(p: 1, /, q: 2, *, r: 3) -> 4:
    pass


print(g.__annotations__)


def plain(a, b=1):
    pass


print(plain.__annotations__, plain.__annotations__ is plain.__annotations__)


class C:
    def m(self, __x: int, y: "C") -> "C":
        return self

    def __private(self, v: list) -> None:
        pass


print(C.m.__annotations__)
print(C._C__private.__annotations__)
print(C().m.__annotations__ is C.m.__annotations__)

order = []


def note(v):
    order.append(v)
    return v


def h(a: note("ann a") = note("default a"), *, b: note("ann b") = note("default b")) -> note("ret"):
    pass


print(order)


def deco(fn):
    order.append("deco " + fn.__name__)
    return fn


@deco
def decorated(x: note("ann x")) -> note("ann ret"):
    pass


print(order[5:])


def outer():
    T = list

    def inner(v: T) -> T:
        return v

    return inner


print(outer().__annotations__)
lam = lambda a, b=2: a
print(lam.__annotations__)

plain.__annotations__ = {"a": int}
print(plain.__annotations__)
plain.__annotations__ = None
print(plain.__annotations__)
del plain.__annotations__
print(plain.__annotations__)
try:
    plain.__annotations__ = [("a", int)]
except TypeError as e:
    print("TypeError:", e)

ann = f.__annotations__
print(sys.getrefcount(ann), sys.getrefcount(f.__annotations__))
del f
print(sys.getrefcount(ann), ann)
