# if/elif/else, truthiness, and/or values, not, chained comparisons, conditional expressions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for v in (-5, 0, 3, 42):
    print(v, classify(v))
for v in (0, 1, "", "x", [], [0], None, {}, 0.0):
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" and "x")
print(not 0, not 1, not [], not None)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 2)
print("yes" if x > 3 else "no", "yes" if x > 30 else "no")
def noisy(v):
    print("eval", v)
    return v
print(noisy(0) and noisy(1))
print(noisy(1) or noisy(2))
print(noisy(1) < noisy(2) < noisy(0) < noisy(3))
if []:
    print("never")
print(x is not None, x != 5, not x == 5)
