f(*c d)
