# __del__ order when containers and attribute chains are freed.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

print("list of three")
lst = [T("l0"), T("l1"), T("l2")]
lst = None
print("tuple of two")
tup = (T("t0"), T("t1"))
del tup
print("dict values")
d = {"a": T("d0"), "b": T("d1")}
d = 0
print("chain of attributes")
head = T("c0")
head.next = T("c1")
head.next.next = T("c2")
head = None
print("nested containers")
nest = [T("n0"), (T("n1"), [T("n2")]), {"k": T("n3")}, T("n4")]
nest = None
print("set of objects")
s = {T("s0")}
s.clear()
print("list slice deletion")
l2 = [T("x0"), T("x1"), T("x2"), T("x3")]
del l2[1:3]
print("after slice del")
l2.pop()
print("after pop")
l2[0] = T("x4")
print("after replace")
del l2
print("overwrite a name")
v = T("v0")
v = T("v1")
print("attribute replaced")
class Box:
    pass
b = Box()
b.item = T("b0")
b.item = T("b1")
del b.item
print("instance with several attributes")
b.one = T("a1")
b.two = T("a2")
b.three = T("a3")
b = None
print("end")
v = None
