# lambda: as values, keys, closures, defaults.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(5), add(1), add(1, 2), (lambda: "now")())
print(square.__name__)
pairs = [(2, "b"), (1, "c"), (3, "a")]
print(sorted(pairs, key=lambda p: p[1]))
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: -p[0]))
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns2 = [lambda i=i: i for i in range(3)]
print([f() for f in fns2])
def make_adder(n):
    return lambda x: x + n
add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, add5)(1))
star = lambda *a, **k: (a, k)
print(star(1, 2, z=3))
