# Uncaught NameError for an undefined name inside a function.
def greet(name):
    message = "Hello, " + name
    return mesage

print("before")
print(greet("world"))
