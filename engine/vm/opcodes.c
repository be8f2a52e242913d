/*
 * vm/opcodes.c -- lookups over the OPCODES table, compile.c's stack
 * effects, and the argument texts dis prints without a code object.
 */
#include "vm/opcodes.h"

#include <stdio.h>
#include <string.h>

typedef struct OpInfo {
    const char *name;
    const char *doc;
    unsigned flags;
    int caches;
} OpInfo;

/* Indexed by number; a slot with no name is an unused number.  A repeated
 * number in OPCODES is a compile error here (-Woverride-init). */
#define OPINFO_ROW_(nm, num, fl, nc, d) [num] = { #nm, d, (fl), (nc) },
static const OpInfo op_table[OP_MAX + 1] = { OPCODES(OPINFO_ROW_) };
#undef OPINFO_ROW_

/* The table in listing order, for name lookups. */
#define OPNUM_ROW_(nm, num, fl, nc, d) (num),
static const int op_listed[OP_COUNT] = { OPCODES(OPNUM_ROW_) };
#undef OPNUM_ROW_

static const OpInfo *info(int op)
{
    if (op < 0 || op > OP_MAX || !op_table[op].name) return NULL;
    return &op_table[op];
}

int op_exists(int op) { return info(op) != NULL; }

int op_has_arg(int op) { return op >= OP_HAVE_ARGUMENT; }

const char *op_name(int op)
{
    const OpInfo *i = info(op);
    return i ? i->name : NULL;
}

const char *op_doc(int op)
{
    const OpInfo *i = info(op);
    return i ? i->doc : NULL;
}

int op_number(const char *name)
{
    if (!name) return -1;
    for (int k = 0; k < OP_COUNT; k++)
        if (!strcmp(op_table[op_listed[k]].name, name)) return op_listed[k];
    return -1;
}

int op_caches(int op)
{
    const OpInfo *i = info(op);
    return i ? i->caches : 0;
}

unsigned op_flags(int op)
{
    const OpInfo *i = info(op);
    return i ? i->flags : 0;
}

/* ---- stack effects ---------------------------------------------------- */

static int bit(int oparg, unsigned mask) { return ((unsigned)oparg & mask) != 0; }

/* UNPACK_EX: compile.c's (oparg & 0xFF) + (oparg >> 8), with the shift
 * spelled as the floor division it is on CPython's compilers, so a
 * negative oparg is defined behaviour here too. */
static int64_t unpack_ex_effect(int oparg)
{
    int64_t lo = (int64_t)((unsigned)oparg & 0xFFu);
    return lo + ((int64_t)oparg - lo) / 256;
}

/* Effects that depend on oparg (or on whether the jump is taken); the
 * fixed ones are in fixed_effect.  Values in int64_t so that no oparg can
 * overflow. */
static int64_t variable_effect(OpCode op, int oparg, int jump, int *found)
{
    int64_t a = oparg;
    *found = 1;
    switch (op) {
    case OP_UNPACK_SEQUENCE: return a - 1;
    case OP_UNPACK_EX: return unpack_ex_effect(oparg);
    case OP_FOR_ITER: return jump > 0 ? -1 : 1;   /* exhausted: iterator popped */
    case OP_SEND: return jump > 0 ? -1 : 0;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - a;
    case OP_BUILD_MAP: return 1 - 2 * a;
    case OP_BUILD_CONST_KEY_MAP: return -a;
    case OP_JUMP_IF_TRUE_OR_POP: case OP_JUMP_IF_FALSE_OR_POP:
        return jump ? 0 : -1;                      /* -1 (max) counts as taken */
    case OP_LOAD_GLOBAL: return bit(oparg, 1) + 1;
    case OP_RAISE_VARARGS: case OP_PRECALL: return -a;
    case OP_CALL_FUNCTION_EX: return -2 - bit(oparg, 1);
    case OP_MAKE_FUNCTION:
        return -(bit(oparg, 1) + bit(oparg, 2) + bit(oparg, 4) + bit(oparg, 8));
    case OP_BUILD_SLICE: return oparg == 3 ? -2 : -1;
    case OP_FORMAT_VALUE: return bit(oparg, 4) ? -1 : 0;   /* a format spec is popped */
    default: *found = 0; return 0;
    }
}

/* Every opcode has a case: -Wswitch (no default) makes a new table row
 * without one a compile error. */
