for i in range(10):
    print(i)
for i in x:
    if i:
        break
    if i > 2:
        continue
else:
    print('done')
for a, b in pairs:
    pass
for i in [1, 2, 3]:
    pass
for i in (x, y):
    pass
for o.attr in seq:
    pass
for x in y:
    for z in x:
        print(z)
