a = -x
b = +x
c = ~x
d = not x
e = not not x
