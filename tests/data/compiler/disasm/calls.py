def f(*args, **kwargs):
    return args, kwargs
f()
f(1, 2)
f(1, b=2, c=3)
f(*[1, 2])
f(*[1], **{"a": 1})
f(1, *[2], x=3, **{"y": 4})
print("a", "b", sep="-", end="")
"x".join(["a", "b"])
import os
os.path.join("a", "b")
[].append(1)
obj = object()
obj.__class__.__name__.upper()
