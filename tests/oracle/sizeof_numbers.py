# sys.getsizeof of ints of many magnitudes, floats, bools, None.
import sys

for n in (0, 1, -1, 255, 2**15, 2**30 - 1, 2**30, 2**31, 2**59, 2**60, 2**90, 2**120, 10**100, -(2**65)):
    print(n.bit_length(), sys.getsizeof(n))
print(sys.getsizeof(0.0), sys.getsizeof(-1e300), sys.getsizeof(float("inf")))
print(sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(None))
print(sys.getsizeof(1 + 1), sys.getsizeof(2**30 - 1 + 1), sys.getsizeof(2**60 // 2**31))
print(sys.getsizeof(object()), sys.getsizeof(range(10)), sys.getsizeof(range(10**20)))
