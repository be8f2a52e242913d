# Closures: nonlocal, global, cells, late binding.
counter_total = 0

def make_counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter(10)
print(inc(), inc(5), get())
inc2, get2 = make_counter(0)
print(inc2(), get(), get2())

def bump():
    global counter_total
    counter_total += 1
    return counter_total

bump()
bump()
print(counter_total)

def define_global():
    global created_later
    created_later = "made inside"

define_global()
print(created_later)

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()

print(outer())
print(inc.__closure__ is not None, len(inc.__closure__), get.__closure__[0].cell_contents)

def shadow():
    counter_total = "local"
    return counter_total

print(shadow(), counter_total)
x = "global x"
def reader():
    return x
def writer():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
print(reader())
writer()
def acc():
    items = []
    def add(v):
        items.append(v)
        return items
    return add
a = acc()
a(1)
print(a(2))
