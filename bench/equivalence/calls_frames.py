# CALL and RETURN_VALUE's inline frame push and pop: exact calls, calls
# that bind keywords, defaults, *args and **kwargs, closures, methods,
# recursion deep enough to need new data-stack chunks (and give them
# back), a RecursionError at the limit, exceptions unwinding through
# inlined frames, generators, and __init__ through a nested loop.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def kw(a, b=2, *rest, c=3, **more):
    return a + b + c + len(rest) + len(more)


def raiser(n):
    if n == 0:
        raise ValueError("bottom")
    return raiser(n - 1)


def gen(n):
    for i in range(n):
        yield fib(i)


def outer():
    x = 10

    def inner(y):
        return x + y

    return inner


class P:
    def __init__(self, v, w=1):
        self.v = v
        self.w = w

    def total(self, extra=0):
        return self.v + self.w + extra


print(fib(15))
for d in (10, 150, 400, 900):
    print(d, depth(d))
print(kw(1), kw(1, 2), kw(1, 2, 3, 4), kw(1, c=10), kw(1, 2, 3, c=4, d=5, e=6))
try:
    raiser(50)
except ValueError as e:
    print("caught", e)
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError", e)
print(depth(300))
print(list(gen(10)))
f = outer()
print(f(5), f(y=6))
p = P(1)
q = P(2, w=3)
print(p.total(), q.total(4), q.total(extra=5), P.total(p, 7))
print(sum(P(i).total() for i in range(100)))
m = p.total
print(m(), m(1))
print(sys.getrefcount(p) - sys.getrefcount(q))
