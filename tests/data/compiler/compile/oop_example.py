class Animal:
    count = 0

    def __init__(self, name, sound='...'):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f'{self.name} says {self.sound}'

    def __repr__(self):
        return f'{type(self).__name__}({self.name!r})'

    def __del__(self):
        Animal.count -= 1


class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, 'woof')

    def fetch(self, item):
        try:
            return self.name + ' fetched ' + item
        except TypeError:
            return None


dogs = [Dog(n) for n in ('a', 'b')]
for d in dogs:
    print(d.speak(), d)
print(Animal.count)
