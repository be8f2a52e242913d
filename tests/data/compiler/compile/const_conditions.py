if x and 0:
    a = 1
if 1 or x:
    b = 2
while 0:
    c = 3
else:
    d = 4
r = 1 if 0 else 2
s = x if 1 else y
if not 0:
    e = 5
if '':
    f = 6
if ():
    g = 7
if None:
    h = 8
t = x or 1
u = 0 and x
