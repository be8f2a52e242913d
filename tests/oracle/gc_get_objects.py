# gc.get_objects(generation): which generation new, surviving and untracked objects are in (membership and counts after freeze()).
import gc

class K:
    pass

def has(objs, x):
    for o in objs:
        if o is x:
            return True
    return False

def where(x):
    return [has(gc.get_objects(g), x) for g in range(3)]

gc.collect()
gc.freeze()
a = K()
l = [a]
print("new:", where(a), where(l))
print(len(gc.get_objects(0)) >= 2)
gc.collect(0)
print("after collect(0):", where(a), where(l))
b = K()
print("b new:", where(b))
gc.collect(1)
print("after collect(1):", where(a), where(b))
gc.collect()
print("after collect():", where(a), where(b))
print("gen sizes:", len(gc.get_objects(0)), len(gc.get_objects(1)), len(gc.get_objects(2)))

d = {'x': 1}
t = (1, 2)
print("untracked dict:", has(gc.get_objects(), d), "int:", has(gc.get_objects(), 5))
print("tuple constant:", has(gc.get_objects(), t))
u = (a, 1)
print("tuple holding an instance:", where(u))
print(len(gc.get_objects()) == len(gc.get_objects(0)) + len(gc.get_objects(1)) + len(gc.get_objects(2)))
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print("ValueError:", e)
print(len(gc.get_objects(-1)) == len(gc.get_objects()))
gc.unfreeze()
