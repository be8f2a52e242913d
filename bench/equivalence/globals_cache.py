# LOAD_GLOBAL sees every change of the globals and the builtins: stores,
# deletions, shadowing a builtin and removing the shadow, resizes, and a
# function whose name is rebound between calls.
def get_x():
    return x


def call_len():
    return len("abc")


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


x = 1
print(get_x())
x = "two"
print(get_x())
del x
try:
    get_x()
except NameError as e:
    print("NameError:", e)
x = 3
print(get_x())

print(call_len())
len = lambda s: 42
print(call_len())
del len
print(call_len())

print(fib(10))
old_fib = fib
fib = lambda n: -1
print(old_fib(5))
fib = old_fib
print(fib(12))

# a resize of the globals between two runs of the same instruction
for i in range(3):
    print(get_x(), i)
    exec_names = [i]
    if i == 1:
        a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = a10 = 0
        b1 = b2 = b3 = b4 = b5 = b6 = b7 = b8 = b9 = b10 = 0
        c1 = c2 = c3 = c4 = c5 = c6 = c7 = c8 = c9 = c10 = 0
        x = i * 100


def counter():
    global total
    total = total + 1
    return total


total = 0
for i in range(5):
    counter()
print(total)
del total
try:
    counter()
except NameError as e:
    print("NameError:", e)


class K:
    def __del__(self):
        global x
        x = "set by __del__"


k = K()
print(get_x())
del k
print(get_x())
