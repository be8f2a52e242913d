# __slots__ as CPython 3.11 builds them: the names sorted (the members'
# order, so the order in which an instance's slots are cleared), private
# names mangled, a str, a tuple or a list accepted, and the errors.
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class C:
    __slots__ = ("zeta", "alpha", "mid")


c = C()
c.zeta = D("zeta")
c.alpha = D("alpha")
c.mid = D("mid")
print([k for k in C.__dict__ if not k.startswith("__")])
print(C.__slots__)
del c
print("---")


class M:
    __slots__ = ["b", "a"]


m = M()
m.a = D("a")
m.b = D("b")
print([k for k in M.__dict__ if not k.startswith("__")], M.__slots__)
del m
print("---")


class One:
    __slots__ = "only"


print([k for k in One.__dict__ if not k.startswith("__")], One.__slots__)


class Priv:
    __slots__ = ("__secret", "plain", "__dunder__")

    def __init__(self):
        self.__secret = 1
        self.plain = 2

    def secret(self):
        return self.__secret


p = Priv()
print([k for k in Priv.__dict__ if not k.startswith("__")], p.secret(), p._Priv__secret)


class WithDict:
    __slots__ = ("x", "__dict__")


w = WithDict()
w.x = 1
w.y = 2
print(sorted(w.__dict__), w.x)

for spec in [(1,), ("a-b",), ("__dict__", "__dict__"), ("x",), ("__weakref__", "__weakref__")]:
    try:
        if spec == ("x",):
            class A:
                __slots__ = spec
                x = 1
        else:
            class A:
                __slots__ = spec
        print(A.__slots__)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Base:
    pass


try:
    class Sub(Base):
        __slots__ = ("__dict__",)
except TypeError as e:
    print("TypeError", e)
