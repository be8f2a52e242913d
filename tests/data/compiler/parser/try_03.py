try:
    pass
except E as e:
    raise
