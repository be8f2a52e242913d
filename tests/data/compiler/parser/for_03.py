for i, (a, b) in enumerate(x):
    pass
