x = 0
def a():
    global x
    x = 1
    def b():
        y = 2
        def c():
            nonlocal y
            global x
            y = x
        return c
    return b
