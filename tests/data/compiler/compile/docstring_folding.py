'a' + 'b'
def f():
    'x' 'y'
    return 1
def g():
    'x' + 'y'
class C:
    f'{x}'
class D:
    'doc' * 2
