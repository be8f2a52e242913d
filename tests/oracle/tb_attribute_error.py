# Uncaught AttributeError: a misspelled attribute on an instance.
class Robot:
    def __init__(self, name):
        self.name = name

    def report(self):
        return self.name + " at " + str(self.positon)

r = Robot("R2")
print(r.name)
print(r.report())
