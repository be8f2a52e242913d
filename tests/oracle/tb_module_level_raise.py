# A raise at module level of a builtin exception with no message.
print("one")
x = [1, 2]
if len(x) == 2:
    raise RuntimeError
