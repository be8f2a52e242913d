# hasattr, getattr, setattr.
class Box:
    size = 3
    def __init__(self):
        self.item = "apple"

b = Box()
print(hasattr(b, "item"), hasattr(b, "size"), hasattr(b, "missing"))
print(getattr(b, "item"), getattr(b, "size"), getattr(b, "missing", "default"))
setattr(b, "color", "red")
print(b.color, b.__dict__)
setattr(b, "size", 10)
print(b.size, Box.size)
setattr(Box, "shared", [1])
print(b.shared, hasattr(Box, "shared"))
try:
    getattr(b, "nope")
except AttributeError as e:
    print("AttributeError:", e)
name = "it" + "em"
print(getattr(b, name))
print(hasattr([], "append"), hasattr(5, "append"), getattr("abc", "upper")())
print(getattr(1, "real"), hasattr(None, "x"))
