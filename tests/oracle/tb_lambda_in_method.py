# An exception from a lambda called by a method; stdout printed before stays.
class Processor:
    def __init__(self, fn):
        self.fn = fn
    def run(self, values):
        out = []
        for v in values:
            out.append(self.fn(v))
            print("processed", v)
        return out

p = Processor(lambda v: 10 % v)
p.run([3, 2, 0, 1])
