"""Module docstring."""
import sys
import os.path as osp
from collections import OrderedDict as OD, deque
from math import *
x = 1
y = x + 2 * 3 - 4 / 5 // 6 % 7 ** 2
z = -x, +x, ~x, not x
x += 1; x -= 1; x *= 2; x /= 2; x //= 1; x %= 5; x **= 2
x <<= 1; x >>= 1; x &= 7; x |= 8; x ^= 3; x @= x if False else 1
s = [1, 2, 3][1:2], [4, 5][::2], (x)[0:1:2] if 0 else None
a = b = c = 5
a, b = b, a
a, *rest = [1, 2, 3]
d = {"k": 1, "j": 2}
d["k"] = 3
del d["k"]
e = {1: a, 2: b}
print(a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b)
print(a in d, a not in d, 1 < a < 3)
print(a and b or c, not (a or b))
assert a, "message"
assert b
sys.x = 1
del sys.x
print(sys.version_info.major)
global gg
gg = 1
del gg
if x:
    pass
elif y:
    x = 2
else:
    x = 3
lst = [1, 2, 3, *rest]
st = {1, 2, *rest}
tp = (*rest, 1)
dd = {**d, "z": 1}
n: int = 5
m: "str"
print(lst[-1], ..., None, True, False)
