# instance -> list -> (constant tuple, dict) -> instance: collect() returns 3 (the constant tuple is not garbage).
import gc

class A:
    pass

gc.collect()
a = A()
d = {}
a.items = [(1, 2), d]
d['back'] = a
d = None
a = None
print("chain:", gc.collect())

a = A()
t = (a, 5)
a.items = [t, {'n': 1}]
t = None
a = None
print("with own tuple:", gc.collect())

a = A()
a.items = [(1, 2), {'back': a}, 'text', 7, 2.5]
a = None
print("with atoms:", gc.collect())
