def f(a, b, c):
    if a and b or c:
        return 1
    if (a or b) and c:
        return 2
    if a and (b or c):
        return 3
    x = a and b and c
    y = a or b or c
    z = (a and b) or (c and a)
    return x, y, z

def g(a, b):
    while a and b:
        a -= 1
    while a or b:
        b -= 1
    return not (a or b)
