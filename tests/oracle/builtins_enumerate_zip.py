# enumerate and zip.
for i, ch in enumerate("abc"):
    print(i, ch)
for i, v in enumerate([10, 20], start=5):
    print(i, v)
print(list(enumerate(["x", "y"])))
print(list(zip([1, 2, 3], "ab")))
print(list(zip()), list(zip([1, 2])))
for a, b, c in zip(range(3), "xyz", [True, False, None]):
    print(a, b, c)
names = ["ann", "bob"]
ages = [31, 42]
print(dict(zip(names, ages)))
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words)
e = enumerate("hi")
print(next(e), next(e))
z = zip([1], [2])
print(next(z))
print(type(e).__name__, type(z).__name__)
