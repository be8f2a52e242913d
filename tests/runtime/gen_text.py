#!/usr/bin/env python3
"""Expectations for tests/unit/test_rt_text.c, produced by CPython 3.11:

    PYTHONHASHSEED=0 python3 tests/runtime/gen_text.py > tests/data/runtime/text.txt

One case per line, tab-separated: a kind, its operands, the expected
outcome.  Values are written as tokens separated by spaces:
    s<hex of UTF-8>   a str ('s' alone: '')     i<decimal>   an int
    f<hex of bits>    a float                    b<hex>       bytes
    N T F E Z         None True False Ellipsis NotImplemented
    ( ... )  [ ... ]  { k v ... }  <x ... >      tuple, list, dict, frozenset
    r<start>,<stop>,<step>   a range            X<Name> ( args )  an exception
Outcomes: "=<hex of repr(result)> <identity> <getsizeof>" where identity is
self (the result is the first operand), single ('' or a one-character
Latin-1 singleton) or new; or "!<ExceptionName> <hex of message>".
"""
import struct, sys

def tok(v):
    if v is None: return 'N'
    if v is True: return 'T'
    if v is False: return 'F'
    if v is Ellipsis: return 'E'
    if v is NotImplemented: return 'Z'
    if isinstance(v, str): return 's' + v.encode('utf-8').hex()
    if isinstance(v, int): return 'i%d' % v
    if isinstance(v, float): return 'f%016x' % struct.unpack('<Q', struct.pack('<d', v))[0]
    if isinstance(v, bytes): return 'b' + v.hex()
    if isinstance(v, tuple): return ' '.join(['('] + [tok(x) for x in v] + [')'])
    if isinstance(v, list): return ' '.join(['['] + [tok(x) for x in v] + [']'])
    if isinstance(v, dict): return ' '.join(['{'] + [tok(x) for kv in v.items() for x in kv] + ['}'])
    if isinstance(v, frozenset): return ' '.join(['<'] + [tok(x) for x in v] + ['>'])
    if isinstance(v, range): return 'r%d,%d,%d' % (v.start, v.stop, v.step)
    if isinstance(v, BaseException): return ' '.join(['X' + type(v).__name__, '('] + [tok(x) for x in v.args] + [')'])
    raise TypeError(type(v))

def toks(vs): return ' '.join(tok(v) for v in vs) or '-'

def is_single(r):
    return isinstance(r, str) and (len(r) == 0 or (len(r) == 1 and ord(r) < 256 and r is chr(ord(r))))

def outcome(fn, first):
    try:
        r = fn()
    except Exception as e:
        return '!%s %s' % (type(e).__name__, (str(e.args[0]) if e.args else '').encode().hex() or '-')
    ident = 'self' if r is first else 'single' if is_single(r) else 'new'
    return '=%s %s %d' % (repr(r).encode().hex() or '-', ident, sys.getsizeof(r))

out = []
def case(kind, *fields_and_fn):
    *fields, fn, first = fields_and_fn
    o = outcome(fn, first)
    if o.startswith('!UnicodeEncodeError'):
        return  # refscope raises these as ValueError (no such exception class)
    out.append('\t'.join([kind] + list(fields) + [o]))

def fresh(s):
    # a str object of its own, as the C side builds it (not a code constant):
    # one Latin-1 character is the singleton chr() returns, as str_from_utf8 gives
    if len(s) == 1 and ord(s) < 256: return chr(ord(s))
    return (s + '\x00')[:-1] if len(s) > 1 else ''

def canon(v):
    if isinstance(v, str): return fresh(v)
    if isinstance(v, tuple): return tuple(canon(x) for x in v)
    if isinstance(v, list): return [canon(x) for x in v]
    if isinstance(v, dict): return {canon(k): canon(x) for k, x in v.items()}
    if isinstance(v, BaseException): return type(v)(*canon(v.args))
    return v

