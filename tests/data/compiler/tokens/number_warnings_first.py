x = 1if 1 else 2
y = [0o7in z, 1jor 2]
w = 1abc
