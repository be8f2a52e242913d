import sys
from gc import collect as c

class Node:
    __slots__ = ('value', 'next')

    def __init__(self, value, next=None):
        self.value = value
        self.next = next

    def __repr__(self):
        return f"Node({self.value!r})"


def build(n, *args, **kw):
    head = None
    for i in reversed(range(n)):
        head = Node(i, head)
    return head

try:
    lst = [x ** 2 for x in range(10) if x % 2 == 0]
    d = {k: v for k, v in zip('abc', lst)}
    s = {1, 2, 3} | {4}
    g = (x for x in lst)
except (ValueError, TypeError) as e:
    raise RuntimeError("bad") from e
else:
    assert sys.getrefcount(lst) >= 2, "refcount"
finally:
    del lst

def outer():
    count = 0
    def inner():
        nonlocal count
        count += 1
        yield count
    return inner

print(build(3), c(), -1, +2, not 0, 3 // 2, 7 % 3)
