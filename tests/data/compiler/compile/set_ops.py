s = {1, 2, 3}
t = {'a', 'b', 'c'}
u = {1.5, 'x', b'y', (1, 2), True}
v = x in {'a', 'b', 'c'}
w = x not in {1, 2, 3}
y = {*a, *b}
z = {1, 2, *a}
