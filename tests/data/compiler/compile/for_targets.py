for a, *b in x:
    pass
for (a, b), c in x:
    pass
for a[0] in x:
    pass
for a.b in x:
    pass
for [a, b] in x:
    pass
