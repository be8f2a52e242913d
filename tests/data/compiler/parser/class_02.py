class A:
    __slots__ = ('a', 'b')
    x = 1; y = 2
    def __repr__(self):
        return f'A({self.a!r})'
