# Special methods: __eq__, __lt__, __len__, __iter__, __getitem__, __contains__, __bool__ via len.
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return "v" + str(self.major) + "." + str(self.minor)

vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), min(vs), max(vs))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1), Version(1, 0) is Version(1, 0))
print(Version(0, 1) < Version(0, 2), Version(0, 2) > Version(0, 1))
print(Version(1, 0) in vs, vs.index(Version(1, 0)), vs.count(Version(1, 2)))

class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, x):
        print("contains", x)
        return x in self.items

b = Bag(3, 1, 2)
print(len(b), list(b), sorted(b), b[0], b[-1], b[0:2])
print(2 in b, 9 in b)
print(bool(b), bool(Bag()))
for item in b:
    print("item", item)
a, c, d = b
print(a, c, d, sum(b), max(b))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10

print(list(Seq()), 20 in Seq())
try:
    Version(1, 0) < 5
except AttributeError as e:
    print("AttributeError:", e)
