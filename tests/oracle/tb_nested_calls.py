# Uncaught exception through several functions.
def level3(x):
    return x["missing"]

def level2(x):
    y = level3(x)
    return y

def level1():
    data = {"present": 1}
    print("calling level2")
    return level2(data)

print("start")
level1()
print("never printed")
