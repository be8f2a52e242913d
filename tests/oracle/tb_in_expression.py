# Uncaught exception from a nested call inside a larger expression.
def half(n):
    return n / 2

def reciprocal(n):
    return 1 / n

def compute(values):
    return [half(v) + reciprocal(v - 3) * 2 for v in values]

print(compute([1, 2]))
total = sum(compute([1, 2])) + reciprocal(half(4) + 1) + compute([5, 3])[0]
