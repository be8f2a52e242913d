# assert (test, "message") tests a non-empty tuple: always true.
x = 0
assert (x, "x must be set")
assert (1, 2)
assert ()  == ()
print("asserts passed")
try:
    assert x, (x, "message")
except AssertionError as e:
    print("AssertionError", e)
try:
    assert x is 5, "x is " + str(x)
except AssertionError as e:
    print("AssertionError", e)
