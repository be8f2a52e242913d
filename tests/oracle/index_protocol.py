# Objects with __index__ wherever CPython takes an index (PyNumber_Index,
# _PyEval_SliceIndex, sequence_repeat), and range subscripts and slices.
class I:
    def __index__(self): return 1
r = range(10)
print(r[1], r[-1], r[2:5], r[::2], r[::-1], r[-3:], r[5:2], r[I()], r[I():])
s = range(3, 20, 4)
print(s[1:], s[::-1], s[-2::-2], s[100:], s[:-100], len(s[1::2]))
for bad in ['a', 1.5, 10, -11]:
    try:
        print(r[bad])
    except Exception as e:
        print(type(e).__name__, e)
print(list(range(I())), list(enumerate('ab', I())), 'ab' * I(), I() * [0], (1,) * I())
print('abc'[I()], 'abc'[I():], [1, 2, 3][I():], (1, 2, 3)[:I()], 'abcabc'.find('b', I()), 'x'.zfill(I()))
o = I()
tests = [lambda: 'abc'[o], lambda: (1,2,3)[o], lambda: [1,2,3][o], lambda: range(5)[o], lambda: 'abc'[o:], lambda: (1,2,3)[:o],
         lambda: [1,2][o:], lambda: 'ab' * o, lambda: [0] * o, lambda: (1,) * o, lambda: hex(o), lambda: bin(o), lambda: range(o),
         lambda: 'abcabc'.find('b', o), lambda: [1,2,3].index(2, o), lambda: chr(o + 0) if False else 0, lambda: round(2.5, o),
         lambda: [1,2,3].pop(o), lambda: 'abc'.center(o), lambda: int(o) if hasattr(I, '__int__') else 0, lambda: oct(o),
         lambda: (10).to_bytes(o, 'big') if False else 0, lambda: list(range(10))[o::o], lambda: 'x'.zfill(o)]
for i, t in enumerate(tests):
    try:
        print(i, t())
    except Exception as e:
        print(i, type(e).__name__, e)
