x = (a b, c)
