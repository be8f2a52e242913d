x = [lambda: i for i in a]
