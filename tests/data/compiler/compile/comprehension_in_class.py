class C:
    a = [1, 2]
    b = [x * 2 for x in a]
    c = {x for x in range(3)}
    d = (x for x in a)
