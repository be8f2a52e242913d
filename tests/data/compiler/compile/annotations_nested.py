"""mod doc"""
import sys
if sys:
    a: int = 1
else:
    b: str
for i in range(2):
    c: float
try:
    pass
except Exception:
    d: int
def outer():
    T = int
    def inner():
        x: T = 1
        y: (lambda: 3)
        return x
    return inner
def g(a: int, /, b: 'x' = 2, *args: *sys, k: list[int], **kw) -> 'str':
    return a
def h(x: 1 + 2, y: (1, 2)): pass
class K:
    if 1:
        q: int = 3
    def __m(self, __z: int) -> 'K': pass
@outer
def dec(a: int) -> None: pass
v: int = 3 if True else 4
obj = K()
obj.attr: int = 5
lst = [1,2,3]
lst[0]: int = 9
lst[1:2]: int
(lst): list
(obj.attr): int
