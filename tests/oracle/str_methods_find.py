# Searching in strings: find, rfind, index, count, startswith, endswith, in, is*().
s = "mississippi"
print(s.find("ss"), s.rfind("ss"), s.find("x"), s.find("s", 4), s.find("i", 2, 5))
print(s.index("p"), s.rindex("i"), s.count("s"), s.count("ss"), s.count(""))
print(s.startswith("miss"), s.endswith("pi"), s.startswith(("x", "m")), s.endswith("s", 0, 4))
print("ssi" in s, "xyz" in s, "" in s, "a" not in s)
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), " \t".isspace())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "".isdigit(), "x_1".isidentifier())
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
print("abc" < "abd", "B" < "a", "abc" == "abc", "ab" < "abc", max("apple", "Apple"))
