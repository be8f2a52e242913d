# Indexing, slicing, concatenation, repetition, iteration over str.
s = "abcdefgh"
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[-3:], s[::2], s[::-1], s[1:7:3], s[10:], s[-100:2])
print(s[:], s[:] is s, s[0:len(s)] is s)
print("ab" + "cd", "ab" * 3, 3 * "-", "x" * 0, "" + "")
for ch in "hey":
    print(ch, end=" ")
print()
print(len(s * 100), (s * 2).count("a"))
t = "hello"
t2 = t
t += " world"
print(t, t2)
print([c for c in "abc" if c != "b"], list("hi"), sorted("hello"))
try:
    s[100]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
