# items() views as sets: hashable (key, value) pairs; an unhashable value
# is a TypeError where a pair must be hashed, not where membership
# (dictitems_contains) decides; items ^ items is dictitems_xor.
d = {1: 'a', 2: 'b', 3: 'c'}
e = {2: 'b', 3: 'x', 4: 'd'}
i = d.items()
print(i & {(1, 'a'), (2, 'z')}, {(1, 'a'), (2, 'z')} & i, i & [(3, 'c'), 3, (3,), (3, 'c', 0)])
print(i & e.items(), e.items() & i, i - e.items(), e.items() - i, i ^ e.items(), e.items() ^ i)
print(i ^ {(1, 'a'), (9, 'q')}, [(9, 'q'), (2, 'b')] ^ i, i | {(0, 0)}, [(0, 0)] | i)
print(i & d.keys(), d.keys() & i, i | d.keys(), i - d.keys(), i ^ d.keys(), d.keys() ^ i)
print(i ^ i, i - i, i & i, i ^ dict(d).items(), {}.items() ^ i, i ^ {}.items())
x = {1: 1.0, 2: 2, 3: True}
print(x.items() ^ {1: 1, 2: 2.0, 3: 1}.items(), {1: 1, 2: 2.0, 3: 1}.items() ^ x.items())
u = {1: [], 2: 'b'}
print(u.items() & [(1, 2), (2, 'b')], u.items() & d.items(), d.items() & u.items(), u.items() & [(1, ())])
for f in (lambda: u.items() | set(), lambda: u.items() - set(), lambda: {(1, 2)} & u.items(),
          lambda: u.items() ^ [(3, 3)], lambda: [(2, 'b')] - u.items(), lambda: u.items() ^ d.items(),
          lambda: d.items() ^ u.items(), lambda: {1: []}.items() ^ {1: []}.items(),
          lambda: {1: 1}.items() ^ {1: []}.items(), lambda: {1: []}.items() & {1: []}.items(),
          lambda: u.items() & [(1, [])]):
    try:
        print(f())
    except TypeError as exc:
        print('TypeError', exc)
print(type(i & set()), type(i ^ e.items()), len(i | e.items()))
