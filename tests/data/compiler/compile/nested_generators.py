def g(rows):
    return ((x * y for x in row) for row in rows)

def h(n):
    def inner():
        yield from_(n)
    return (i for i in inner())
