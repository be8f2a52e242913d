# bytes subscripts and slices (bytes_subscript): ints, the one-byte
# singletons for a plain slice, a fresh object for a stepped one.
import sys
b = b"abcd"
print(b[0], b[-1], b[0:1], b[1:3], b[::2], b[::-1], b[5:], b[:] is b, b[0:1] is b[0:1], b[::4], len(b))
for k in ["a", 1.5, 4, -5]:
    try:
        print(b[k])
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(sys.getsizeof(b[::3]), sys.getsizeof(b[1:2]))
print(b[::4] is b[0:1], b[::4] == b[0:1])
