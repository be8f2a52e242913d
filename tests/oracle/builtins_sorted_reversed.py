# sorted (key, reverse, stability) and reversed.
print(sorted([3, 1, 2]), sorted("cab"), sorted((2, 1)), sorted({3: 0, 1: 0}))
print(sorted([3, 1, 2], reverse=True))
words = ["banana", "Apple", "cherry", "date", "fig"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
recs = [("b", 2), ("a", 2), ("c", 1), ("d", 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted([1.5, -2, 0, 10**10]))
lst = [4, 5, 6]
print(list(reversed(lst)), lst)
print(list(reversed(range(5))), list(reversed("abc")), list(reversed((1, 2))))
r = reversed([1, 2, 3])
print(next(r), list(r))
s = sorted(lst)
print(s == lst, s is lst)
print("".join(reversed("stressed")))
