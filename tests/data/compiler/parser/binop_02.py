x = (a + b) * c
x = a - b - c
x = a / b / c
x = 2 ** -1
