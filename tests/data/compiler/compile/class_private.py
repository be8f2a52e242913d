class A:
    __x = 1
    def __init__(self):
        self.__y = self.__x
        __z = 2
        del self.__y
    def m(self, __a, *, __b=1):
        return __a, __b, __module__
    class __Inner:
        __q = 1
    def g(self):
        import __foo
        from __bar import __baz
        return __foo, __baz
