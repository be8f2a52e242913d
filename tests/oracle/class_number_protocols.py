# abs, divmod, round, int, float and operator.index-style uses call a class's __abs__, __divmod__/__rdivmod__, __round__, __int__, __index__, __float__; NotImplemented falls through to the other operand or to the TypeError.
class N:
    def __init__(self, v):
        self.v = v
    def __abs__(self):
        return N(abs(self.v))
    def __divmod__(self, other):
        return ('divmod', self.v, other)
    def __rdivmod__(self, other):
        return ('rdivmod', other, self.v)
    def __round__(self, ndigits=None):
        return ('round', ndigits)
    def __int__(self):
        return self.v * 2
    def __float__(self):
        return self.v / 4
    def __repr__(self):
        return 'N(%r)' % self.v

class I:
    def __index__(self):
        return 1

class Refuses:
    def __divmod__(self, other):
        return NotImplemented

print(abs(N(-3)), divmod(N(7), 2), divmod(5, N(3)), round(N(1)), round(N(1), 3))
print(int(N(21)), float(N(3)), [10, 20, 30][I()], hex(I()), bin(I()))
try:
    divmod(Refuses(), 2)
except TypeError as e:
    print('TypeError:', e)
try:
    int(I())
except TypeError as e:
    print('TypeError:', e)
print(int(I()) if hasattr(I, '__int__') else 'no __int__')
