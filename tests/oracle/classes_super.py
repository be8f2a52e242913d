# super(): zero-argument form through the __class__ cell, in methods and
# __init__, into a user exception class and up to object.__init__.
class MyError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyError("bad thing", 7)
except MyError as e:
    print(str(e), e.args, e.code)
class A:
    def __init__(self):
        super().__init__()
        self.x = 1
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
print(B().who(), B().x)
class C:
    def m(self):
        return __class__.__name__
