#!/usr/bin/env python3
"""Expected data for test_lexer, asked of CPython 3.11 itself.

    python3 tests/compiler/gen_tokens.py          # rewrites tests/data/compiler/tokens/
    python3 tests/compiler/gen_tokens.py --unicode-table   # the C table in lexer.c

For every case it writes the source, tests/data/compiler/tokens/NAME.py, and
next to it either NAME.tokens (a good source: the token stream) or NAME.err
(a bad one: the SyntaxError CPython raises).  It also writes unicode.txt, the
character classes of unicodedata 14.0.0 that lexer.c's table must reproduce.

Good sources: the stream comes from the `tokenize` module, translated to what
the C tokenizer (Parser/tokenizer.c, which the parser really reads) returns.
The differences, all translated here:
  - tokenize emits ENCODING, COMMENT and NL; the C tokenizer does not;
  - tokenize says OP; the C tokenizer gives the exact type (LPAR, ...);
  - the C tokenizer (without async_hacks, as in 3.11) returns ASYNC and
    AWAIT for `async` and `await`, tokenize returns NAME;
  - the C tokenizer reads "\\r\\n" and "\\r" as "\\n" (a string spanning
    lines holds "\\n"), tokenize keeps them;
  - tokenize columns count characters; the C tokenizer's (the AST's
    col_offset) count UTF-8 bytes;
  - the C NEWLINE token leaves the newline out: it ends where the newline
    starts, and it starts there too, or at the '#' of a comment before it,
    whose text is then its text (tokenize: "\\n", or "" with one more column
    at EOF, after a separate COMMENT);
  - the C INDENT/DEDENT/ENDMARKER tokens have no text and column -1, and
    their line is the tokenizer's current line: for INDENT/DEDENT the line of
    the token that follows them (after backslash continuations), for
    ENDMARKER (and the DEDENTs before it) the number of physical lines read;
    tokenize puts ENDMARKER one line past the end.
A few sources tokenize reads differently from the C tokenizer (a backslash
continuation inside indentation; identifiers with characters that are
XID_Continue but not \\w, like U+00B7 or combining marks) are not generated
here; test_lexer.c checks those by hand.

Bad sources: each file is run as `python3 NAME.py` from the data directory
(the way refscope's users run their programs) and a sitecustomize hook records
the SyntaxError's type, msg, lineno, offset, end_lineno, end_offset and text.
File input differs from compile() of a string in places (null bytes and
undecodable bytes get other messages, offsets at EOF and offsets on lines with
non-ASCII characters are computed differently); refscope follows file input.
CPython names the script by its absolute path ("Non-UTF-8 code ... in file
/abs/NAME.py"); the data says NAME.py, the name the test hands the lexer.
Every bad case must fail with a SyntaxError subclass, every good one must
compile, or this script stops.  (One deliberate difference is not in the
data: a coding cookie naming an encoding other than UTF-8 is refused by
refscope in its own words, see test_coding_cookies.)

index.txt lists the cases, "good NAME" or "bad NAME", in this file's order.

Both kinds of file start with the warnings CPython raised while compiling,
in order: "warning CATEGORY LINENO MESSAGE" (python3 prints every one).

Output formats, one record per line, TEXT escaped (\\\\, \\n, \\r, \\t, \\xNN):
  NAME.tokens:  KIND LINE COL END_LINE END_COL[ TEXT]
  NAME.err:     key value   (type, msg, lineno, offset, end_lineno,
                             end_offset, text; None when CPython gives None)
"""
import io
import json
import os
import subprocess
import sys
import tempfile
import tokenize
import unicodedata
import warnings

assert sys.version_info[:3] == (3, 11, 7), "needs CPython 3.11.7"
assert unicodedata.unidata_version == "14.0.0"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "compiler", "tokens")

# ---------------------------------------------------------------- good inputs

GOOD = {}

GOOD["operators"] = b"""\
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
"""

GOOD["names"] = b"""\
x = _private + __dunder__ + CamelCase + snake_case_2 + _1
if True and not False or None is None: pass
async def f():
    await g()
match = case = _ = 1
print(lambda: 0, 1 if x else 2)
"""

