# Defaults, keyword arguments, *args, **kwargs, keyword-only, unpacking calls.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))

def total(*args):
    return len(args), sum(args), args

print(total(), total(1), total(1, 2, 3))

def opts(**kwargs):
    return kwargs

print(opts(), opts(a=1, b=2))

def mixed(a, b=2, *rest, flag=False, **extra):
    return a, b, rest, flag, extra

print(mixed(1))
print(mixed(1, 3, 5, 7, flag=True, x="y"))

def kwonly(a, *, key):
    return a, key

print(kwonly(1, key="k"))
args = [1, 2, 3]
kw = {"flag": "kw"}
print(mixed(*args, **kw), mixed(*"ab"), total(*range(4)))

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2), append_to(3, []))

def none_default(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(none_default(1), none_default(2))
print(greet.__name__, mixed.__name__)

def noreturn():
    pass

print(noreturn())
for bad in ("missing", "extra", "kw", "dup", "kwonly"):
    try:
        if bad == "missing":
            greet()
        elif bad == "extra":
            greet("a", "b", "c", "d")
        elif bad == "kw":
            greet("a", bogus=1)
        elif bad == "dup":
            greet("a", name="b")
        else:
            kwonly(1, 2)
    except TypeError as e:
        print("TypeError:", e)
