x = 0
def far():
    y = 1
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    # padding
    return y

def big():
    a = 0
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    a = a.b5.c.d.e.f.g.h
    a = a.b6.c.d.e.f.g.h
    a = a.b7.c.d.e.f.g.h
    a = a.b8.c.d.e.f.g.h
    a = a.b0.c.d.e.f.g.h
    a = a.b1.c.d.e.f.g.h
    a = a.b2.c.d.e.f.g.h
    a = a.b3.c.d.e.f.g.h
    a = a.b4.c.d.e.f.g.h
    return a

print(far(), big())
