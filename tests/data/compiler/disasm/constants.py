
big = 123456789012345678901234567890
huge = 2 ** 100
neg = -12345678901234567890
small_neg = -5
flts = (0.1, 1.5, 1e16, 1e-5, 1e300, -0.0, 0.0, 1e999, -1e999, 123456789.123, 5e-324)
nan = 1e999 - 1e999
nested = (1, (2, (3, (4,))), (), ("a", b"b"), (None, True, False, ...))
def sets(x):
    return x in {1, 2, 3}, x in {"a", "b", "c"}, x in {(1, 2), (3, 4)}, x not in {1.5, None}
def more(x):
    return x in {frozenset(), 7}, x in {"\n", "'", '"'}
strs = ("plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there",
        "nl\n", "cr\r", "nul\x00", "del\x7f", "c1\x80\x9f", "nbsp\xa0", "shy\xad",
        "latin é ñ ß", "greek αβγ", "cjk 中文", "emoji 😀", "ls\u2028", "bom\ufeff",
        "tag\U000e0001", "pua\ue000", "unassigned\u0378", "surrogate\ud800", "",
        "'", '"', "''\"", "\\", "\x1b[0m", "zero width\u200b")
byts = (b"", b"abc", b"it's", b'say "hi"', b"both ' and \"", b"\x00\x01\xff",
        b"\t\n\r\\", b"\x7f\x80", b"'")
long_str = "x" * 100
longer = "y" * 5000
u = ("\u0100" * 3, "\U0001F600" * 2)
def kinds():
    return 1, 2.5, "s", b"b", None, True, ..., (1, "a")
