t: tuple = 1, 2
