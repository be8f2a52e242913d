x = [y for x in a if (y := f(x))]
