def setter():
    global counter, other
    counter = 1
    other = counter
def reader():
    return counter
