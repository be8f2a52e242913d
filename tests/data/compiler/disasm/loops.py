def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        if i > 10:
            break
        total += i
    else:
        total = -1
    while n > 0:
        n -= 1
        if n == 5:
            break
    else:
        total += 1
    while True:
        n += 1
        if n > 3:
            return total
    return None

def matcher(cmd):
    match cmd:
        case [x, y, *rest]:
            return x
        case {"k": v, **kw}:
            return v
        case Point(x=0, y=yy) | Point(x=1, y=yy):
            return yy
        case str() as s if s:
            return s
        case 1 | 2 | None:
            return 0
        case _:
            return -1

def while_cond(a):
    while a and a[0] is not None:
        a = a[1:]
    return a
