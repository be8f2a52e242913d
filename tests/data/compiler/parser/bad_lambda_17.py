x = lambda: = 1