# ---- str methods ----
M = []
S1 = ['', 'a', 'abc', '  a b  c ', 'Hello World', 'hello world', 'ABC', 'aBc', 'a,b,,c', 'x\ty\n z\r\nw',
      'line1\nline2\r\nline3\rline4\x0bx\x0c\x1c\x1d\x1e\x85\u2028end', 'é', 'café', 'ÀÉÎõü', 'ß', 'ﬁ',
      'straße', 'ÿ', 'µ', 'ñandú', 'Ωμέγα', 'Привет', '日本語', '😀x', '123', '١٢٣', '²', '½', '  ',
      '\t\n', 'abc123', 'a_b', '_x1', '1x', 'class', '-42', '+7', 'title Case', "It's", 'hello',
      'aaa', 'a\u00a0b', 'ǅ', 'ÀÁ', 'àá']
for s in S1:
    for name in ['upper', 'lower', 'casefold', 'capitalize', 'title', 'swapcase', 'isdigit', 'isdecimal',
                 'isnumeric', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'istitle',
                 'isidentifier', 'isascii', 'isprintable', 'split', 'rsplit', 'splitlines', 'strip',
                 'lstrip', 'rstrip', 'expandtabs', 'encode']:
        M.append((name, s, (), {}))
for s in ['a,b,,c', 'a b c d', ',', '', 'abc', 'a::b::c', 'aXbXc', 'é,ü']:
    for args in [(',',), (',', 1), (',', 0), (',', -1), ('::',), ('X', 1), (None, 1), (None,), ('',),
                 ('toolongseparator',), (1,), (',', '1'), (',', 1.5)]:
        M.append(('split', s, args, {}))
        M.append(('rsplit', s, args, {}))
    M.append(('split', s, (), {'sep': ',', 'maxsplit': 1}))
    M.append(('split', s, (), {'x': 1}))
    M.append(('split', s, (',',), {'sep': ','}))
    M.append(('split', s, (None, 1, 2), {}))
M.append(('split', ' '.join('abcdefghijklmnopqrstuvwxyz'), (), {}))
M.append(('rsplit', ' '.join('abcdefghijklmnopqrstuvwxyz'), (), {}))
M.append(('split', ','.join('abcdefghijklmnopqrstuvwxyz'), (',',), {}))
for s in ['a\nb\r\nc\n', '\n', 'abc', 'a\r\rb']:
    M.append(('splitlines', s, (True,), {}))
    M.append(('splitlines', s, (), {'keepends': True}))
M.append(('splitlines', 'a', (1.5,), {}))
for s in ['  xy  ', 'xxhixx', 'abc', '', 'é xé', 'aa']:
    for args in [(None,), ('x',), ('xa',), ('é',), (1,), ('a', 'b'), ('',)]:
        for name in ['strip', 'lstrip', 'rstrip']:
            M.append((name, s, args, {}))
M.append(('strip', 'a', (), {'chars': 'a'}))
for s in ['hello world', 'aaaa', 'abc', '', 'é€', 'ab' * 5]:
    for args in [('o',), ('l', 'L'), ('l', 'L', 1), ('a', 'b', 0), ('', '-'), ('', '-', 2), ('x', 'y'),
                 ('aa', 'b'), ('aaaa', ''), ('€', 'e'), ('hello world', 'x'), ('é', 'e'), ('a',), (1, 'b'),
                 ('a', 1), ('a', 'b', 'c'), ('abc', 'abc'), ('b', 'é'), ('ab', 'a' * 3, -1)]:
        M.append(('replace', s, args, {}))
for s in ['hello world', 'abcabc', '', 'aé€😀b']:
    for args in [('o',), ('l', 3), ('l', -3), ('l', 2, 4), ('',), ('', 20), ('', 11), ('zz',), ('c', None, 4),
                 ('c', None, None), ('a', 'x'), (1,), (), ('a', 1, 2, 3), ('€',), ('😀',), ('b', -100, 100),
                 ('', -1), ('', 2**70), ('a', -2**70)]:
        for name in ['find', 'rfind', 'index', 'rindex', 'count']:
            M.append((name, s, args, {}))
    M.append(('find', s, ('a',), {'start': 1}))
