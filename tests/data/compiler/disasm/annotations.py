x: int = 5
y: "list"
(z): str = "a"
class C:
    a: int = 1
    __p: float
    def m(self, v: int = 3, *args: str, k: float = 1.0, **kw: dict) -> None:
        self.v: int = v
        w: int = 4
        d = {}
        d[1:2, 3]: int
def f(a, /, b: "B", *, c: "C") -> "R": pass
print(__annotations__)
