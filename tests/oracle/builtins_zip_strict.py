# zip(..., strict=True): ValueError naming the argument that is shorter or longer, after the pairs before it; other errors pass through; strict is the only keyword.
for args in ([1, 2], [3]), ([1], [3, 4]), ([1], [2], [3, 4]), ([1, 2], [3, 4], [5]), ([], []), ([1, 2], [3, 4]):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
try:
    zip([1], foo=1)
except TypeError as e:
    print("TypeError:", e)
print(list(zip([1, 2], [3], strict=False)), list(zip([1], strict=0)), list(zip(strict=True)))
z = zip([1, 2, 3], [4, 5], strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError:", e)
def gen():
    yield 1
    raise KeyError('boom')
try:
    print(list(zip([1, 2], gen(), strict=True)))
except KeyError as e:
    print("KeyError:", e)
