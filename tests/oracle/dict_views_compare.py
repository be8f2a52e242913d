# Dict views against sets and views (dictview_richcompare): keys() and
# items() compare as sets, reflected too; values() by identity only;
# (key, value) in d.items().
d = {1: 2, 3: 4}
print(d.keys() == {1, 3}, d.keys() != {1, 3}, d.keys() == {1}, {1, 3} == d.keys(), d.keys() == frozenset([1, 3]))
print(d.items() == {(1, 2), (3, 4)}, d.items() == {(1, 2), (3, 5)}, d.items() != {(1, 2)}, {(1, 2), (3, 4)} == d.items())
print(d.keys() < {1, 3, 5}, d.keys() <= {1, 3}, d.keys() > {1}, d.keys() >= {1, 3}, d.keys() > {1, 3}, {1} < d.keys())
print(d.keys() == d.keys(), d.keys() == {1: 0, 3: 0}.keys(), d.items() == dict(d).items(), d.keys() == [1, 3])
print(d.values() == d.values(), d.values() == {2, 4}, (1, 2) in d.items(), (1, 3) in d.items(), [1, 2] in d.items())
v = d.values(); print(v == v, v != v)
try:
    d.values() < d.values()
except TypeError as e:
    print(e)
try:
    d.keys() < [1]
except TypeError as e:
    print(e)
print(d.keys() == {1, 3}.union(), d.items() < {(1, 2), (3, 4), 5})