GOOD["unicode_names"] = """\
caf\u00e9 = 1
\u65e5\u672c\u8a9e = caf\u00e9 + 2
stra\u00dfe = \u03a9 = \u0394x = 3
na\u00efve_\u00e9t\u00e9 = [\u65e5\u672c\u8a9e, stra\u00dfe]
\U0001d518 = 4
_\u0660 = 6
print(caf\u00e9, "\u00e9\u20ac\U0001F600")  # \u00e9 in a comment
""".encode()

GOOD["numbers"] = b"""\
a = [0, 1, 00, 0_0, 7, 42, 1_000_000, 123456789012345678901234567890]
b = [0x0, 0xff, 0XAbC, 0x_dead_BEEF, 0o0, 0o17, 0O7_7, 0o_7, 0b0, 0B1010, 0b_1_0]
c = [0.0, 1.5, 1., .5, 1e10, 1E-3, 1.5e+3, 1_000.5e-3, 0e0, 00.5, 09.5, 09e1, 1e1_0]
d = [1j, 1.5J, 0j, 09j, 1e3j, 123_456j, .5j]
e = [1 if x else 2, 0x1for x in y, 1or 2, 1 .real, 1..real, 1if 1else 2]
f = 1 .__class__ if 0 else 1e5
g = [0b1or 1, 0o7if 1 else 2, 1jif 1 else 2, 1.5and 1, 1e3not in y, 0in y, 0x1in y]
"""

GOOD["strings"] = b"""\
a = 'single' + "double" + '' + ""
b = '''triple
single''' + \"\"\"triple
double\"\"\"
c = r'raw\\d' + R"RAW" + u'u' + U"U"
d = b'bytes' + B"BYTES" + br'x' + Br'x' + bR'x' + BR'x' + rb'x' + rB'x' + Rb'x' + RB'x'
e = f'{a}' + F"{b!r}" + fr'{c}' + Fr'{c}' + fR'{c}' + FR'{c}' + rf'{d}' + rF'{d}' + Rf'{d}' + RF'{d}'
f = 'esc\\'aped' + "esc\\"aped" + 'back\\\\' + "tab\\t\\n"
g = 'line\\
continued'
h = f"{'nested'}" f'{"nested"}' f\"\"\"{
a
}\"\"\"
i = '''a ''\\''' b''' + \"\"\"\"\"\"
j = b'''multi
line
bytes'''
k = '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80' + '''\xc3\xa9
\xf0\x9f\x98\x80''' + x
"""

GOOD["indent"] = b"""\
if a:
    b = 1
    if c:
        d = 1
        if e:
            f = 1
    g = 1
else:
  h = 1
  while x:
      i = 1
      # comment at an odd indentation
   # and another

      j = 1
k = 1
for x in y:
\tif x:
\t\tpass
\t\tif x: pass
def f():
    return 1
class C:
    def m(self):
        pass
"""

GOOD["indent_tabs"] = b"""\
if 1:
 \tx = 1
 \tif 2:
 \t y = 2
 \t if 3:
 \t  \tz = 3
 \tw = 4
"""

GOOD["indent_formfeed"] = b"""\
if 1:
    x = 1
\x0c
\x0c    y = 2
\x0cz = 3
"""

GOOD["indent_eof"] = b"""\
if 1:
    if 2:
        if 3:
            x = 1
"""

GOOD["indent_eof_blank"] = b"if 1:\n    x = 1\n\n   \n# tail\n\n"

GOOD["no_final_newline"] = b"if 1:\n    x = 1"

GOOD["comment_no_newline"] = b"x = 1  # trailing"

GOOD["comment_last_line"] = b"x = 1\n# last"

GOOD["empty"] = b""

GOOD["only_comments"] = b"# one\n\n   # two\n\t# three\n"

GOOD["only_blank"] = b"\n\n  \n\t\n"

GOOD["continuation"] = b"""\
x = 1 + \\
    2 + \\
3
if a and \\
   b:
    pass
y = [1,
     2,  # comment inside brackets

   3]
z = {
  'a': (1,
        2),
}
f(a,
  b)[
  0] ; w = \\
  1
"""

