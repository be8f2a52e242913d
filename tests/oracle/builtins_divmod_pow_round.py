# divmod, pow, round.
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2))
print(divmod(7.5, 2), divmod(0, 5))
print(pow(2, 10), pow(2, -2), pow(3, 4, 5), pow(2, 100, 1000), pow(-2, 3))
print(pow(2.0, 3), pow(9, 0.5), 2 ** 0)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(3.14159, 3), round(1234, -2), round(1250, -2))
print(round(7), round(7.0), type(round(7.4)).__name__, type(round(7.4, 1)).__name__)
print(round(-0.4), round(1e16 + 1.0))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
