# gc.collect() finds reference cycles that refcounting cannot free.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)

gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
a = b = None
print("cycle unreachable, not yet freed")
print("collected", gc.collect())
lst = []
lst.append(lst)
lst = None
print("collected", gc.collect())
print("collected again", gc.collect())
