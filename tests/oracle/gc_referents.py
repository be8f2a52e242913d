# gc.get_referents(): what tp_traverse visits, in its order (lists and tuples backwards), for containers, instances (inline values + class), slots, closures.
import gc

class P:
    pass

class S:
    __slots__ = ('a', 'b')

def names(objs):
    out = []
    for o in objs:
        out.append(type(o).__name__)
    return out

gc.collect()
x = [1, 'a']
y = {'k': x}
t = (x, y, 3)
print(gc.get_referents(x))
print(gc.get_referents(t))
print(gc.get_referents(y))
print(gc.get_referents({'a': 1, 'b': [2]}))
print(gc.get_referents({1: 'one', (2, 3): 'pair'}))
print(gc.get_referents(5), gc.get_referents('s'), gc.get_referents(None))

p = P()
p.v = x
p.w = 7
r = gc.get_referents(p)
print("instance:", names(r), r[0] is x, r[-1] is P)
print(r[1:])
d = p.__dict__
r = gc.get_referents(p)
print("instance with dict:", names(r), any([o is d for o in r]))

s = S()
s.a = x
r = gc.get_referents(s)
print("slots:", names(r), r)
s.b = 'bee'
print("slots:", gc.get_referents(s)[1:])

def outer():
    v = [1]
    def inner():
        return v
    return inner

f = outer()
cells = f.__closure__
print(len(cells), gc.get_referents(cells[0]))
print(names(gc.get_referents(cells)))
print(len(gc.get_referents(x, y, t)))
print(names(gc.get_referents([1, 2.5, 'z', None, (), []])))
print(names(gc.get_referents(set())))
print(len(gc.get_referents({1, 2, 3})))
