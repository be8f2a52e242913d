x = 1
def f(a, b=2, *c, d, **e):
    global x
    y = a
    def g():
        nonlocal y
        y = 3
        return z
    return [i for i in y]
class C:
    k = 1
    def m(self):
        return super().m() + k
