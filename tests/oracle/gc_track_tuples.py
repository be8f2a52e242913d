# Tuple tracking: new tuples of atoms are tracked until a collection examines them; nested tuples lose tracking one level per pass.
import gc

def make(a, b):
    return (a, b)

gc.collect()
t = make(1, 'x')
print("atoms, new:", gc.is_tracked(t))
gc.collect(0)
print("atoms, after collect(0):", gc.is_tracked(t))

l = []
u = make(1, l)
print("holds a list:", gc.is_tracked(u))
gc.collect()
print("holds a list, after collect():", gc.is_tracked(u))

e = ()
print("empty:", gc.is_tracked(e))
c = (1, 2, 3)
print("constant:", gc.is_tracked(c))
gc.collect()
print("constant after collect():", gc.is_tracked(c))

inner = make(1, 2)
mid = make(inner, 3)
outer = make(mid, 4)
print("nested:", gc.is_tracked(inner), gc.is_tracked(mid), gc.is_tracked(outer))
passes = 0
while gc.is_tracked(outer):
    gc.collect(0)
    passes += 1
    print("pass", passes, gc.is_tracked(inner), gc.is_tracked(mid), gc.is_tracked(outer))

inner = make(1, 2)
mid = make(3, inner)
outer = make(4, mid)
gc.collect()
print("created inner first, one full collect:", gc.is_tracked(inner), gc.is_tracked(mid), gc.is_tracked(outer))

outer2 = make(4, make(3, make(1, 2)))
gc.collect()
print("built inside out, one full collect:", gc.is_tracked(outer2), gc.is_tracked(outer2[1]), gc.is_tracked(outer2[1][1]))
gc.collect()
print("second full collect:", gc.is_tracked(outer2), gc.is_tracked(outer2[1]), gc.is_tracked(outer2[1][1]))
outer3 = make(make(make(make(1, 2), 3), 4), 5)
passes = 0
while gc.is_tracked(outer3) and passes < 10:
    gc.collect()
    passes += 1
print("four levels, full collect passes:", passes)
outer4 = make(make(make(1, 2), 3), 4)
gc.collect(0)
print("collect(0):", gc.is_tracked(outer4), gc.is_tracked(outer4[0]), gc.is_tracked(outer4[0][0]))
gc.collect(0)
print("collect(0) again (now in gen1, not examined):", gc.is_tracked(outer4), gc.is_tracked(outer4[0]))
gc.collect(1)
print("collect(1):", gc.is_tracked(outer4), gc.is_tracked(outer4[0]))

k = make(None, 2.5)
print(gc.is_tracked(k))
gc.collect()
print(gc.is_tracked(k))
print(gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked(None), gc.is_tracked(2.5))
