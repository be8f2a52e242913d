x = 5 if 1 else 2 if 3
