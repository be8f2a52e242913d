f = lambda a=1, /, b=2, *c, d=3, **e: (a, b, c, d, e)