GOOD["continuation_blank"] = b"x = 1 \\\n\ny = 2\n"

GOOD["bom"] = b"\xef\xbb\xbfx = 1\nif x:\n    y = '\xc3\xa9'\n"

GOOD["coding"] = b"# -*- coding: utf-8 -*-\nx = '\xc3\xa9'\n"

GOOD["coding_alias"] = b"#!/usr/bin/env python3\n# vim: set fileencoding=utf8 :\n\xc3\xa9 = '\xc3\xa9'\n"

GOOD["crlf"] = b"x = 1\r\nif x:\r\n    y = '''a\r\nb'''\r\n"

GOOD["whitespace"] = b"x\t=\t1 \x0c+ 2   \ny  =  3   \n"

GOOD["deep_nesting"] = b"x = " + b"(" * 200 + b"1" + b")" * 200 + b"\n"

GOOD["deep_indent"] = (b"".join(b" " * i + b"if 1:\n" for i in range(98))
                       + b" " * 98 + b"pass\n")

GOOD["long_line"] = b"x = '" + b"a" * 5000 + b"' + " + b" + ".join(b"v%d" % i for i in range(500)) + b"\n"

GOOD["program"] = b"""\
import sys
from gc import collect as c

class Node:
    __slots__ = ('value', 'next')

    def __init__(self, value, next=None):
        self.value = value
        self.next = next

    def __repr__(self):
        return f"Node({self.value!r})"


def build(n, *args, **kw):
    head = None
    for i in reversed(range(n)):
        head = Node(i, head)
    return head

try:
    lst = [x ** 2 for x in range(10) if x % 2 == 0]
    d = {k: v for k, v in zip('abc', lst)}
    s = {1, 2, 3} | {4}
    g = (x for x in lst)
except (ValueError, TypeError) as e:
    raise RuntimeError("bad") from e
else:
    assert sys.getrefcount(lst) >= 2, "refcount"
finally:
    del lst

def outer():
    count = 0
    def inner():
        nonlocal count
        count += 1
        yield count
    return inner

print(build(3), c(), -1, +2, not 0, 3 // 2, 7 % 3)
"""

# ----------------------------------------------------------------- bad inputs

