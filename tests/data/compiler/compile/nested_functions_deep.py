def a():
    def b():
        def c():
            def d():
                return 1
            return d
        return c
    return b

class E:
    def f(self):
        def g():
            class H:
                def i(self):
                    return lambda: 1
            return H
        return g
