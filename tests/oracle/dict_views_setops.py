# The set operations of dict views (dictviews_and/or/sub/xor): keys()
# with a set, a list, a tuple, another view, both ways round; the result
# is always a new set, whichever operand was the view.
d = {1: 'a', 2: 'b', 3: 'c', 4: 'd'}
e = {3: 'x', 4: 'y', 5: 'z', 6: 'w', 7: 'v'}
k = d.keys()
print(k & {2, 3, 9}, {2, 3, 9} & k, k & {1, 2, 3, 4, 5, 6, 7, 8}, k & [4, 1, 8], (9, 2) & k)
print(k | {9, 0}, {9, 0} | k, k | [8, 8, 1], [8, 1] | k, k | (), k | e.keys())
print(k - {1, 9}, {1, 9, 10} - k, k - [2], [2, 5, 5] - k, k - k, k - e.keys(), e.keys() - k)
print(k ^ {1, 9}, {1, 9} ^ k, k ^ [4, 5], [4, 5] ^ k, k ^ k, k ^ e.keys())
print(k & e.keys(), e.keys() & k, k & k, {}.keys() & k, k & {}.keys(), {}.keys() | {}.keys())
print(k & frozenset({1, 2}), frozenset({1, 2}) & k, k | frozenset({0}), frozenset({1}) - k, frozenset({1, 5}) ^ k)
print(type(k & {1}), type({1} & k), type(frozenset({1}) & k), type(frozenset({1}) | k), type(k - k))
print(k & range(3, 10), range(2) | k, k - range(3), range(6) ^ k, k & iter([1, 2]), 'ab' | {1: 0}.keys())
print({1: 0, 9: 0} | k, {1: 0} & k, {5: 0, 1: 1} - k, {1: 0} ^ k)
big = dict.fromkeys(range(100))
print(len(big.keys() & {1, 2, 500}), big.keys() & {1, 2, 500}, {1, 2, 500} & big.keys(), len(big.keys() | k), len(big.keys() - k))
s = {10, 20, 30}
r = k | s
print(r, s, r is s, k & s, s, d)
print(sorted(k | {'x'}, key=str), k == {1, 2, 3, 4}, (k & {1}) == {1})