BAD = {}
# indentation
BAD["dedent_mismatch"] = b"if x:\n    a = 1\n  b = 2\n"
BAD["dedent_mismatch_eof"] = b"if x:\n    a = 1\n  b = 2"
BAD["dedent_mismatch_nonascii"] = b"if x:\n  \xc3\xa9 = 1\n \xc3\xa9\n"
BAD["dedent_mismatch_bom"] = b"\xef\xbb\xbfif x:\n  \xc3\xa9 = 1\n \xc3\xa9\n"
BAD["dedent_mismatch_cont"] = b"if 1:\n    \\\n  a = 1\n  b = 2\n"
BAD["tab_same_col"] = b"if x:\n\ta = 1\n        b = 2\n"
BAD["tab_indent"] = b"if x:\n        if y:\n\t    a = 1\n"
BAD["tab_dedent"] = b"if x:\n\tif y:\n\t\ta = 1\n        b = 2\n"
BAD["dedent_tabs_mismatch"] = b"if x:\n  if y:\n\t  a = 1\n        b = 2\n"
BAD["tab_eof"] = b"if x:\n\ta = 1\n        b = 2"
BAD["tab_cont_line"] = b"if 1:\n\t\\\n  a = 1\n\tb = 2\n"
BAD["too_deep"] = b"".join(b" " * i + b"if 1:\n" for i in range(100)) + b" " * 100 + b"pass\n"
BAD["eof_backslash"] = b"x = 1 + \\\n"
BAD["eof_backslash_no_newline"] = b"x = 1 + \\"
BAD["eof_backslash_bol"] = b"x = 1\n\\\n"
BAD["eof_backslash_indented"] = b"if x:\n    y = 1\n    \\\n"
BAD["eof_backslash_nonascii"] = b"\xc3\xa9 = 1 + \\\n"
BAD["eof_backslash_nonascii_bom"] = b"\xef\xbb\xbf\xc3\xa9 = 1 + \\\n"
BAD["eof_backslash_chain"] = b"x = 1 + \\\n  2 + \\\n"
BAD["linecont"] = b"x = 1 \\ y\n"
BAD["linecont_space"] = b"x = 1 \\ \n"
BAD["linecont_second_line"] = b"x = 1 + \\\n  2 \\ y\n"
BAD["linecont_after_string"] = b"x = '''\n''' \\ y\n"
BAD["linecont_nonascii"] = b"\xc3\xa9 = 1 \\ \n"
BAD["linecont_bol"] = b"x = 1\n  \\ y\n"
BAD["linecont_eof"] = b"x = 1 \\ y"
# brackets
BAD["unmatched_rpar"] = b"x = 1)\n"
BAD["unmatched_rsqb"] = b"x = 1\ny = 2]\n"
BAD["unmatched_rbrace"] = b"x = 1}\n"
BAD["mismatch_same_line"] = b"x = (1]\n"
BAD["mismatch_brace"] = b"x = {1)\n"
BAD["mismatch_other_line"] = b"x = [1,\n2)\n"
BAD["mismatch_nested"] = b"x = [1, (2,\n3]\n"
BAD["mismatch_nonascii"] = b"\xc3\xa9 = (1]\n"
BAD["never_closed"] = b"x = (1,\n"
BAD["never_closed_blank_tail"] = b"x = (\n\n\n# c\n"
BAD["never_closed_no_newline"] = b"x = (1,"
BAD["never_closed_inner"] = b"x = [1, (2,\n3,\n"
BAD["never_closed_brace"] = b"x = 1\ny = {\n 'a': 1,\n"
BAD["never_closed_nonascii"] = b"\xc3\xa9 = (1,\n"
BAD["never_closed_bom"] = b"\xef\xbb\xbf\xc3\xa9 = (1,\n"
BAD["never_closed_coding"] = b"# -*- coding: utf-8 -*-\n\xc3\xa9 = (1,\n"
BAD["too_many_parens"] = b"x = " + b"[" * 201 + b"\n"
# error texts of long lines (CPython re-reads them through a 1000-byte buffer)
BAD["linecont_long_line"] = b"x = " + b"1 + " * 300 + b"\\ y\n"
BAD["never_closed_long_line"] = b"x = " + b"1, " * 400 + b"(2,\n"
BAD["never_closed_long_line_bom"] = b"\xef\xbb\xbfx = " + b"1, " * 400 + b"(2,\n"
BAD["dedent_long_line"] = b"if x:\n    a = 1\n  b = " + b"1 + " * 300 + b"1\n"
BAD["never_closed_999"] = b"x = (" + b"1" * 994
BAD["never_closed_1998"] = b"x = (" + b"1" * 1993
BAD["never_closed_chunk_split"] = b"x = ((" + b"\xc3\xa9" * 600 + b",\n"
BAD["eof_backslash_long_line"] = b"x = " + b"1 + " * 300 + b"\\\n"
# strings
BAD["unterminated"] = b'x = "abc\n'
BAD["unterminated_single"] = b"x = 1\ny = 'abc\n"
BAD["unterminated_prefix"] = b'x = rb"abc\n'
BAD["unterminated_fstring"] = b"x = f'{a}\n"
BAD["unterminated_escaped_quote"] = b'x = "abc\\"\n'
BAD["unterminated_eof"] = b'x = "abc'
BAD["unterminated_backslash_eof"] = b'x = "abc\\'
BAD["unterminated_continued"] = b'x = "abc\\\ndef\n'
BAD["unterminated_nonascii"] = b'\xc3\xa9 = "abc\n'
BAD["unterminated_triple"] = b'x = """abc\n\ndef\n'
BAD["unterminated_triple_single"] = b"x = 1\ny = '''abc\n"
BAD["unterminated_triple_eof"] = b'x = """abc'
BAD["unterminated_triple_quotes"] = b'x = """abc""\n'
# numbers
for i, num in enumerate([
        b"1_", b"1_000_", b"1__000", b"0x", b"0x_", b"0xg", b"0x1_", b"0x1g", b"0o", b"0o8",
        b"0o1_8", b"0o19", b"0o1a", b"0b", b"0b2", b"0b12", b"0b1a", b"0b1_", b"09", b"0_",
        b"00_9", b"007", b"0_7", b"1e", b"1e+", b"1e+a", b"1.5_", b"1._5", b"1.5e_1",
        b"1abc", b"1.5abc", b"1e5abc", b"1jabc", b"0x1fz", b"1__", b"0b1__1", b"1E+_5",
        b"1.__class__", b"0e", b"0_x", b"0b\xc3\xa9", b"0o\xc3\xa9", b"0x\xc3\xa9",
        b"1elsex", b"1_if"]):
    BAD["number_%02d" % i] = b"x = " + num + b"\n"
