# Uncaught IndexError from reading past the end of a list.
def last_plus_one(items):
    return items[len(items)]

print(last_plus_one.__name__)
print(last_plus_one([1, 2, 3]))
