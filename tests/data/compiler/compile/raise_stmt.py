def f():
    raise
def g():
    raise ValueError
def h():
    raise ValueError('x') from None
def i(e):
    raise e from e
