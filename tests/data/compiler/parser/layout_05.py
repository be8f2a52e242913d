if x:

    # c

    y = 1


z = 2
