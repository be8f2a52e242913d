with x:
    pass
y = = 1
