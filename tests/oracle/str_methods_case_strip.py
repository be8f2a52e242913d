# Case, stripping, replacing and padding methods of str.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "\t\n x \n".strip())
print("Hello".upper(), "Hello".lower(), "hello world".title(), "hELLO".capitalize(), "Hello".swapcase())
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
print("banana".replace("an", "AN"), "x".replace("y", "z"))
print("42".zfill(5), "-42".zfill(5), "ab".center(6, "*"), "ab".ljust(4, "."), "ab".rjust(4))
print("ß".upper(), "İ".lower() == "i̇", "ÉCOLE".lower())
print("hello".removeprefix("he"), "hello".removesuffix("lo"), "hello".removeprefix("x"))
print("a\tb".expandtabs(4), "Mixed Case".casefold())
