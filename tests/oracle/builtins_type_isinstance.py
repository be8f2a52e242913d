# type() and isinstance(), with classes and tuples of classes.
class Animal:
    pass

class Dog(Animal):
    pass

print(type(1), type(1.5), type("s"), type(True), type(None))
print(type([]), type(()), type({}), type(set()), type(frozenset()))
print(type(range(3)), type(len), type(Animal))
d = Dog()
print(type(d) is Dog, type(d) is Animal, type(d).__name__)
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float))
print(isinstance(1.0, (int, float)), isinstance("x", (int, list)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(type(1) == int, type(True) == int, type(1) is type(2))
print(Dog.__name__, Animal.__name__, int.__name__)
print(type(type(1)), type(object()) is object)
print(Dog)