for s in ['hello world', '', 'abc', 'é€x']:
    for args in [('he',), ('ld',), ('',), ('', 5), ('', 20), (('x', 'he'),), (('x', 'y'),), ((),), (1,),
                 ((1,),), (('he', 1),), ('o', 4), ('o', 4, 5), ('l', -2), ('b', 1, 2), ('€',), ('x', -1),
                 ('abcd',)]:
        M.append(('startswith', s, args, {}))
        M.append(('endswith', s, args, {}))
for s in ['abc', '', 'é', '-12', '+1', '12', '€', '-']:
    for args in [(5,), (5, '*'), (2,), (6, 'é'), (7, '€'), (5, 'ab'), (5, 1), ('5',), (5.0,), (-3,), (),
                 (4, '*', 1)]:
        for name in ['center', 'ljust', 'rjust']:
            M.append((name, s, args, {}))
    for args in [(5,), (1,), (0,), ('5',), (), (6,)]:
        M.append(('zfill', s, args, {}))
for s in ['a,b,c', 'abc', '', 'a,,b', 'é€', '€']:
    for args in [(',',), ('b',), ('abcd',), ('',), (1,), (), ('€',), ('é€',), (',', 1)]:
        M.append(('partition', s, args, {}))
        M.append(('rpartition', s, args, {}))
for args in [([],), (['a'],), (['ab'],), (['a', 'b'],), (('x', 'y', 'z'),), (['é', 'a'],), (['', ''],),
             (['a', 1],), (1,), ('xyz',), ((),), (), (['a'], 1), ([''],), (['€', 'b', 'c'],), (['a', ''],),
             ({'k': 1, 'j': 2},), (range(3),)]:
    for sep in ['', ',', ' - ', '€']:
        M.append(('join', sep, args, {}))
for s in ['a\tb', '\t', 'ab\tcd\tefg\n\tx', 'abc', '\r\t', '']:
    for args in [(), (4,), (0,), (1,), (-1,), ('x',)]:
        M.append(('expandtabs', s, args, {}))
    M.append(('expandtabs', s, (), {'tabsize': 2}))
for s in ['prefix_body_suffix', 'abc', '', 'aa']:
    for args in [('prefix_',), ('_suffix',), ('',), ('abc',), ('x',), (1,), ('a',), ('aa',), ()]:
        M.append(('removeprefix', s, args, {}))
        M.append(('removesuffix', s, args, {}))
for s in ['abc', 'é€😀', '']:
    for args, kw in [((), {}), (('utf-8',), {}), (('UTF8',), {}), (('ascii',), {}), (('latin-1',), {}),
                     ((1,), {}), (('utf-8', 'strict'), {}), ((), {'encoding': 'utf-8', 'errors': 1}),
                     ((), {'foo': 1}), (('nosuch',), {})]:
        M.append(('encode', s, args, kw))
for name in ['upper', 'isdigit', 'title', 'casefold']:
    M.append((name, 'a', (1,), {}))
    M.append((name, 'a', (), {'x': 1}))
