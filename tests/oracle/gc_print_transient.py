# print() makes a short-lived GC object for each piece it writes (file.write looked up as a bound method): net count 0, yet it can trigger a collection.
import gc

gc.collect()
print("warm")
print("warm", "up")
gc.get_stats()
gc.get_stats()
t = (len,)
t = None
base = gc.get_stats()[0]['collections']
c0 = gc.get_count()[0]
print("x")
c1 = gc.get_count()[0]
print('count change across print("x"):', c1 - c0)
n0 = gc.get_stats()[0]['collections'] - base

c = gc.get_count()[0]
gc.set_threshold(c + 1)
print("y")
n1 = gc.get_stats()[0]['collections'] - base
c = gc.get_count()[0]
gc.set_threshold(c)
print("z")
n2 = gc.get_stats()[0]['collections'] - base
after = gc.get_count()
gc.set_threshold(700)
print("collections:", n0, n1, n2)
print("count after the print that collected:", after)
