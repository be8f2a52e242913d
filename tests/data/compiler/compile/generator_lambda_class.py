class C:
    g = (x for x in range(3))
    l = lambda self: self
    def m(self):
        return [self for _ in range(2)]
