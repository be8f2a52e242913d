a = lambda: None
b = lambda x: lambda y: x + y
c = lambda *, k=1: k
d = [lambda: i for i in range(3)]
e = lambda x=[]: x
f = (lambda: 1, lambda: 1)
g = lambda: (yield 1)
h = lambda a, /, b: a
