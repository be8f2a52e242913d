{a:b, **c, d}
