def f():
    global g
    g: int = 3
