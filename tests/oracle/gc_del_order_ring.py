# __del__ order in a collected cycle of 3+ objects follows the collector's list order (creation order), not the link order.
import gc

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def ring(nodes):
    for i in range(len(nodes)):
        nodes[i].next = nodes[(i + 1) % len(nodes)]

gc.collect()
a = D("a")
b = D("b")
c = D("c")
ring([a, b, c])
a = b = c = None
print("collected", gc.collect())

c = D("c")
b = D("b")
a = D("a")
ring([a, b, c])
a = b = c = None
print("collected", gc.collect())

ns = [D("n" + str(i)) for i in range(5)]
ring([ns[3], ns[0], ns[4], ns[1], ns[2]])
ns = None
print("collected", gc.collect())

p = D("p")
q = D("q")
r = D("r")
s = D("s")
p.kids = [q, r]
q.up = p
r.up = p
s.up = p
p.extra = s
p = q = r = s = None
print("collected", gc.collect())
