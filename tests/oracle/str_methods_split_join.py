# str.split, rsplit, splitlines, join, partition.
s = "the quick  brown fox"
print(s.split())
print(s.split(" "))
print("a,b,,c".split(","), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("".split(), "".split(","), "   ".split())
print("line1\nline2\r\nline3".splitlines(), "x\n".splitlines())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))
print(" ".join(str(i) for i in range(5)))
print("key=value=x".partition("="), "abc".partition("z"), "a.b.c".rpartition("."))
words = "one two three".split()
print(len(words), words[-1], "|".join(reversed(words)))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
