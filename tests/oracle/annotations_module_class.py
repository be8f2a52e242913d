# Variable annotations in a module and a class body (no `from __future__
# import annotations`): SETUP_ANNOTATIONS makes __annotations__ in the
# namespace, a simple name's annotation is evaluated and stored under the
# (mangled) name after the value, `x: T` without a value stores only the
# annotation, and attribute, subscript and parenthesised targets evaluate
# their annotation but do not record it.  A class's __annotations__ is its
# own (a subclass gets a new empty dict on first access); a built-in type
# has none; functions' local annotations are never evaluated.
import sys

x: int = 5
y: "list[int]"
(z): str = "zed"
print(__annotations__)
print(x, z, "y" in __annotations__, "z" in __annotations__)
try:
    print(y)
except NameError as e:
    print("NameError:", e)

order = []


def note(v):
    order.append(v)
    return v


w: note("annotation") = note("value")
print(order)


class Box:
    pass


b = Box()
b.attr: note("attr annotation") = note("attr value")
items = [0, 1, 2]
items[0]: note("item annotation") = 9
items[note(1):note(2)]: note("slice annotation")
print(order[2:], b.attr, items)


class Point:
    """A point."""
    x: int = 0
    y: int = 0
    label: str
    __secret: float = 1.5
    if True:
        inside_if: bool
    for _i in range(1):
        inside_for: "forward"

    def norm(self) -> float:
        return self.x + self.y


print(Point.__annotations__)
print(Point.__doc__, Point.x, Point._Point__secret)
print(Point().__annotations__ is Point.__annotations__)


class Point3(Point):
    z: int = 0


class Plain(Point):
    pass


print(Point3.__annotations__, Point3.z)
print(Plain.__annotations__, Plain.__annotations__ is Plain.__annotations__)
print(Plain.__annotations__ is Point.__annotations__)
Plain.__annotations__ = {"q": int}
print(Plain.__annotations__)
del Plain.__annotations__
print(Plain.__annotations__)
del Plain.__annotations__
try:
    del Plain.__annotations__
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.__annotations__
except AttributeError as e:
    print("AttributeError:", e)


class NoAnn:
    pass


try:
    NoAnn().__annotations__
except AttributeError as e:
    print("AttributeError:", e)


def local_annotations():
    never: undefined_name = 1
    unset: also_undefined
    self_like = Box()
    self_like.field: undefined_too = 2
    try:
        return unset
    except UnboundLocalError as e:
        return never, self_like.field, str(e)


print(local_annotations())
__annotations__["added"] = float
print(__annotations__)
print(sys.getrefcount(__annotations__))