BAD["number_warnings_first"] = b"x = 1if 1 else 2\ny = [0o7in z, 1jor 2]\nw = 1abc\n"
BAD["number_nonascii_line"] = b"\xc3\xa9 = 0777\n"
BAD["number_nonascii_line2"] = b"\xc3\xa9 = 1__0\n"
# characters
BAD["char_euro"] = b"x = \xe2\x82\xac\n"
BAD["char_in_name"] = b"x = a\xe2\x82\xacb + 1\n"
BAD["char_emoji"] = b"x = 1\ny = \xf0\x9f\x98\x80\n"
BAD["char_nbsp"] = b"x = a\xc2\xa0\n"
BAD["char_zwsp"] = b"x\xe2\x80\x8b = 1\n"
BAD["char_control"] = b"x = \x01\n"
BAD["char_del"] = b"x = 1 \x7f\n"
BAD["char_vt"] = b"x = 1\x0b\n"
BAD["char_bom_again"] = b"\xef\xbb\xbf\xef\xbb\xbfx = 1\n"
BAD["char_bom_line2"] = b"x = 1\n\xef\xbb\xbfy = 2\n"
BAD["char_bom_prefix"] = b"\xef\xbb\xbfx = \xe2\x82\xac\n"
# encodings and null bytes
BAD["utf8_line1"] = b'x = "\xff"\n'
BAD["utf8_line3"] = b"x = 1\ny = 2\n# \xc3\n"
BAD["utf8_surrogate"] = b'x = "\xed\xa0\x80"\n'
BAD["utf8_overlong"] = b"a\xe0\x80\x80b = 1\n"
BAD["utf8_too_big"] = b'x = "\xf4\x90\x80\x80"\n'
BAD["utf8_truncated"] = b"a = 1\n\xf0\x9f\x98\n"
BAD["utf8_truncated_eof"] = b"a = '\xe2\x82"
BAD["utf8_after_error"] = b'x = 1\nx = "abc\ny = \xff\n'
BAD["utf8_in_string_line2"] = b'x = """\n\xff"""\n'
BAD["utf8_before_nul"] = b"\xff\x00\n"
BAD["bom_decode_name"] = b"\xef\xbb\xbfx = a\xffb\n"
BAD["bom_decode_name_start"] = b"\xef\xbb\xbfx = \xff\n"
BAD["bom_latin1"] = b"\xef\xbb\xbf# coding: latin-1\nx = 1\n"
BAD["coding_alias_undecodable"] = b"# coding: utf8\nx = (\n'\xff'\n"
BAD["coding_bogus_with_bom"] = b"\xef\xbb\xbf# coding: u8\nx = 1\n"
BAD["coding_line2_nonascii"] = b"# coding: utf-8\nif x:\n  \xc3\xa9\n \xc3\xa9\n"
BAD["nul_line1"] = b"\x00x = 1\n"
BAD["nul_line2"] = b"x = 1\ny = 2\x00\n"
BAD["nul_in_string"] = b'x = "\x00"\n'
BAD["nul_in_comment"] = b"x = 1 # \x00 c\n"
BAD["nul_before_utf8"] = b"\x00\xff\n"
BAD["nul_after_block"] = b"if 1:\n  x = 1\n\x00\n"
BAD["nul_in_continuation"] = b"x = 1 + \\\n 2\x00\n"
BAD["nul_after_error"] = b'x = "abc\n\x00\n'


