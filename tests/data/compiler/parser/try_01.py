try:
    x
except E:
    y
except (A, B) as e:
    z
else:
    w
finally:
    v
