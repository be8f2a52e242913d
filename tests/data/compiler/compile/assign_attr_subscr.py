o.x = 1
o.x.y = 2
l[0] = 3
l[1:2] = [4]
l[::2] = l
d['k'] = o.x
v = l[0]
w = l[1:]
u = l[:-1]
t = l[::2]
s = l[1:2:3]
del l[0]
del l[1:2]
del o.x
del v, w
