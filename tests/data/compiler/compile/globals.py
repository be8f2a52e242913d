g = 0
def set_g():
    global g
    g = 1

def read_g():
    return g

def del_g():
    global g
    del g

class C:
    global h
    h = 1
