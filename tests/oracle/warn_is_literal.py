# "is" with a literal: python3 warns at compile time, before anything runs,
# and then the comparison runs as written.
x = 256
y = 256
print(x is 256)          # one constant object for both 256s of the module
print(x is not "a")
print(x is -1, x is (1, 2), x is ())
print(x is None, x is True, x is ...)  # named singletons: no warning


def f(a):
    return a is 1000


print(f(1000), f(x))


def g(a):
    try:
        return a
    finally:
        print("g:", a is 7)  # the finally body is compiled three times


g(7)
lam = lambda q: q is not 0
print(lam(0), [v is 2 for v in range(3)])
print(sorted({k is 1 for k in range(2)}), list(v is not 3 for v in (3, 4)))
if x is 256 or y is 256:
    print("or")
while x is not 256 and y:
    break
print("a" if x is 1 is y else "b")


class C:
    z = x is 2

    def m(self):
        return self is 3


print(C.z, C().m())
