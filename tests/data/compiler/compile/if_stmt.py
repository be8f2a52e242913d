if x:
    a = 1
if x:
    a = 1
else:
    a = 2
if x:
    a = 1
elif y:
    a = 2
elif z:
    a = 3
else:
    a = 4
if x and y:
    pass
if x or y:
    pass
if not x:
    pass
if x < y < z:
    b = 1
if 0:
    c = 1
if 1:
    c = 2
if x is None:
    d = 1
if x is not None:
    d = 2
