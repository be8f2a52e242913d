match = 1
match(x)
match[0] = 1
