# Bound-method and builtin-method equality and hashing (method_richcompare,
# method_hash, meth_richcompare, meth_hash): equal when bound to the same
# object, so they match in lists, dicts and sets.
class A:
    def f(self): return 1
    def g(self): return 2
a = A(); b = A()
print(a.f == a.f, a.f != a.f, a.f == a.g, a.f == b.f, a.f is a.f)
print(a.f in [a.f], a.g in [a.f], [a.f].count(a.f), [a.f, a.g].index(a.g))
d = {a.f: 1}
print(d[a.f], a.f in d, b.f in d, hash(a.f) == hash(a.f))
l = [1]
print(l.append == l.append, l.append != l.append, l.append == l.pop, l.append == [].append)
print(hash(l.append) == hash(l.append), {l.append: 2}[l.append], len == len, a.f == 1, 1 == a.f)
print(len({a.f, a.f, b.f}), len({l.append, l.append}))
