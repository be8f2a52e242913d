# The 25% long-lived rule: automatic gen2 collections are skipped while gen1 survivors since the last full one are under 1/4 of its survivors.
import gc

class K:
    pass

gens = []

def cb(phase, info):
    if phase == "start":
        gens.append(info["generation"])

def run(nbig):
    gc.collect()
    gc.freeze()
    big = [K() for i in range(nbig)]
    gc.collect()
    print("long-lived:", len(gc.get_objects(2)))
    keep = []
    gens.clear()
    gc.callbacks.append(cb)
    gc.set_threshold(5, 3, 2)
    for i in range(600):
        keep.append(K())
    gc.set_threshold(700, 10, 10)
    gc.callbacks.remove(cb)
    print("".join([str(g) for g in gens]))
    print(len(gens), gens.count(0), gens.count(1), gens.count(2))
    gc.unfreeze()

run(0)
run(100)
run(1000)
