# gc.get_referents and gc.get_referrers are METH_VARARGS: each call packs its arguments into a tuple (+1 when that size's free list is empty) besides the result list.
import gc

def c():
    return gc.get_count()[0]

gc.collect()
a = []
b = [a]
x = c()
x = c()
y = c(); r = gc.get_referents(a); z = c()
print("get_referents 1", z - y, len(r))
y = c(); r = gc.get_referrers(a); z = c()
print("get_referrers 1", z - y, len(r))
y = c(); r = gc.get_referents(a, b); z = c()
print("get_referents 2", z - y, len(r))
y = c(); r = gc.get_referrers(a, b); z = c()
print("get_referrers 2", z - y, len(r))
y = c(); r = gc.get_referents(); z = c()
print("get_referents 0", z - y, len(r))
y = c(); r = gc.get_referents(a, b, a); z = c()
print("get_referents 3", z - y, len(r))
y = c(); r = gc.get_referrers(a, b, a); z = c()
print("get_referrers 3", z - y, len(r))
