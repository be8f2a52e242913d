def f(x):
    while True:
        x -= 1
        if not x:
            return x

def g(x):
    while x:
        pass

def h(x):
    while x if x else 0:
        x -= 1

def k():
    while True:
        pass
