class A:
    pass

class B(A):
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def __repr__(self):
        return 'B(%r)' % (self.v,)
    def __del__(self):
        print('del')

class C:
    __slots__ = ('a', 'b')

class D:
    '''Doc.'''
    y = [1, 2]

b = B(1)
print(b.get())
