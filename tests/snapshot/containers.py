# Containers, free lists and a teaching-scale heap (16 KiB arenas of 1 KiB
# pools, requests above 128 bytes in the raw region): tuples, floats, lists
# and dicts freed onto CPython's free lists.
t = (1, 2.5, 'three')
nums = [float(i) / 4 for i in range(12)]
table = {'a': [1, 2], 'b': {'c': (3,)}, 'd': {4, 5}}
for i in range(3):
    scratch = {'k': [i, i + 0.5]}
del scratch
nums = nums[:3]
word = 'caf\u00e9' * 2
