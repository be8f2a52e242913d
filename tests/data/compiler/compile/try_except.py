try:
    x = 1
except:
    x = 2

try:
    x = 1
except ValueError:
    x = 2

try:
    x = 1
except ValueError as e:
    x = e

try:
    x = 1
except (ValueError, TypeError) as e:
    print(e)
except KeyError:
    pass
else:
    x = 3
