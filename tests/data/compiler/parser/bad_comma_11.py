f(c d)
