@dec
def f(): pass
@dec.attr(1)
@other
def g(): pass