def esc(b):
    """Bytes as one line: \\\\ \\n \\r \\t, \\xNN for other control bytes (and for
    bytes >= 0x80 unless the whole is valid UTF-8, which is then kept raw)."""
    try:
        b.decode("utf-8")
        raw_high = True
    except UnicodeDecodeError:
        raw_high = False
    named = {0x5C: b"\\\\", 0x0A: b"\\n", 0x0D: b"\\r", 0x09: b"\\t"}
    out = bytearray()
    for c in b:
        if c in named:
            out += named[c]
        elif c < 0x20 or c == 0x7F or (c >= 0x80 and not raw_high):
            out += b"\\x%02x" % c
        else:
            out.append(c)
    return bytes(out)


def physical_lines(src):
    """CPython's file reader: BOM dropped, \\r\\n and \\r read as \\n."""
    if src.startswith(b"\xef\xbb\xbf"):
        src = src[3:]
    text = src.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return text.split(b"\n")[:-1] if text.endswith(b"\n") else text.split(b"\n")


def good_tokens(name, src):
    with warnings.catch_warnings():  # 0x1for: a SyntaxWarning, still valid
        warnings.simplefilter("ignore")
        compile(src, name + ".py", "exec")  # must be valid Python
    lines = physical_lines(src)
    nlines = len(lines) if src else 0

    def bcol(row, col):
        line = lines[row - 1].decode("utf-8") if row - 1 < len(lines) else ""
        return len(line[:col].encode("utf-8"))

    every = list(tokenize.tokenize(io.BytesIO(src).readline))
    comment_before = {}  # NEWLINE -> the COMMENT just before it
    for a, b in zip(every, every[1:]):
        if a.type == tokenize.COMMENT and b.type == tokenize.NEWLINE:
            comment_before[id(b)] = a
    raw = [t for t in every if t.type not in (tokenize.ENCODING, tokenize.COMMENT, tokenize.NL)]
    # tokenize's names are \\w+: it breaks some (x\u00b7y, e\u0301) that the C
    # tokenizer, by XID_Continue, does not; test_lexer.c has those.
    assert all(t.type != tokenize.ERRORTOKEN for t in raw), name
    out = []
    for i, t in enumerate(raw):
        kind = tokenize.tok_name[t.exact_type]
        text = t.string.encode("utf-8").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        (l, c), (el, ec) = t.start, t.end
        if kind == "NAME" and t.string in ("async", "await"):
            kind = t.string.upper()
        if kind == "NEWLINE":
            ec = bcol(l, c)
            el = l
            com = comment_before.get(id(t))
            if com:
                text, c = com.string.encode("utf-8"), bcol(l, com.start[1])
            else:
                text, c = b"", ec
        elif kind in ("INDENT", "DEDENT"):
            nxt = next(u for u in raw[i:] if u.type not in (tokenize.INDENT, tokenize.DEDENT))
            l = el = nxt.start[0] if nxt.type != tokenize.ENDMARKER else nlines
            c = ec = -1
            text = b""
        elif kind == "ENDMARKER":
            l = el = nlines
            c = ec = -1
            text = b""
        else:
            c, ec = bcol(l, c), bcol(el, ec)
        out.append(b"%s %d %d %d %d" % (kind.encode(), l, c, el, ec) + (b" " + esc(text) if text else b""))
    return b"\n".join(out) + b"\n"


# Run as sitecustomize: records the warnings and the SyntaxError of compiling
# the script, and stops when the script's code starts (it compiled).
HOOK = r'''
import json, os, sys, warnings
script = os.path.abspath(sys.argv[0])
seen = []
def show(message, category, filename, lineno, file=None, line=None):
    seen.append([category.__name__, str(message), lineno])
warnings.showwarning = show
def hook(t, e, tb):
    if isinstance(e, SyntaxError):
        rec = dict(type=t.__name__, msg=e.msg, lineno=e.lineno, offset=e.offset,
                   end_lineno=e.end_lineno, end_offset=e.end_offset, text=e.text)
    else:
        rec = dict(type=t.__name__, msg=str(e))
    rec["warnings"] = seen
    sys.stdout.write(json.dumps(rec))
sys.excepthook = hook
def trace(frame, event, arg):
    if frame.f_code.co_filename == script:
        sys.stdout.write(json.dumps(dict(ok=True, warnings=seen)))
        sys.stdout.flush()
        os._exit(0)
sys.settrace(trace)
'''


