# bytes + bytes and bytes * int at run time (not only folded constants):
# CPython returns an operand itself when the other is empty or the count
# is 1, and a new object otherwise, even an empty one.
import sys

x, y, z = 2, 0, 1
a = b"ab"
e = b""
print(a * x, x * a, a * y, a * -3, True * a, a + b"cd", a + e, e + a)
print(a * z is a, a + e is a, e + a is a, (a * y) is e, sys.getsizeof(a * y), len(a * y))
r = a
r *= 3
r += b"!"
print(r, sys.getsizeof(r))
for bad in ("a + 1", "a + 'x'", "a * 1.5", "a * a", "1.5 * a"):
    try:
        eval_result = {"a + 1": lambda: a + 1, "a + 'x'": lambda: a + 'x', "a * 1.5": lambda: a * 1.5,
                       "a * a": lambda: a * a, "1.5 * a": lambda: 1.5 * a}[bad]()
    except TypeError as err:
        print(bad, "->", err)
