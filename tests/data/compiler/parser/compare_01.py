x = not a in b
x = a is (not b)
