x = a or b or c
x = a and b and c
x = a or b and c
x = not a
x = not not a
x = a and not b or c
