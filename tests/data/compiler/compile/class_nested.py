def make():
    class Local:
        def m(self):
            return 1
    return Local

class Outer:
    class Inner:
        def m(self):
            pass
    def method(self):
        def helper():
            pass
        return helper

class K:
    x = 1
    y = [x for _ in range(3)]
    def f(self):
        return x
