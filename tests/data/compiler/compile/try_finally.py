try:
    x = 1
finally:
    x = 2

try:
    x = 1
except ValueError:
    x = 2
else:
    x = 3
finally:
    x = 4
