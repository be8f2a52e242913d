# The methods of dict.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
d.update({"d": 4, "a": 10})
d.update(e=5)
d.update([("f", 6)])
print(d)
print(d.pop("b"), d.pop("zz", "none"), d)
print(d.popitem(), d)
e = d.copy()
e["new"] = True
print(d, e, len(d), len(e))
e.clear()
print(e)
try:
    d.pop("missing")
except KeyError as ex:
    print("KeyError:", ex)
try:
    {}.popitem()
except KeyError as ex:
    print("KeyError:", ex)
keys = d.keys()
d["late"] = 0
print(keys, "late" in keys, len(keys))
print(dict.fromkeys("ab"), {1: 2} | {3: 4})