static int fixed_effect(OpCode op)
{
    switch (op) {
    case OP_CACHE: case OP_NOP: case OP_EXTENDED_ARG: case OP_RESUME: case OP_SWAP:
    case OP_UNARY_POSITIVE: case OP_UNARY_NEGATIVE: case OP_UNARY_NOT: case OP_UNARY_INVERT:
    case OP_GET_ITER: case OP_SETUP_ANNOTATIONS: case OP_ASYNC_GEN_WRAP: case OP_YIELD_VALUE:
    case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_LOAD_ATTR: case OP_CHECK_EXC_MATCH:
    case OP_CHECK_EG_MATCH: case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD:
    case OP_JUMP_BACKWARD_NO_INTERRUPT: case OP_DELETE_FAST: case OP_RETURN_GENERATOR:
    case OP_KW_NAMES: case OP_MAKE_CELL: case OP_COPY_FREE_VARS: case OP_DELETE_DEREF:
    case OP_GET_AWAITABLE: case OP_GET_AITER: case OP_GET_YIELD_FROM_ITER:
    case OP_LIST_TO_TUPLE:
        return 0;
    case OP_LOAD_BUILD_CLASS: case OP_LOAD_CONST: case OP_LOAD_NAME: case OP_IMPORT_FROM:
    case OP_PUSH_EXC_INFO: case OP_WITH_EXCEPT_START: case OP_LOAD_FAST: case OP_LOAD_CLOSURE:
    case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF: case OP_BEFORE_ASYNC_WITH: case OP_BEFORE_WITH:
    case OP_GET_ANEXT: case OP_LOAD_METHOD: case OP_LOAD_ASSERTION_ERROR: case OP_GET_LEN:
    case OP_MATCH_MAPPING: case OP_MATCH_SEQUENCE: case OP_MATCH_KEYS: case OP_COPY:
    case OP_PUSH_NULL:
        return 1;
    case OP_POP_TOP: case OP_SET_ADD: case OP_LIST_APPEND: case OP_BINARY_SUBSCR:
    case OP_PRINT_EXPR: case OP_RETURN_VALUE: case OP_IMPORT_STAR: case OP_POP_EXCEPT:
    case OP_STORE_NAME: case OP_DELETE_ATTR: case OP_STORE_GLOBAL: case OP_COMPARE_OP:
    case OP_IS_OP: case OP_CONTAINS_OP: case OP_IMPORT_NAME:
    case OP_POP_JUMP_FORWARD_IF_NONE: case OP_POP_JUMP_BACKWARD_IF_NONE:
    case OP_POP_JUMP_FORWARD_IF_NOT_NONE: case OP_POP_JUMP_BACKWARD_IF_NOT_NONE:
    case OP_POP_JUMP_FORWARD_IF_FALSE: case OP_POP_JUMP_BACKWARD_IF_FALSE:
    case OP_POP_JUMP_FORWARD_IF_TRUE: case OP_POP_JUMP_BACKWARD_IF_TRUE:
    case OP_PREP_RERAISE_STAR: case OP_RERAISE: case OP_STORE_FAST: case OP_CALL:
    case OP_STORE_DEREF: case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_MERGE:
    case OP_DICT_UPDATE: case OP_BINARY_OP:
        return -1;
    case OP_MAP_ADD: case OP_DELETE_SUBSCR: case OP_STORE_ATTR: case OP_END_ASYNC_FOR:
    case OP_MATCH_CLASS:
        return -2;
    case OP_STORE_SUBSCR:
        return -3;
    /* oparg-dependent: variable_effect answers first */
    case OP_UNPACK_SEQUENCE: case OP_UNPACK_EX: case OP_FOR_ITER: case OP_SEND:
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
    case OP_BUILD_MAP: case OP_BUILD_CONST_KEY_MAP: case OP_JUMP_IF_TRUE_OR_POP:
    case OP_JUMP_IF_FALSE_OR_POP: case OP_LOAD_GLOBAL: case OP_RAISE_VARARGS:
    case OP_PRECALL: case OP_CALL_FUNCTION_EX: case OP_MAKE_FUNCTION: case OP_BUILD_SLICE:
    case OP_FORMAT_VALUE:
        break;
    }
    return OP_INVALID_STACK_EFFECT;
}

int op_stack_effect(int op, int oparg, int jump)
{
    if (!op_exists(op)) return OP_INVALID_STACK_EFFECT;
    if (!op_has_arg(op)) oparg = 0;
    int found;
    int64_t e = variable_effect((OpCode)op, oparg, jump, &found);
    if (!found) return fixed_effect((OpCode)op);
    if (e < INT32_MIN || e >= INT32_MAX) return OP_INVALID_STACK_EFFECT;
    return (int)e;
}

/* ---- argument texts --------------------------------------------------- */

static const char *const cmp_names[OP_CMP_COUNT] = { "<", "<=", "==", "!=", ">", ">=" };

