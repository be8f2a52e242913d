s = sum(x for x in y)
t = f(x for x in y if x)
u = o.m(x for x in y)
v = dict((k, v) for k, v in items)
w = [y for x in a for y in x if y if not y]
z = {x: y for x in a for y in b}
