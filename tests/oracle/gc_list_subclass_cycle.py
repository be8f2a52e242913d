# Cycles through list subclasses: the collector finalizes (__del__ once),
# then clears them (subtype_clear: the instance's dict, then list_clear).
import gc


class MyList(list):
    def __del__(self):
        print("destroy", len(self))


class Plain(list):
    pass


gc.collect()
a = MyList()
b = MyList()
a.append(b)
b.append(a)
del a
del b
print("collecting")
print(gc.collect())
print("done")

c = Plain([1])
c.append(c)
del c
print(gc.collect())

d = Plain()
d.me = d
del d
print(gc.collect())

e = MyList([MyList([0])])
e[0].append(e)
e.tag = "x"
del e
print(gc.collect())
print(gc.garbage)


class Keep(list):
    def __del__(self):
        global kept
        kept = self
        print("keep", len(self))


k = Keep()
k.append(k)
del k
print(gc.collect(), len(kept), kept[0] is kept)
kept.clear()
del kept
print(gc.collect())
