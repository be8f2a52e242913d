# The automatic trigger with the default thresholds (700, 10, 10): a collection starts when count[0] reaches 701; gen1 every 11th time.
import gc

class K:
    pass

seen = []

def cb(phase, info):
    if phase == "start":
        seen.append((info["generation"], gc.get_count()))

gc.collect()
gc.freeze()
gc.collect()
print(gc.get_threshold())
keep = []
gc.callbacks.append(cb)
for i in range(9000):
    keep.append(K())
gc.callbacks.remove(cb)
print(len(seen))
for s in seen:
    print(s)
print(gc.get_count())
keep = None
gc.unfreeze()
