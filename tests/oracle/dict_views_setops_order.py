# Result order of the dict views' set operations: which set is built
# first (set(self) from the dict, a copy of the other operand, the
# smaller side's iteration) decides the table and so the printed order.
# (str sets: their order is fixed by PYTHONHASHSEED=0, which refscope's
# SipHash-1-3 reproduces.)
d = {'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5}
k = d.keys()
print(k & {'two', 'four', 'six', 'one'}, {'two', 'four', 'six', 'one'} & k)
print(k | {'six', 'seven'}, {'six', 'seven'} | k, k | ['zz', 'aa'], ['zz', 'aa'] | k)
print(k - {'one'}, ['one', 'ten', 'eleven'] - k, k ^ {'two', 'nine', 'ten'}, {'two', 'nine', 'ten'} ^ k)
print(k & ['five', 'three', 'one', 'zero'], ['five', 'three', 'one', 'zero'] & k)
n = {i * 7: i for i in range(12)}
print(n.keys() & {0, 7, 14, 21, 100}, {0, 7, 14, 21, 100} & n.keys(), n.keys() - {0, 7}, {0, 300, 7} ^ n.keys())
print(n.keys() | {-1, -2, 64}, [65, 33, 1] | n.keys(), n.keys() & range(30, 80), n.keys() ^ range(5))
m = {i: i for i in range(8, 40, 3)}
print(n.keys() & m.keys(), m.keys() & n.keys(), n.keys() | m.keys(), m.keys() - n.keys(), n.keys() ^ m.keys())