# str.format
F = [('{}', (1,), {}), ('{}', ('abc',), {}), ('{0}{1}{0}', ('a', 'b'), {}), ('{x}-{y}', (), {'x': 1, 'y': 2.5}),
     ('{{}}', (), {}), ('a{{b}}c', (), {}), ('plain', (), {}), ('', (), {}), ('{!r}', ('é',), {}),
     ('{!s:>5}', ('ab',), {}), ('{!a}', ('é',), {}), ('{:>{}}', (1, 5), {}), ('{0:{1}{2}}', (1, '>', 4), {}),
     ('{:{:{}}}', (1, 2, 3), {}), ('{0[1]}', ([5, 6],), {}), ('{0[a]}', ({'a': 7},), {}),
     ('{0[1]}', ('xyz',), {}), ('{', (), {}), ('}', (), {}), ('{0}{}', (1, 2), {}), ('{}{0}', (1, 2), {}),
     ('{1}', (1,), {}), ('{x}', (), {}), ('{0!x}', (1,), {}), ('{0:d}', ('a',), {}), ('{0[}', (1,), {}),
     ('{0!}', (1,), {}), ('{!r:}', (), {}), ('{:}', (1,), {}), ('{}', (), {}), ('{0[-1]}', ([1],), {}),
     ('{:08.3f}|{:+,d}|{:#x}|{:^9}|{:*<6}', (3.14159, 1234567, 255, 'mid', 'ab'), {}),
     ('{0!r:^12}', ('ab',), {}), ('{a}{b}', (), {'a': 'x', 'b': ''}), ('{}{}', ('abc', ''), {}),
     ('{}{}', ('', 'abc'), {}), ('x{}', ('abc',), {}), ('{}x', ('abc',), {}), ('{0:}', ('q',), {}),
     ('{0!r}{0!s}', (None,), {}), ('{:%}', (0.25,), {}), ('{0.real}', (5,), {}), ('{0[0]', ([1],), {}),
     ('{0]}', (1,), {}), ('{0:{1}}', (1, 'x'), {}), ('{:{}}', ('a', '}'), {}), ('{{{}}}', (7,), {}),
     ('{:}}', (1,), {}), ('{0!rx}', (1,), {}), ('{0!r', (1,), {}), ('{0:', (1,), {}), ('{00}', (5,), {}),
     ('{ }', (), {' ': 3}), ('{0}', ([1, 'a', (2,)],), {}), ('{}', (True,), {}), ('{:d}', (True,), {}),
     ('{:5}', (True,), {}), ('é{}€', ('😀',), {})]
for fmt, args, kw in F:
    M.append(('format', fmt, args, kw))

for name, s, args, kw in M:
    self_obj = fresh(s)
    args, kw = canon(args), canon(kw)
    def call(self_obj=self_obj, name=name, args=args, kw=kw):
        return getattr(str, name)(self_obj, *args, **kw)  # the method descriptor, as LOAD_METHOD calls it
    kwtok = ' '.join(tok(k) + ' ' + tok(v) for k, v in kw.items()) or '-'
    case('M', name, tok(self_obj), toks(args), kwtok, call, self_obj)

# ---- repr / str / ascii ----
R = ['', 'a', "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\tnl\ncr\r', '\x00\x01\x1f\x7f',
     '\x80\x9f\xa0\xa1\xad\xff', 'é€😀', '\u2028\u200b\ufeff\ue000', '\U000e0001\U0010ffff', '\ud7ff',
     'ﬁ', 'Ωμέγα', 0, 1, -1, 256, 257, 10**30, -(2**64), 1.5, 0.1, 1e16, 1e-5, -0.0, float('inf'),
     float('-inf'), float('nan'), 1e300 * 10, 123456789.125, True, False, None, Ellipsis, NotImplemented,
     b'', b'abc', b"it's", b'\x00\xff"\'', (), (1,), (1, 2), [], [1, 'a', [None]], {}, {1: 'a', 'b': [2]},
     frozenset(), frozenset({1}), frozenset({1, 2, 3}), ((), [()]), range(3), range(1, 5, 2), range(-1),
     range(0, 10, -3), ValueError('x'), ValueError(), ValueError(1, 2), KeyError('k'), KeyError(),
     KeyError(1, 2), TypeError('a', 'b'), IndexError(('t',)), StopIteration(5), KeyError(''),
     [[[1], 2], (3, [4, {5: (6,)}])], ('é', b'\xe9'), {'k': {'k': {}}}]
for v in R:
    v = canon(v)
    case('R', tok(v), lambda v=v: repr(v), None)
    case('S', tok(v), lambda v=v: str(v), v)
    case('A', tok(v), lambda v=v: ascii(v), None)

