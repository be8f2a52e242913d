def g(n):
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total

def k():
    for i in range(3):
        try:
            yield i
        except GeneratorExit:
            return
