if (x if y else z):
    pass
while x or (y and z):
    x = 0
if not (x and not y):
    pass
r = [i for i in l if i and not i > 3]