def run_file(name, hookdir):
    """`python3 NAME.py` in the data directory, through HOOK."""
    env = dict(os.environ, PYTHONPATH=hookdir)
    env.pop("PYTHONSTARTUP", None)
    r = subprocess.run([sys.executable, "-s", name + ".py"], cwd=OUT, env=env,
                       capture_output=True, timeout=60)
    if not r.stdout:
        sys.exit(f"{name}: no result, exit {r.returncode}: {r.stderr!r}")
    return json.loads(r.stdout)


def warning_lines(rec):
    return [b"warning %s %d %s" % (cat.encode(), lineno, msg.encode()) for cat, msg, lineno in rec["warnings"]]


def bad_error(name, hookdir):
    rec = run_file(name, hookdir)
    if rec.get("ok"):
        sys.exit(f"{name}: expected a SyntaxError, it compiled")
    # CPython names the script by its absolute path; the test passes NAME.py.
    rec["msg"] = rec["msg"].replace(os.path.abspath(os.path.join(OUT, name + ".py")), name + ".py")
    if rec["type"] not in ("SyntaxError", "IndentationError", "TabError"):
        sys.exit(f"{name}: expected a SyntaxError, got {rec}")
    out = []
    for key in ("type", "msg", "lineno", "offset", "end_lineno", "end_offset", "text"):
        v = rec[key]
        if v is None:
            v = b"None"
        elif isinstance(v, str):
            v = esc(v.encode("utf-8", "surrogatepass"))
        else:
            v = str(v).encode()
        out.append(key.encode() + b" " + v)
    return b"\n".join(warning_lines(rec) + out) + b"\n"


def unicode_segments():
    """Class of every code point >= 0x80 as (first code point, class) runs:
    0 not printable, 1 printable, 2 also XID_Continue, 3 also XID_Start."""
    segs, prev = [], None
    for cp in range(0x80, 0x110000):
        ch = chr(cp)
        if not ch.isprintable():
            k = 0
        elif ch.isidentifier():
            k = 3
        elif ("a" + ch).isidentifier():
            k = 2
        else:
            k = 1
        if k != prev:
            segs.append((cp, k))
            prev = k
    return segs


def main():
    segs = unicode_segments()
    if sys.argv[1:] == ["--unicode-table"]:
        vals = [str(cp << 2 | k) for cp, k in segs]
        print(f"static const uint32_t uni_runs[{len(vals)}] = {{")
        for i in range(0, len(vals), 12):
            print("    " + ",".join(vals[i:i + 12]) + ",")
        print("};")
        return
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith((".py", ".tokens", ".err", ".txt")):
            os.remove(os.path.join(OUT, f))
    with open(os.path.join(OUT, "unicode.txt"), "w") as f:
        for cp, k in segs:
            f.write(f"{cp:x} {k}\n")
    with tempfile.TemporaryDirectory() as hookdir:
        with open(os.path.join(hookdir, "sitecustomize.py"), "w") as f:
            f.write(HOOK)
        for name, src in GOOD.items():
            with open(os.path.join(OUT, name + ".py"), "wb") as f:
                f.write(src)
            rec = run_file(name, hookdir)
            assert rec.get("ok"), (name, rec)
            with open(os.path.join(OUT, name + ".tokens"), "wb") as f:
                f.write(b"".join(w + b"\n" for w in warning_lines(rec)) + good_tokens(name, src))
        index = [f"good {name}" for name in GOOD]
        for name, src in BAD.items():
            index.append(f"bad {name}")
            assert name not in GOOD
            with open(os.path.join(OUT, name + ".py"), "wb") as f:
                f.write(src)
            with open(os.path.join(OUT, name + ".err"), "wb") as f:
                f.write(bad_error(name, hookdir))
    with open(os.path.join(OUT, "index.txt"), "w") as f:
        f.write("\n".join(index) + "\n")
    print(f"{len(GOOD)} good and {len(BAD)} bad sources, {len(segs)} unicode runs")


main()
