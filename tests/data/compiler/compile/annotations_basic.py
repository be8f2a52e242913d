x: int = 5
y: list[int]
(z): str = 'a'
class C:
    """doc"""
    a: int = 1
    b: str
    __p: int = 2
    def m(self, v: int = 3, *args: str, k: float = 1.0, **kw: dict) -> None:
        self.v: int = v
        w: int = 4
        u: str
        self.q: list
        d = {}
        d['k']: int
        d[1:2, 3]: int
def f(a, /, b: 'B', *, c: 'C') -> 'R': pass
def g(a: int, b) -> x: pass
print(__annotations__)