# ---- format() ----
I = [0, 1, -1, 42, -42, 255, 1234567, -1234567, 10**20, -(10**20), 2**64, 65, 0x10ffff, True, False]
ISPECS = ['', 'd', '5', '<5', '^7', '>5', '=+8', '+', '-', ' ', '05', '010,', '09,', '08,', '_', ',', ',d',
          '_x', '_b', '_o', 'x', 'X', '#x', '#X', '#o', '#b', 'b', 'o', 'c', '+c', '#c', 'n', 'e', 'E', 'f',
          '.2f', 'g', 'G', '%', '.1%', '.3', 's', 'z', '10.2', '*^+#012_x', '0=10', 'a=+10,', 'é>6',
          '€^5', ',x', ',b', ',_', '_,', ',,', '.', 'xx', '020_b', '#010x', '#_b', '-#o', ' x',
          '99999999999999999999999', '.99999999999999999999', '012,', '=10', '+010', '0>4']
for v in I:
    for sp in ISPECS:
        case('FMT', tok(v), tok(sp), lambda v=v, sp=sp: format(v, sp), None)
FL = [0.0, -0.0, 1.0, -1.5, 3.14159, 1e16, 1e-5, 1e22, 123456789.0, 1234.5, 0.0001, 12.0, 100.0, 1.25, 2.5,
      1e300, 5e-324, float('inf'), float('-inf'), float('nan'), 0.5, 9.995, 1/3, 2/3, -1e-7, 1e15, 999999.5,
      0.00001234]
FSPECS = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '.0', '.1', '.2', '.3', '.10', '.17', '.0e', '.0f',
          '.0g', '#.0f', '#.0e', '#g', '#.3g', '#', '.3g', '10', '<10', '^12', '=+12', '010', '+', ' ', '-',
          ',', '_', ',.2f', '_.3e', '012,.2f', '015,', 'z', 'z.1f', 'z.0f', '+.3', '.1%', 'd', 'x', 's', 'c',
          '.2n', ',n', '#,', '020.10', '*>+12.4e', '.3%', 'G', '.30f', '.25g', '.0%', '0=12.1f', '>012']
for v in FL:
    for sp in FSPECS:
        case('FMT', tok(v), tok(sp), lambda v=v, sp=sp: format(v, sp), None)
SS = ['', 'a', 'abc', 'é€', 'hello world']
SSPECS = ['', 's', '5', '<5', '>5', '^5', '^6', '*^7', '.2', '10.2', '.0', '.9', '2', '05', '+', ' ', '-',
          '#', '=5', 'd', 'x', ',', '_', 'z', 'é<4', '.2s', '3.1s']
for v in SS:
    for sp in SSPECS:
        case('FMT', tok(v), tok(sp), lambda v=v, sp=sp: format(v, sp), v)
for v in [None, (1,), [1], b'ab', Ellipsis, range(3), ValueError('v')]:
    v = canon(v)
    for sp in ['', 's', '5']:
        case('FMT', tok(v), tok(sp), lambda v=v, sp=sp: format(v, sp), None)

