a = (b, [c], {d: e})
a ; b
a + b - c * d / e | f & g < h > i
a == b != c <= d >= e
a . b % c
a = ~b ^ c << d >> e ** f
a += 1; a -= 1; a *= 1; a /= 1; a %= 1
a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1; a **= 1
a //= 1; a = b // c
a @= b; a = b @ c
def f(a) -> int: ...
if (y := 1): pass
x = a[1:2, ...]
x = a.b.c
