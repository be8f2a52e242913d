# Uncaught TypeError from calling a function with the wrong arguments.
def area(width, height):
    return width * height

print(area(2, 3))
shapes = [(1, 2), (3,)]
for s in shapes:
    print(area(*s))
