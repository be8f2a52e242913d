x = [y for x in z for y in x]
