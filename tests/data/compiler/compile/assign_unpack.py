a, b = 1, 2
a, b = b, a
a, b, c = c, b, a
(a, b), c = (1, 2), 3
[x, y] = [y, x]
first, *rest = [1, 2, 3]
*init, last = 'abc'
a, *b, c = range(10)
