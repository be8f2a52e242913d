# sys.getsizeof of strings: lengths and storage kinds.
import sys

for s in ("", "a", "ab", "abcdefgh", "x" * 100, "é", "é" * 50, "€", "€" * 50, "🐍", "🐍" * 50):
    print(len(s), sys.getsizeof(s))
print(sys.getsizeof("a" + "é"), sys.getsizeof("a" + "€"), sys.getsizeof("é" + "🐍"))
print(sys.getsizeof(str(12345)), sys.getsizeof(repr([1, 2])), sys.getsizeof("x".join(["a", "b"])))
print(sys.getsizeof("hello world"), sys.getsizeof("hello world".upper()))
print(sys.getsizeof("\x00"), sys.getsizeof("\x7f"), sys.getsizeof("\x80"), sys.getsizeof("\xff"), sys.getsizeof("\u0100"))
print(sys.getsizeof("\uffff"), sys.getsizeof("\U00010000"))
