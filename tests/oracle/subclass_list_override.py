# Methods a list subclass defines take the place of list's slots and
# methods; super() reaches list's own.
class Logged(list):
    def __init__(self, *args):
        print("init", args)
        super().__init__(*args)

    def append(self, x):
        print("append", x)
        super().append(x * 10)

    def __getitem__(self, i):
        print("getitem", i)
        return super().__getitem__(i)

    def __len__(self):
        return 100 + super().__len__()

    def __repr__(self):
        return "Logged(" + super().__repr__() + ")"

    def __contains__(self, x):
        print("contains", x)
        return True

    def __eq__(self, other):
        print("eq")
        return list.__eq__(self, other)


a = Logged([1, 2])
a.append(3)
print(a, len(a), a[0], list(a), 99 in a)
print(a == [1, 2, 30], a != [1, 2, 30])
print(str(a), [a], bool(a))


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]

    def __iter__(self):
        print("iter")
        return iter(list.__iter__(self)) if False else super().__iter__()


s = Stack()
s.push(1).push(2).push(3)
print(s.peek(), len(s), s)
for x in s:
    print(x, end=" ")
print()
print(sorted(s), list(s), 2 in s)


class Counted(list):
    count = 0

    def __init__(self, items=()):
        Counted.count += 1
        list.__init__(self, items)
        self.label = "c%d" % Counted.count

    def __add__(self, other):
        return Counted(list.__add__(self, other))

    def __bool__(self):
        return False


c = Counted([1])
d = c + [2]
print(c, d, c.label, d.label, type(d).__name__, Counted.count, bool(d), len(d))
e = Counted()
e.extend([5, 6])
e.x = 1
print(e, e.label, e.x, e.__dict__)


class Ident(list):
    def __hash__(self):
        return 7


print(hash(Ident()))


class Rev(list):
    def __reversed__(self):
        return iter("zyx")


print(list(reversed(Rev([1, 2]))), list(reversed(Stack([1, 2]))))
