# __del__ at function exit, for temporaries, in loops and after exceptions.
class T:
    def __init__(self, name):
        self.name = name
        print("new", name)
    def __del__(self):
        print("del", self.name)

def locals_order():
    a = T("a")
    b = T("b")
    c = T("c")
    print("returning")

locals_order()
print("after locals_order")

def returns_one():
    keep = T("keep")
    drop = T("drop")
    return keep

k = returns_one()
print("got", k.name)
k = None
print("temporary in expression")
print(T("temp").name)
print("after temporary")
for i in range(3):
    obj = T("loop" + str(i))
print("after loop")
obj = None

def raises():
    local = T("in raising frame")
    raise ValueError("boom")

try:
    raises()
except ValueError as e:
    print("caught", e)
print("after except")

def nested():
    outer_obj = T("outer")
    def inner():
        inner_obj = T("inner")
    inner()
    print("inner returned")

nested()
print("comprehension")
names = [T("c" + str(i)).name for i in range(2)]
print(names)
def gen():
    g_obj = T("in generator")
    yield 1
    yield 2
g = gen()
next(g)
print("dropping generator")
g = None
print("end")
