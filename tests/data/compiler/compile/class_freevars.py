def outer():
    x = 1
    y = 2
    class C:
        y = 3
        print(x, y)
        def m(self):
            return x + y
        z = [x for _ in range(2)]
    return C

def outer2():
    class D:
        def f(self):
            return __class__
        def g(self):
            return super().g()
    return D
