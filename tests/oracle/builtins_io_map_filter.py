# print(file=...), sys.stdout/sys.stderr, any, all, map, filter.
import sys
print("to stderr", 1, file=sys.stderr)
print("to stdout", sep="-", end="!\n", file=sys.stdout)
n = sys.stdout.write("written\n")
print(n)
print(any([0, 0, 3]), any([]), all([1, 2]), all([1, 0]), all([]))
print(list(map(len, ["a", "bb", "ccc"])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "x", None])), list(filter(lambda v: v % 2, range(7))))
m = map(str, [1, 2])
print(next(m), next(m), next(m, "end"))
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
s = Sink()
print("into", "sink", file=s)
print(s.parts)
try:
    print(1, file=5)
except AttributeError as e:
    print("AttributeError:", e)
try:
    map(len)
except TypeError as e:
    print("TypeError:", e)
print(sys.getsizeof(map(len, [])), sys.getsizeof(filter(None, [])))
