# Generators: yield, lazy evaluation, StopIteration, return values, expressions.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yield", i)
        yield i
        i += 1
    print("end")

g = count_up(2)
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(next(g, "again"))
print(list(count_up(3)))

def with_return():
    yield 1
    return "result"

it = with_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])
gen = (x * x for x in range(5))
print(type(gen).__name__, sum(gen), sum(gen))
print(list(x for x in "abc" if x != "b"))
print(max(len(w) for w in ["a", "abc", "ab"]))

def chain(*iterables):
    for it in iterables:
        for v in it:
            yield v

print(list(chain([1, 2], "ab", range(2))))

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")

h = gen_finally()
print(next(h))
h = None
print("after drop")
for v in gen_finally():
    print("got", v)
    break
print("after break")

def echo():
    received = yield "ready"
    while True:
        received = yield "got " + str(received)

e = echo()
print(next(e), e.send(1), e.send("x"))
