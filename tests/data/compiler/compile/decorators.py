@dec
def f():
    pass

@a.b(1)
@c
def g(x):
    return x

@deco
class K:
    pass
