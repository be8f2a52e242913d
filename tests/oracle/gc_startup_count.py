# gc.get_count() before any collection: what python3's start-up and its
# compilation of this very file (two functions, a class, constants) left,
# then the first allocations, which come from CPython's free lists.
import gc

print(gc.get_count())


def area(w, h=2):
    return w * h


class Box:
    def __init__(self, size):
        self.size = size


c0 = gc.get_count()[0]
pair = [1, 2]
table = {"a": 1}
point = (pair, table)
print("three containers:", gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
boxes = [Box(i) for i in range(10)]
print("ten boxes:", gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
rows = [[i] for i in range(60)]
print("sixty lists:", gc.get_count()[0] - c0)
del rows
print("after del:", gc.get_count())
print(area(3), gc.get_stats()[0])
