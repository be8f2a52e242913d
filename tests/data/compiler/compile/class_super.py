class A:
    def f(self):
        return 1

class B(A):
    def f(self):
        return super().f() + 1
    def g(self):
        return __class__

class C:
    def __private(self):
        return self.__x
    def call(self):
        return self.__private()
