# User exception classes: hierarchy, args, catching by base class, attributes.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        Exception.__init__(self, "not found: " + key)
        self.key = key

class Invalid(AppError):
    pass

def lookup(table, key):
    if key not in table:
        raise NotFound(key)
    if table[key] is None:
        raise Invalid(key, "is None")
    return table[key]

table = {"a": 1, "b": None}
for k in ("a", "b", "c"):
    try:
        print("value", lookup(table, k))
    except NotFound as e:
        print("NotFound:", e, e.key, e.args)
    except AppError as e:
        print(type(e).__name__ + ":", e, e.args)
print(isinstance(NotFound("x"), AppError), isinstance(NotFound("x"), Exception))
print(repr(Invalid()), repr(AppError("m")), str(AppError("m")))
try:
    raise Invalid
except AppError as e:
    print("caught class raise", type(e).__name__, e.args)
def deep(n):
    if n == 0:
        raise AppError("bottom")
    return deep(n - 1)
try:
    deep(5)
except Exception as e:
    print("from deep:", e)
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise WithStr(1, 2)
except WithStr as e:
    print(e, e.args)
