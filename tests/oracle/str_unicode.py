# Non-ASCII text: lengths, code points, storage kinds seen through getsizeof.
import sys

a = "hello"
l1 = "héllo"
u2 = "hello €"
u4 = "hi 🐍"
print(a, l1, u2, u4)
print(len(a), len(l1), len(u2), len(u4))
print(sys.getsizeof(a), sys.getsizeof(l1), sys.getsizeof(u2), sys.getsizeof(u4))
print(sys.getsizeof("é"), sys.getsizeof("€"), sys.getsizeof("🐍"))
print(sys.getsizeof("é" * 10), sys.getsizeof("€" * 10), sys.getsizeof("🐍" * 10))
print([ord(c) for c in u4])
print(u2[-1], u4[-1] == chr(128013), u2.upper(), l1.upper())
print((a + u4)[-1] == "🐍", len(a + u4), sys.getsizeof(a + u4))
print(repr("naïve"), "Ω".lower(), "ω".upper())
print("€".join(["1", "2"]), "x€y".split("€"))
