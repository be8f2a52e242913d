# weakref.finalize at exit: the finalizers still alive run, the newest first.
import weakref
class T:
    pass
a = T()
b = T()
fa = weakref.finalize(a, print, "finalizer a")
fb = weakref.finalize(b, print, "finalizer b", "with", "args")
c = T()
fc = weakref.finalize(c, print, "finalizer c")
del c
print("main done", fa.alive, fb.alive, fc.alive)
