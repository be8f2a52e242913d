# sum, min, max, abs.
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10))
print(sum([0.5, 0.25]), sum((1, 2.5)), sum([[1], [2]], []))
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"))
print(min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len))
print(min([], default="empty"), max([], default=None))
print(max([1, 3, 3, 2], key=lambda v: -v), min((2, "b"), (2, "a")))
print(max({1: "a", 9: "b"}), min({5, 7, 3}))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-10**20), abs(True))
words = ["pear", "fig", "banana"]
print(max(words), min(words), max(words, key=len))
print(max(1, 2.5), min(-1, -1.5))
