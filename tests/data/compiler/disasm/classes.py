class A:
    """Doc."""
    attr = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    @staticmethod
    def s():
        return 1
    @classmethod
    def c(cls):
        return cls
    @property
    def p(self):
        return self.v

class B(A, metaclass=type):
    def get(self):
        return super().get() + 1
    def __repr__(self):
        return f"B({self.v!r})"

def make_class(q):
    class C:
        q2 = q
        def m(self):
            return q
    return C

class D:
    x: int = 3
    y: str
    __slots__ = ("a",)
