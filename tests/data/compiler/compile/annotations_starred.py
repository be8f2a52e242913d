def f(*args: *Ts, k: (1, 2), **kw: 'x' 'y') -> -1: pass
def g(a: x.y, b: x[0]): pass
class C:
    def m(self, __a: int, *__b: str) -> None:
        (__c): int = 1
        __d: int
    __e: int
x: int
