print(a#c
x = 1
$
b \Fount(obj))