# ---- % formatting ----
P = [('%s', 'x'), ('%s', (1,)), ('%s %s', (1, 'a')), ('%r', 'é'), ('%a', 'é'), ('%d', 3), ('%d', 3.9),
     ('%i|%u', (-2.1, 7)), ('%5d|%-5d|%05d|%+d|% d', (3, 3, -3, 3, 3)), ('%x|%X|%o', (255, 255, 8)),
     ('%#x|%#X|%#o', (255, 255, 8)), ('%.3d|%.3x', (7, 7)), ('%x', -255), ('%e|%E|%g|%G', (1.5, 1e300, 1e-5, 1e20)),
     ('%f|%F', (1 / 3, float('inf'))), ('%#.0e|%#g|%#.3g|%.0f', (1.0, 1.0, 1.0, 2.5)), ('%c%c', (65, 'z')),
     ('%5.2s|', 'abc'), ('%-6s|%6s', ('ab', 'cd')), ('%%', ()), ('100%%', ()), ('%(a)s %(b)d', {'a': 1, 'b': 2}),
     ('%(a)s', 1), ('%(a)s', {}), ('%s', [1]), ('%s', {'a': 1}), ('%d', 'x'), ('%x', 1.5), ('%f', 'a'),
     ('%c', 1.5), ('%c', 'ab'), ('%c', 2**30), ('%z', 1), ('%', 1), ('%s %s', (1,)), ('%s', (1, 2)),
     ('%*d', (5, 1)), ('%-*d|', (5, 1)), ('%*d', ('a', 1)), ('%.*f', (2, 3.14159)), ('%.*f', (2.0, 1)),
     ('%s', ()), ('abc', ()), ('abc', 5), ('abc', [1]), ('%d', 2**70), ('%x', 2**70), ('%o', -(2**70)),
     ('%010.3f', -3.14159), ('%+.2e', 12345.678), ('%s|%r', (None, None)), ('%5s', 'é€'), ('%c', 0x20ac),
     ('%ld %hd', (1, 2)), ('%s', b'ab'), ('%.1s', 'é€'), ('%(x)s %s', {'x': 1}), ('%d%%', 50),
     ('%05s', 'ab'), ('%-05d', 3), ('%+05.1f', 2.25), ('% 5d', 42), ('%#5x', 10), ('%.0s', 'abc'),
     ('%3c', 'x'), ('%-3c|', 65), ('%s', True), ('%d', True), ('%f', 10**400 if False else 1e100),
     ('%i', float('nan')), ('%d', float('inf')), ('%010f', float('inf')), ('%-010f|', float('-inf'))]
for fmt, args in P:
    self_obj = fresh(fmt)
    args = canon(args)
    case('MOD', tok(self_obj), tok(args), lambda f=self_obj, a=args: f % a, self_obj)

# ---- operators ----
ST = ['', 'a', 'ab', 'é', 'é€', '😀', 'abc']
for a in ST:
    for b in ST:
        fa, fb = fresh(a), fresh(b)
        case('ADD', tok(fa), tok(fb), lambda fa=fa, fb=fb: fa + fb, fa)
        case('CMP', tok(fa), tok(fb), lambda fa=fa, fb=fb: (fa > fb) - (fa < fb), None)
        case('IN', tok(fa), tok(fb), lambda fa=fa, fb=fb: fa in fb, None)
    fa = fresh(a)
    for n in [-1, 0, 1, 2, 3]:
        case('MUL', tok(fa), tok(n), lambda fa=fa, n=n: fa * n, fa)
    case('ITER', tok(fa), lambda fa=fa: tuple(fa), None)
case('ADD', tok('a'), tok(1), lambda: 'a' + 1, None)
case('IN', tok(1), tok('a'), lambda: 1 in 'a', None)
case('IN', tok(None), tok('a'), lambda: None in 'a', None)
for s in ['abcdef', 'é€😀xyz', 'a', '']:
    fs = fresh(s)
    for key in [0, 1, -1, 5, -7, 10, 2**70, 1.5, 'x', None, True]:
        case('SUB', tok(fs), tok(key), lambda fs=fs, key=key: fs[key], fs)
    for sl in [(None, None, None), (0, None, None), (1, 3, None), (None, None, 2), (None, None, -1),
               (0, 1, None), (0, 100, 5), (-2, None, None), (3, 1, None), (None, None, 0), (0, len(s), 1),
               (1, 2, None), ('a', None, None), (5, 0, -2)]:
        case('SLICE', tok(fs), toks(sl), lambda fs=fs, sl=sl: fs[slice(*sl)], fs)
for args in [(), (fresh('abc'),), (5,), (1.5,), ([1, 'a'],), (None,), (b'ab', 'utf-8'), (b'\xc3\xa9', 'utf8'),
             ('a', 'utf-8'), (1, 2, 3, 4), (b'a', 1), ('é',)]:
    case('NEW', toks(args), '-', lambda args=args: str(*args), args[0] if args else None)
for kw in [{'object': 5}, {'foo': 1}, {'object': b'x', 'encoding': 'ascii'}]:
    case('NEW', '-', ' '.join(tok(k) + ' ' + tok(v) for k, v in kw.items()), lambda kw=kw: str(**kw), None)

print('\n'.join(out))
