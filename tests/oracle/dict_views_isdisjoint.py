# keys().isdisjoint and items().isdisjoint (dictviews_isdisjoint): any
# iterable; the shorter of two set-likes is the one iterated; values()
# has no such method.
d = {1: 'a', 2: 'b', 3: 'c'}
k, i = d.keys(), d.items()
print(k.isdisjoint({4, 5}), k.isdisjoint({3}), k.isdisjoint([]), k.isdisjoint([9, 2]), k.isdisjoint(range(3, 9)))
print(k.isdisjoint(k), {}.keys().isdisjoint({}.keys()), k.isdisjoint({4: 0}.keys()), k.isdisjoint({1: 0}),
      k.isdisjoint(x for x in (7, 8, 1)), k.isdisjoint('abc'), k.isdisjoint(frozenset(range(10, 100))))
print(i.isdisjoint({(1, 'a')}), i.isdisjoint([(1, 'b')]), i.isdisjoint(i), i.isdisjoint(k), i.isdisjoint({(2, 'b'): 0}),
      i.isdisjoint([1, (1,), (1, 'a', 2)]), {}.items().isdisjoint([]), i.isdisjoint({3: 'c'}.items()))
u = {1: []}
print(u.items().isdisjoint([(1, [])]), u.items().isdisjoint([(1, 2)]), u.keys().isdisjoint([[]] * 0))
for f in (lambda: k.isdisjoint(1), lambda: k.isdisjoint(), lambda: i.isdisjoint(1, 2), lambda: k.isdisjoint([[]]),
          lambda: u.items().isdisjoint({(1, 2), (3, 4), (5, 6)}), lambda: k.isdisjoint(x=1),
          lambda: d.values().isdisjoint([1])):
    try:
        print(f())
    except (TypeError, AttributeError) as exc:
        print(type(exc).__name__, exc)
print(type(k).isdisjoint(k, [1]), type(i).isdisjoint(i, []))
