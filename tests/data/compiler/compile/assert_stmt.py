assert x
assert x, 'message'
assert x > 0, f'{x}'
def f(x):
    assert x
