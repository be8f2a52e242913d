class Base:
    count = 0
    __secret = 1
    def __init__(self):
        self.__hidden = Base.count
        Base.count += 1
    def peek(self):
        return self.__hidden, __secret
class Sub(Base):
    def method(self):
        return __class__, super().peek()
    class Inner:
        def deep(self):
            return count
