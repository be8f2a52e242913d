# Resurrection of a cycle through a global: nothing is counted, the whole cycle survives, and a second collection runs no __del__.
import gc

lazarus = None

class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        global lazarus
        print("del", self.name)
        if self.name == "b":
            lazarus = self

gc.collect()
a = R("a")
b = R("b")
c = R("c")
a.next = b
b.next = c
c.next = a
a = b = c = None
print("collected", gc.collect())
print(lazarus.name, lazarus.next.name, lazarus.next.next.name)
print([gc.is_finalized(o) for o in (lazarus, lazarus.next, lazarus.next.next)])
lazarus = None
print("dropped, collected", gc.collect())

a = R("a")
b = R("b")
a.next = b
b.next = a
x = R("x")
x.me = x
a = b = x = None
print("one resurrecting cycle and one plain, collected", gc.collect())
lazarus = None
print("collected", gc.collect())
