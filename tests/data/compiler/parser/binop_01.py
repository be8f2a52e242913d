x = -a
x = +a
x = ~a
x = -a ** -b
x = a ** b ** c
x = -(-a)
x = --1
