# `is` with singletons and constants: None, True, False, (), "", code-object constants.
x = None
empty_t = ()
empty_s = ""
print(x is None, None is None)
print(True is True, (1 == 1) is True, bool(0) is False, (not 0) is True)
print(tuple() is empty_t, tuple([]) is empty_t, (1, 2)[0:0] is empty_t)
t1 = (1, 2, 3)
t2 = (1, 2, 3)
print(t1 is t2)
def make_tuple():
    return (1, 2, 3)
print(make_tuple() is make_tuple(), make_tuple() is t1)
def make_list():
    return [1, 2, 3]
print(make_list() is make_list())
print(str() is empty_s, "abc"[0:0] is empty_s, "".join([]) is empty_s)
f1 = 1.5
f2 = 1.5
print(f1 is f2)
def floats():
    return 2.5
print(floats() is floats())
fs1 = frozenset()
print(fs1 is frozenset(), frozenset([]) is frozenset([]))
print(type(1) is int, type([]) is list, list is list)
e1 = []
e2 = []
print(e1 is e2, e1 == e2)
def same_const():
    a = (4, 5)
    b = (4, 5)
    return a is b
print(same_const())
