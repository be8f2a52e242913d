# __del__ of a list subclass runs when the count reaches zero, before
# the items are released (subtype_dealloc, then list_dealloc).
import sys


class Tracked(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name

    def __del__(self):
        print("del", self.name, len(self), self)


class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del item", self.n)

    def __repr__(self):
        return "Item(%d)" % self.n


t = Tracked("t", [Item(1), Item(2)])
print(sys.getrefcount(t))
del t
print("--")
outer = Tracked("outer", [Tracked("inner", [Item(3)]), Item(4)])
outer.append(Tracked("late"))
del outer
print("--")


def scope():
    local = Tracked("local", [Item(5)])
    local.append(Item(6))
    print("leaving", len(local))


scope()
print("--")
x = Tracked("x", [1])
x = Tracked("y", [2])
print("rebound")


class Resurrect(list):
    def __del__(self):
        global saved
        saved = self
        print("resurrected", self)


r = Resurrect([Item(7)])
del r
print("saved", saved, sys.getrefcount(saved))
del saved
print("end")
del x
print("after")
