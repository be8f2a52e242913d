class A: pass
class B(A): pass
class C(A, B, metaclass=M): pass
class D(): pass
@dec
class E(*bases, **kw):
    x = 1
    def m(self): return self.x
