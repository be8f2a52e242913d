def f():
    ...

def g():
    pass

class C:
    ...

def h():
    '''doc'''
    ...
