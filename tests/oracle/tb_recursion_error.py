# Unbounded recursion ends with RecursionError (a long traceback).
def down(n):
    return down(n + 1)

print("start")
down(0)
