if a < b < c:
    pass
if not (a < b < c):
    pass
while a < b < c:
    a += 1
x = a < b < c < d
y = [i for i in r if 0 < i < 10]
assert 0 <= x < 10, 'range'
