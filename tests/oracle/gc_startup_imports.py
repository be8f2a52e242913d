# What each import statement does to gc.get_count(): importlib's work for
# the first import of gc, the __spec__ probe of a module already imported,
# and the __path__ probe of "from ... import".
import sys
import gc

counts = [gc.get_count()[0]]
import gc
counts.append(gc.get_count()[0])
from gc import collect, get_count
counts.append(get_count()[0])
import weakref
counts.append(get_count()[0])
import sys as system, gc as g
counts.append(get_count()[0])
print(counts, [b - a for a, b in zip(counts, counts[1:])])
print(sys.getrefcount(gc) - sys.getrefcount(g), collect() >= 0)
