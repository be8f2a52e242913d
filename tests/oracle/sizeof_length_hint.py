# List sizes that depend on the length hint of a partly used iterator and
# on how the list was made (list() preallocates exactly, sorted() and
# starred assignment extend an empty list).
import sys

a, *b = range(7)
print(sys.getsizeof(b), b)
*c, d = range(7)
print(sys.getsizeof(c))
it = iter(range(10))
next(it)
next(it)
print(sys.getsizeof(list(it)))
it = iter([1, 2, 3, 4, 5, 6, 7, 8, 9])
next(it)
l = [0]
l.extend(it)
print(sys.getsizeof(l), len(l))
print(sys.getsizeof(sorted(range(10))), sys.getsizeof(list(range(10))))
print(sys.getsizeof(sorted((i for i in range(5)))), sys.getsizeof(sorted("hello")))
r = reversed([1, 2, 3, 4, 5])
next(r)
print(sys.getsizeof(list(r)))
