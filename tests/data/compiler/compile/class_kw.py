class A(object, metaclass=type):
    pass

class B(*bases):
    pass
