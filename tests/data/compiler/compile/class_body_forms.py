class A(B, C, metaclass=M, **kw):
    "doc"
    a = 1
    b, c = 2, 3
    del a
    if b:
        d = 4
    for i in range(3):
        pass
    try:
        e = 5
    except:
        pass
    def __init__(self):
        super().__init__()
