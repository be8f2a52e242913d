# Frames, cells and the value stack: stop at line 9, inside `inner`,
# while `outer` and the module wait in their CALLs and a generator is
# suspended at its yield.
def gen(n):
    for i in range(n):
        yield i * 1.5

def outer(n):
    k = [n, 'seven']
    def inner(m):
        return k[0] + m
    return inner(len(k)) + 1

g = gen(3)
first = next(g)
x = outer(40)
