def f(a,): pass
def g(*a,): pass
def h(**a,): pass
