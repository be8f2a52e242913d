try:
    pass
except E:
