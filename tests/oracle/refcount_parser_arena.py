# The parser arena: in a script, every constant the parser or the AST
# optimizer made holds one more reference while __main__ runs.
import sys
a = 300
print("a", sys.getrefcount(a))
b = 300
print("a b", sys.getrefcount(a))
c = "hello world"
print("c", sys.getrefcount(c))
d = 2**20
print("d", sys.getrefcount(d))
e = (1, 2)
print("e", sys.getrefcount(e))
f = 3.5
print("f", sys.getrefcount(f))
g = "hello"
print("g", sys.getrefcount(g))
h = 12345678901234567890
print("h", sys.getrefcount(h))
def fn():
    return 777
i = fn()
print("i", sys.getrefcount(i))
j = -5000
print("j", sys.getrefcount(j))
k = [1000, 1001]
print("k0", sys.getrefcount(k[0]))
t = b"bytes!"
print("t", sys.getrefcount(t))