static const char *const nb_ops[OP_NB_COUNT][2] = {
    { "NB_ADD", "+" }, { "NB_AND", "&" }, { "NB_FLOOR_DIVIDE", "//" },
    { "NB_LSHIFT", "<<" }, { "NB_MATRIX_MULTIPLY", "@" }, { "NB_MULTIPLY", "*" },
    { "NB_REMAINDER", "%" }, { "NB_OR", "|" }, { "NB_POWER", "**" },
    { "NB_RSHIFT", ">>" }, { "NB_SUBTRACT", "-" }, { "NB_TRUE_DIVIDE", "/" },
    { "NB_XOR", "^" },
    { "NB_INPLACE_ADD", "+=" }, { "NB_INPLACE_AND", "&=" },
    { "NB_INPLACE_FLOOR_DIVIDE", "//=" }, { "NB_INPLACE_LSHIFT", "<<=" },
    { "NB_INPLACE_MATRIX_MULTIPLY", "@=" }, { "NB_INPLACE_MULTIPLY", "*=" },
    { "NB_INPLACE_REMAINDER", "%=" }, { "NB_INPLACE_OR", "|=" },
    { "NB_INPLACE_POWER", "**=" }, { "NB_INPLACE_RSHIFT", ">>=" },
    { "NB_INPLACE_SUBTRACT", "-=" }, { "NB_INPLACE_TRUE_DIVIDE", "/=" },
    { "NB_INPLACE_XOR", "^=" },
};

static const char *const make_function_flags[4] = {
    "defaults", "kwdefaults", "annotations", "closure"
};

static const char *const format_conversions[4] = { "", "str", "repr", "ascii" };

/* dis indexes Python tuples, where -1 is the last item. */
static int py_index(int i, int n)
{
    if (i < 0) i += n;
    return i >= 0 && i < n ? i : -1;
}

const char *op_cmp_name(int oparg)
{
    int i = py_index(oparg, OP_CMP_COUNT);
    return i < 0 ? NULL : cmp_names[i];
}

const char *op_nb_name(int oparg)
{
    int i = py_index(oparg, OP_NB_COUNT);
    return i < 0 ? NULL : nb_ops[i][0];
}

const char *op_nb_symbol(int oparg)
{
    int i = py_index(oparg, OP_NB_COUNT);
    return i < 0 ? NULL : nb_ops[i][1];
}

const char *op_make_function_flag(int b)
{
    return b >= 0 && b < 4 ? make_function_flags[b] : NULL;
}

const char *op_format_conversion(int conv)
{
    return conv >= 0 && conv < 4 ? format_conversions[conv] : NULL;
}

/* Appends s to buf (separated by ", " unless first); -1 when it won't fit. */
static int append(char *buf, size_t size, size_t *len, const char *s)
{
    int n = snprintf(buf + *len, size - *len, "%s%s", *len ? ", " : "", s);
    if (n < 0 || (size_t)n >= size - *len) return -1;
    *len += (size_t)n;
    return 0;
}

static int put(char *buf, size_t size, const char *s)
{
    if (!s) return -1;
    size_t n = strlen(s);
    if (n >= size) return -1;
    memcpy(buf, s, n + 1);
    return 1;
}

int op_argrepr(int op, int oparg, char *buf, size_t size)
{
    size_t len = 0;
    unsigned u = (unsigned)oparg;   /* Python's & on a negative int is two's complement */
    if (op == OP_COMPARE_OP) return put(buf, size, op_cmp_name(oparg));
    if (op == OP_BINARY_OP) return put(buf, size, op_nb_symbol(oparg));
    if (op != OP_MAKE_FUNCTION && op != OP_FORMAT_VALUE) return 0;
    if (!size) return -1;
    buf[0] = '\0';
    if (op == OP_MAKE_FUNCTION) {
        for (int b = 0; b < 4; b++)
            if ((u >> b & 1u) && append(buf, size, &len, make_function_flags[b]) < 0) return -1;
        return 1;
    }
    if ((u & 3u) && append(buf, size, &len, format_conversions[u & 3u]) < 0) return -1;
    if ((u & 4u) && append(buf, size, &len, "with format") < 0) return -1;
    return 1;
}

const char *op_arg_note(int op, int oparg)
{
    static const char *const resume[4] = {
        "start", "after yield", "after yield from", "after await"
    };
    static const char *const is[2] = { "is", "is not" };
    static const char *const in[2] = { "in", "not in" };
    if (op == OP_RESUME && oparg >= 0 && oparg < 4) return resume[oparg];
    if (op == OP_IS_OP && (oparg == 0 || oparg == 1)) return is[oparg];
    if (op == OP_CONTAINS_OP && (oparg == 0 || oparg == 1)) return in[oparg];
    return NULL;
}
