# Classes: __init__, methods, class and instance attributes, __repr__ and __str__.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return "Point(" + repr(self.x) + ", " + repr(self.y) + ")"

class Named:
    def __init__(self, name):
        self.name = name
    def __str__(self):
        return "Named " + self.name
    def __repr__(self):
        return "<Named " + repr(self.name) + ">"

class OnlyStr:
    def __str__(self):
        return "only str"

p = Point(3, 4)
print(p, repr(p), str(p), [p], p.norm2(), p.moved(1, 1))
n = Named("x")
print(n, str(n), repr(n), [n], (n,), {"k": n})
print(f"{n} {n!r}", "%s %r" % (n, n))
o = OnlyStr()
print(o, str(o), [str(o)])
print(Point.dims, p.dims, p.__dict__)
p.dims = 3
print(Point.dims, p.dims, p.__dict__)
Point.dims = 5
q = Point(0, 0)
print(q.dims, p.dims)
m = p.norm2
print(m(), Point.norm2(q))
print(Point.__name__, type(p).__name__, p.__class__ is Point)
class Empty:
    pass
e = Empty()
e.anything = [1]
print(e.anything, Empty.__name__, e.__dict__)
