def f(key=lambda x: x, items=[1, 2], *, rev=False):
    return sorted(items, key=key, reverse=rev)

g = lambda a=lambda: 1: a()
