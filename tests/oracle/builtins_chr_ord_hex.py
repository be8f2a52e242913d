# chr, ord, hex.
print(chr(65), chr(97), chr(48), chr(32) == " ", chr(10) == "\n")
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"))
print(ord("é"), ord("π"), ord("€"), chr(233), chr(960), chr(8364))
print(hex(0), hex(255), hex(-255), hex(4096), hex(2**64))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) for c in "abc"])
print(hex(ord("Z")), int(hex(3054), 16))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
