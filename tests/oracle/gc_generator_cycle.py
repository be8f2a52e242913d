# Generators in cycles: a cycle through a generator's frame is broken by the generator's finalizer (collect() counts 0); one through a list is counted.
import gc
import weakref

def counter(box):
    try:
        n = 0
        while True:
            n += 1
            yield n
    finally:
        print("generator finally, box", box.name)

def plain():
    yield 1
    yield 2

class Box:
    def __init__(self, name):
        self.name = name

gc.collect()
b = Box("b1")
g = counter(b)
b.gen = g
print(next(g), next(g))
r = weakref.ref(b)
g = b = None
print("started, through the frame, collected", gc.collect())
print("box freed:", r() is None)

b = Box("b2")
b.gen = counter(b)
r = weakref.ref(b)
b = None
print("never started, through the frame, collected", gc.collect())
print("box freed:", r() is None)

def selfish():
    me = yield 1
    yield me

g = selfish()
next(g)
g.send(g)
g = None
print("generator holding itself, collected", gc.collect())

b = Box("b3")
g = counter(b)
b.gen = g
next(g)
g.close()
g = b = None
print("closed first, collected", gc.collect())

l = []
l.append(plain())
l.append(l)
l = None
print("list -> new generator, collected", gc.collect())

l = []
g = plain()
next(g)
l.append(g)
l.append(l)
g = l = None
print("list -> suspended generator, collected", gc.collect())

l = []
g = plain()
for v in g:
    pass
l.append(g)
l.append(l)
g = l = None
print("list -> finished generator, collected", gc.collect())
