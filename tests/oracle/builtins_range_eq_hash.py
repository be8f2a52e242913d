# range == range as sequences (range_richcompare) and hash(range)
# (range_hash: the hash of (len, start, step) with None where ignored).
print(range(5) == range(5), range(0) == range(2, 2), range(0, 10, 2) == range(0, 9, 2), range(3) != range(3))
print(range(1, 2, 5) == range(1, 3, 7), range(1, 2) == range(2, 3), range(3) == [0, 1, 2], range(4) != range(5))
print(hash(range(5)) == hash(range(0, 5)), hash(range(1, 2, 5)) == hash(range(1, 3, 9)), hash(range(3)))
print({range(3): 'x'}[range(0, 3)], range(2 ** 70) == range(2 ** 70), range(0, 2**70, 3) == range(0, 2**70 - 1, 3))
try:
    range(3) < range(4)
except TypeError as e:
    print(e)
