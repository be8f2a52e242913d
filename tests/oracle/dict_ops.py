# dict behaviour: order, overwrite, deletion, membership, equality, iteration.
d = {}
d["x"] = 1
d["y"] = 2
d["z"] = 3
d["x"] = 100
print(d)
del d["y"]
d["y"] = 20
print(d, list(d))
print("x" in d, 100 in d, 100 in d.values(), ("x", 100) in d.items())
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: 1} != {1: 2})
mixed = {1: "int", "1": "str", 1.5: "float", (1,): "tuple", None: "none", True: "bool"}
print(mixed)
print(mixed[1.0], mixed[True])
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
squares = {n: n * n for n in range(5)}
print(squares, squares[4])
inv = {v: k for k, v in squares.items() if k % 2 == 0}
print(inv)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
