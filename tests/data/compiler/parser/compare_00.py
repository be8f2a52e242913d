x = a < b < c
x = a == b != c <= d >= e > f
x = a in b
x = a not in b
x = a is b
x = a is not b
