# What the unraisable hook prints (write_unraisable_exc_file): the
# traceback and the exception alone -- no chained exceptions, no
# suggestions -- and, for an exception raised by C code, a traceback
# entry for the frame that was running.
import weakref


class CB:
    def __repr__(self):
        return 'CB()'

    def __call__(self, w):
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError('v')


class Cause:
    def __repr__(self):
        return 'Cause()'

    def __call__(self, w):
        raise KeyError('k') from ValueError('x')


class C:
    pass


c = C()
r1 = weakref.ref(c, CB())
del c
c = C()
r2 = weakref.ref(c, Cause())
del c
c = C()
r3 = weakref.ref(c, 5)
del c
print('end')
