def f(l):
    for x in l:
        if x:
            return x
    return None

def g(l):
    for x in l:
        for y in x:
            return y

def h():
    while True:
        pass
