# assert: passing, failing with and without message, caught.
assert True
assert 1 + 1 == 2, "math works"
x = [1]
assert x, "non-empty"
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert len(x) == 2, "expected two, got " + str(len(x))
except AssertionError as e:
    print("AssertionError:", e)
def check(v):
    assert v > 0, v
    return v
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError", e.args)
print("done")
