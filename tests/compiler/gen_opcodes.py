#!/usr/bin/env python3
"""Expected values for test_opcodes, asked of CPython 3.11 itself.

    python3 tests/compiler/gen_opcodes.py      # writes tests/data/compiler/opcodes.txt
    python3 tests/compiler/gen_opcodes.py -    # to stdout

One fact per line, `KIND FIELD...`; free text is written between bars,
|like this|, because it may be empty or hold spaces.

    have_argument N / extended_arg N
    op NUM NAME HASARG CACHES CATS      CATS: comma list of jrel, backward,
                                        jabs, const, name, local, free,
                                        compare; "-" for none
    unused NUM                          opcode.opname[NUM] is "<NUM>"
    effect OP ARG MAX TAKEN NOT_TAKEN   dis.stack_effect(OP, ARG, jump=None /
                                        True / False); ARG "-" is None;
                                        a ValueError is written as noarg
                                        (oparg given but not allowed),
                                        needarg (oparg required) or invalid
    cmp I |TEXT|                        opcode.cmp_op
    nb I NAME |SYMBOL|                  opcode._nb_ops
    mkfn_flag BIT |NAME|                dis.MAKE_FUNCTION_FLAGS
    fmt_conv I |NAME|                   dis.FORMAT_VALUE_CONVERTERS
    argrepr OP ARG |TEXT|               what dis prints; |!IndexError| when
                                        dis fails on that oparg

The output depends on nothing but the interpreter: running it twice gives
the same file.
"""
import dis
import opcode
import os
import sys

assert sys.version_info[:3] == (3, 11, 7), "needs CPython 3.11.7"

CATS = ["hasjrel", "hasjabs", "hasconst", "hasname", "haslocal", "hasfree", "hascompare"]

# Every branch of compile.c's stack_effect(): bits 0..3 (MAKE_FUNCTION,
# CALL_FUNCTION_EX, LOAD_GLOBAL, FORMAT_VALUE's 4), 3 (BUILD_SLICE), both
# bytes of UNPACK_EX, negative opargs (EXTENDED_ARG overflow), large ones.
ARGS = [-257, -256, -255, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17,
        255, 256, 257, 0x1FF, 0x203, 0x7FFF, 0x10000, 0x123456, 2**29, 2**30 - 1]


def effect(op, arg, jump):
    try:
        return str(dis.stack_effect(op, arg, jump=jump))
    except ValueError as e:
        msg = str(e)
        if "does not permit" in msg:
            return "noarg"
        if "requires" in msg:
            return "needarg"
        assert msg == "invalid opcode or oparg", msg
        return "invalid"


def effect_line(op, arg):
    vals = [effect(op, arg, j) for j in (None, True, False)]
    return f"effect {op} {'-' if arg is None else arg} {' '.join(vals)}"


def argrepr(op, arg):
    """dis's argrepr for `op` with `arg`, read back from real bytecode."""
    u = arg & 0xFFFFFFFF
    code = bytearray()
    for shift in (24, 16, 8):
        code += bytes([opcode.EXTENDED_ARG, (u >> shift) & 0xFF])
    code += bytes([op, u & 0xFF]) + bytes(2 * opcode._inline_cache_entries[op])
    try:
        ins = [i for i in dis._get_instructions_bytes(bytes(code)) if i.opcode == op]
    except IndexError:
        return "!IndexError"
    assert len(ins) == 1 and ins[0].arg == arg, (op, arg)
    return ins[0].argrepr


def lines():
    out = [f"have_argument {opcode.HAVE_ARGUMENT}", f"extended_arg {opcode.EXTENDED_ARG}"]
    for op, name in enumerate(opcode.opname):
        if name == f"<{op}>":
            out.append(f"unused {op}")
            continue
        cats = []
        for c in CATS:
            if op in getattr(opcode, c):
                cats.append(c[3:])
                if c == "hasjrel" and "JUMP_BACKWARD" in name:
                    cats.append("backward")
        hasarg = int(op >= opcode.HAVE_ARGUMENT)
        out.append(f"op {op} {name} {hasarg} {opcode._inline_cache_entries[op]} "
                   f"{','.join(cats) or '-'}")
    for op, name in enumerate(opcode.opname):
        out.append(effect_line(op, None))
        if op < opcode.HAVE_ARGUMENT:
            out.append(effect_line(op, 0))
            continue
        for arg in (ARGS if not name.startswith("<") else [0, 1]):
            out.append(effect_line(op, arg))
    for i, s in enumerate(opcode.cmp_op):
        out.append(f"cmp {i} |{s}|")
    for i, (n, s) in enumerate(opcode._nb_ops):
        out.append(f"nb {i} {n} |{s}|")
    for i, s in enumerate(dis.MAKE_FUNCTION_FLAGS):
        out.append(f"mkfn_flag {i} |{s}|")
    for i, (_, s) in enumerate(dis.FORMAT_VALUE_CONVERTERS):
        out.append(f"fmt_conv {i} |{s}|")
    reprs = [("COMPARE_OP", range(-7, 8)), ("BINARY_OP", range(-27, 28)),
             ("MAKE_FUNCTION", list(range(-1, 18)) + [255]),
             ("FORMAT_VALUE", list(range(-2, 10)) + [255]),
             ("RESUME", range(0, 4)), ("IS_OP", range(0, 2)), ("CONTAINS_OP", range(0, 2))]
    for name, args in reprs:
        for arg in args:
            out.append(f"argrepr {opcode.opmap[name]} {arg} |{argrepr(opcode.opmap[name], arg)}|")
    return out


def main():
    text = "\n".join(lines()) + "\n"
    if sys.argv[1:] == ["-"]:
        sys.stdout.write(text)
        return
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "data", "compiler", "opcodes.txt")
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
