# Single inheritance: overriding, explicit base calls, attribute lookup chain.
class Animal:
    kind = "animal"
    legs = 4
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " the " + self.kind + " says " + self.speak()

class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "Woof"

class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age
    def speak(self):
        return Dog.speak(self) + "!"

class Bird(Animal):
    legs = 2

for a in (Animal("Generic"), Dog("Rex"), Puppy("Bit", 1), Bird("Tweety")):
    print(a.describe(), a.legs, type(a).__name__)
p = Puppy("Bit", 1)
print(p.age, p.name, p.kind, isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Bird))
Animal.legs = 5
print(Dog("d").legs, Bird("b").legs)
Dog.kind = "hound"
print(p.kind, p.describe())
class Base:
    def hook(self):
        return "base hook"
    def run(self):
        return "run -> " + self.hook()
class Derived(Base):
    def hook(self):
        return "derived hook"
print(Base().run(), Derived().run())
