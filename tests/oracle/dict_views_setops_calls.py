# Which __hash__ and __eq__ calls the dict views' set operations make, in
# order: set(dict) and set(d.keys()) reuse the dict's stored hashes,
# dictitems_xor looks up with them; errors from __eq__ and generators.
import sys
log = []
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): log.append('h%d' % self.n); return self.n
    def __eq__(self, o): log.append('e%d' % self.n); return isinstance(o, K) and o.n == self.n
    def __repr__(self): return 'K%d' % self.n
    def __del__(self): log.append('del%d' % self.n)
a, b, c = K(1), K(2), K(3)
d = {a: a, b: 2}
e = {K(1): K(1), c: 3}
print(sorted(d.items() ^ e.items(), key=repr)); print(log); log.clear()
print(len(d.keys() & e.keys()), log); log.clear()
print(d.keys().isdisjoint(e.keys()), log); log.clear()
print(len(d.keys() - e.keys()), log); log.clear()
print(len(e.keys() ^ d.keys()), log); log.clear()
print(len([K(5), K(1)] | d.keys()), log); log.clear()
def g():
    yield 1
    raise ValueError('boom')
try:
    d.keys() & g()
except ValueError as x: print('VE', x, log)
log.clear()
try:
    {K(7): []}.items() ^ {K(8): 1}.items()
except TypeError as x: print('TE', x)
print(log); log.clear()
class Bad:
    def __eq__(self, o): raise RuntimeError('eq')
    def __hash__(self): return 5
bb = Bad()
try: {1: bb}.items() ^ {1: 2}.items()
except RuntimeError as x: print('RE', x)
try: {1: bb}.items() & [(1, 2)]
except RuntimeError as x: print('RE', x)
print(sys.getrefcount(bb), set(d) == {a, b}, log)
