try:
    x
except E as e
    y
