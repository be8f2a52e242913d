#c
    x = 1
