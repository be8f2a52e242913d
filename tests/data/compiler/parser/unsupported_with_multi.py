x = 1
with (a, b as c):
    pass
