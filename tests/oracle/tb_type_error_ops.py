# Uncaught TypeError from an operator on mismatched types.
def describe(count):
    return "count: " + count

print(describe("3"))
print(describe(3))
