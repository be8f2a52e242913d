x: int = 1
y: Y
(z): Z
def f(a: A, /, b: B = 1, *c: C, d: D, **e: E) -> R:
    u: U
    (w): W
    v: V = 1
    self.q: Q
    def g():
        t: u = 0
        return t
class K:
    m: M
    __p: P = 2
    def meth(self, __x: X) -> K: pass
