/*
 * vm/opcodes.h -- CPython 3.11.7's opcodes as one X-macro table.  The enum,
 * the disassembler's names, the flags dis classifies arguments by, the
 * inline-cache counts and the stack-depth check all come from OPCODES.
 *
 * Invariants:
 *  - OPCODES lists every opcode of Lib/opcode.py (3.11.7) exactly once, in
 *    ascending number order, with opcode.opname's spelling; no
 *    specialised (adaptive/quickened) forms, since dis with adaptive=False
 *    never shows them, and no compiler pseudo-ops (SETUP_FINALLY, JUMP, ...),
 *    which never reach co_code.
 *  - OPF_ARG is set exactly when number >= OP_HAVE_ARGUMENT.
 *  - `caches` is opcode._inline_cache_entries: the CACHE code units that
 *    follow the instruction in co_code (dis hides them by default).
 *  - op_stack_effect is compile.c's stack_effect(); dis.stack_effect
 *    reports the same numbers (tests/data/compiler/opcodes.txt).
 *
 * Everything here is constant data: no Sim, no state.
 */
#ifndef ENGINE_VM_OPCODES_H
#define ENGINE_VM_OPCODES_H

#include <stddef.h>
#include <stdint.h>

/* Argument classes, one bit per list in Lib/opcode.py. */
#define OPF_ARG     0x001u  /* number >= HAVE_ARGUMENT: the oparg byte counts */
#define OPF_JREL    0x002u  /* opcode.hasjrel: target relative to the next instruction */
#define OPF_JBACK   0x004u  /* ... and backwards (dis: 'JUMP_BACKWARD' in the name) */
#define OPF_JABS    0x008u  /* opcode.hasjabs: absolute target (none in 3.11) */
#define OPF_CONST   0x010u  /* opcode.hasconst: oparg indexes co_consts */
#define OPF_NAME    0x020u  /* opcode.hasname: oparg indexes co_names */
#define OPF_LOCAL   0x040u  /* opcode.haslocal: oparg is a fast-local index */
#define OPF_FREE    0x080u  /* opcode.hasfree: oparg indexes cells + free vars */
#define OPF_COMPARE 0x100u  /* opcode.hascompare: oparg indexes cmp_op */
#define OPF_JFWD    OPF_JREL
#define OPF_JBWD    (OPF_JREL | OPF_JBACK)

#define OP_HAVE_ARGUMENT 90
/* PY_INVALID_STACK_EFFECT: unknown opcode (or an oparg whose effect would
 * not fit an int). */
#define OP_INVALID_STACK_EFFECT INT32_MAX

/* X(NAME, number, flags, caches, "what it does to the value stack") */
#define OPCODES(X) \
    X(CACHE,                           0, 0,                      0, "inline cache slot; never executed") \
    X(POP_TOP,                         1, 0,                      0, "discard TOS") \
    X(PUSH_NULL,                       2, 0,                      0, "push NULL, the marker a call sequence expects") \
    X(NOP,                             9, 0,                      0, "do nothing") \
    X(UNARY_POSITIVE,                 10, 0,                      0, "TOS = +TOS") \
    X(UNARY_NEGATIVE,                 11, 0,                      0, "TOS = -TOS") \
    X(UNARY_NOT,                      12, 0,                      0, "TOS = not TOS") \
    X(UNARY_INVERT,                   15, 0,                      0, "TOS = ~TOS") \
    X(BINARY_SUBSCR,                  25, 0,                      4, "TOS = TOS1[TOS]") \
    X(GET_LEN,                        30, 0,                      0, "push len(TOS), keeping TOS") \
    X(MATCH_MAPPING,                  31, 0,                      0, "push whether TOS is a mapping (match)") \
    X(MATCH_SEQUENCE,                 32, 0,                      0, "push whether TOS is a sequence (match)") \
    X(MATCH_KEYS,                     33, 0,                      0, "push the values of keys TOS in mapping TOS1, or None") \
    X(PUSH_EXC_INFO,                  35, 0,                      0, "save the handled exception under TOS, make TOS the handled one") \
    X(CHECK_EXC_MATCH,                36, 0,                      0, "TOS = isinstance-match of exception TOS1 against TOS") \
    X(CHECK_EG_MATCH,                 37, 0,                      0, "split exception group TOS1 by type TOS (except*)") \
    X(WITH_EXCEPT_START,              49, 0,                      0, "call __exit__ with the exception being handled") \
    X(GET_AITER,                      50, 0,                      0, "TOS = TOS.__aiter__()") \
    X(GET_ANEXT,                      51, 0,                      0, "push awaitable of TOS.__anext__()") \
    X(BEFORE_ASYNC_WITH,              52, 0,                      0, "push __aexit__ and the awaitable of __aenter__()") \
    X(BEFORE_WITH,                    53, 0,                      0, "push __exit__ and the result of __enter__()") \
    X(END_ASYNC_FOR,                  54, 0,                      0, "end an async for on StopAsyncIteration, else re-raise") \
    X(STORE_SUBSCR,                   60, 0,                      1, "TOS1[TOS] = TOS2") \
    X(DELETE_SUBSCR,                  61, 0,                      0, "del TOS1[TOS]") \
    X(GET_ITER,                       68, 0,                      0, "TOS = iter(TOS)") \
    X(GET_YIELD_FROM_ITER,            69, 0,                      0, "TOS = iter(TOS) unless it is a generator or coroutine") \
    X(PRINT_EXPR,                     70, 0,                      0, "sys.displayhook(TOS) in the interactive shell") \
    X(LOAD_BUILD_CLASS,               71, 0,                      0, "push builtins.__build_class__") \
    X(LOAD_ASSERTION_ERROR,           74, 0,                      0, "push AssertionError") \
    X(RETURN_GENERATOR,               75, 0,                      0, "create a generator from the current frame and return it") \
    X(LIST_TO_TUPLE,                  82, 0,                      0, "TOS = tuple(TOS), TOS a list") \
    X(RETURN_VALUE,                   83, 0,                      0, "return TOS to the caller") \
    X(IMPORT_STAR,                    84, 0,                      0, "from TOS import *") \
    X(SETUP_ANNOTATIONS,              85, 0,                      0, "create __annotations__ in the namespace if missing") \
    X(YIELD_VALUE,                    86, 0,                      0, "yield TOS from a generator") \
    X(ASYNC_GEN_WRAP,                 87, 0,                      0, "wrap TOS for a yield in an async generator") \
    X(PREP_RERAISE_STAR,              88, 0,                      0, "combine the exceptions raised in except* blocks") \
    X(POP_EXCEPT,                     89, 0,                      0, "restore the handled exception saved by PUSH_EXC_INFO") \
    X(STORE_NAME,                     90, OPF_ARG|OPF_NAME,       0, "name = TOS (locals, else globals)") \
    X(DELETE_NAME,                    91, OPF_ARG|OPF_NAME,       0, "del name") \
    X(UNPACK_SEQUENCE,                92, OPF_ARG,                1, "replace TOS by its oparg items, first on top") \
    X(FOR_ITER,                       93, OPF_ARG|OPF_JFWD,       0, "push next(TOS); when exhausted pop TOS and jump") \
    X(UNPACK_EX,                      94, OPF_ARG,                0, "starred unpack: oparg&0xFF before, oparg>>8 after the star") \
    X(STORE_ATTR,                     95, OPF_ARG|OPF_NAME,       4, "TOS.name = TOS1") \
    X(DELETE_ATTR,                    96, OPF_ARG|OPF_NAME,       0, "del TOS.name") \
    X(STORE_GLOBAL,                   97, OPF_ARG|OPF_NAME,       0, "global name = TOS") \
    X(DELETE_GLOBAL,                  98, OPF_ARG|OPF_NAME,       0, "del global name") \
    X(SWAP,                           99, OPF_ARG,                0, "swap TOS with the item at depth oparg") \
    X(LOAD_CONST,                    100, OPF_ARG|OPF_CONST,      0, "push co_consts[oparg]") \
    X(LOAD_NAME,                     101, OPF_ARG|OPF_NAME,       0, "push name (locals, globals, builtins)") \
    X(BUILD_TUPLE,                   102, OPF_ARG,                0, "replace the top oparg items by a tuple") \
    X(BUILD_LIST,                    103, OPF_ARG,                0, "replace the top oparg items by a list") \
    X(BUILD_SET,                     104, OPF_ARG,                0, "replace the top oparg items by a set") \
    X(BUILD_MAP,                     105, OPF_ARG,                0, "replace the top 2*oparg items by a dict") \
    X(LOAD_ATTR,                     106, OPF_ARG|OPF_NAME,       4, "TOS = TOS.name") \
    X(COMPARE_OP,                    107, OPF_ARG|OPF_COMPARE,    2, "TOS = TOS1 <cmp_op[oparg]> TOS") \
    X(IMPORT_NAME,                   108, OPF_ARG|OPF_NAME,       0, "import a module (level TOS1, fromlist TOS)") \
    X(IMPORT_FROM,                   109, OPF_ARG|OPF_NAME,       0, "push the attribute name of module TOS") \
    X(JUMP_FORWARD,                  110, OPF_ARG|OPF_JFWD,       0, "jump forward by oparg") \
    X(JUMP_IF_FALSE_OR_POP,          111, OPF_ARG|OPF_JFWD,       0, "if TOS is false jump keeping it, else pop it") \
    X(JUMP_IF_TRUE_OR_POP,           112, OPF_ARG|OPF_JFWD,       0, "if TOS is true jump keeping it, else pop it") \
    X(POP_JUMP_FORWARD_IF_FALSE,     114, OPF_ARG|OPF_JFWD,       0, "pop TOS; jump forward if it was false") \
    X(POP_JUMP_FORWARD_IF_TRUE,      115, OPF_ARG|OPF_JFWD,       0, "pop TOS; jump forward if it was true") \
    X(LOAD_GLOBAL,                   116, OPF_ARG|OPF_NAME,       5, "push global co_names[oparg>>1], NULL first if oparg&1") \
    X(IS_OP,                         117, OPF_ARG,                0, "TOS = TOS1 is TOS (is not when oparg is 1)") \
    X(CONTAINS_OP,                   118, OPF_ARG,                0, "TOS = TOS1 in TOS (not in when oparg is 1)") \
    X(RERAISE,                       119, OPF_ARG,                0, "re-raise TOS (oparg set: restore f_lasti first)") \
    X(COPY,                          120, OPF_ARG,                0, "push a copy of the item at depth oparg") \
    X(BINARY_OP,                     122, OPF_ARG,                1, "TOS = TOS1 <_nb_ops[oparg]> TOS") \
    X(SEND,                          123, OPF_ARG|OPF_JFWD,       0, "send TOS into generator TOS1; jump when it returns") \
    X(LOAD_FAST,                     124, OPF_ARG|OPF_LOCAL,      0, "push local variable oparg") \
    X(STORE_FAST,                    125, OPF_ARG|OPF_LOCAL,      0, "local variable oparg = TOS") \
    X(DELETE_FAST,                   126, OPF_ARG|OPF_LOCAL,      0, "del local variable oparg") \
    X(POP_JUMP_FORWARD_IF_NOT_NONE,  128, OPF_ARG|OPF_JFWD,       0, "pop TOS; jump forward if it was not None") \
    X(POP_JUMP_FORWARD_IF_NONE,      129, OPF_ARG|OPF_JFWD,       0, "pop TOS; jump forward if it was None") \
    X(RAISE_VARARGS,                 130, OPF_ARG,                0, "raise (0: re-raise, 1: TOS, 2: TOS1 from TOS)") \
    X(GET_AWAITABLE,                 131, OPF_ARG,                0, "TOS = the awaitable of TOS") \
    X(MAKE_FUNCTION,                 132, OPF_ARG,                0, "make a function from code TOS plus the parts oparg flags") \
    X(BUILD_SLICE,                   133, OPF_ARG,                0, "replace the top oparg (2 or 3) items by a slice") \
    X(JUMP_BACKWARD_NO_INTERRUPT,    134, OPF_ARG|OPF_JBWD,       0, "jump backward by oparg without checking for interrupts") \
    X(MAKE_CELL,                     135, OPF_ARG|OPF_FREE,       0, "wrap variable oparg in a new cell") \
    X(LOAD_CLOSURE,                  136, OPF_ARG|OPF_FREE,       0, "push the cell of variable oparg") \
    X(LOAD_DEREF,                    137, OPF_ARG|OPF_FREE,       0, "push the contents of cell oparg") \
    X(STORE_DEREF,                   138, OPF_ARG|OPF_FREE,       0, "cell oparg contents = TOS") \
    X(DELETE_DEREF,                  139, OPF_ARG|OPF_FREE,       0, "empty cell oparg") \
    X(JUMP_BACKWARD,                 140, OPF_ARG|OPF_JBWD,       0, "jump backward by oparg") \
    X(CALL_FUNCTION_EX,              142, OPF_ARG,                0, "call with *args tuple (and **kwargs dict if oparg&1)") \
    X(EXTENDED_ARG,                  144, OPF_ARG,                0, "prefix: shift oparg into the next instruction's oparg") \
    X(LIST_APPEND,                   145, OPF_ARG,                0, "append TOS to the list at depth oparg") \
    X(SET_ADD,                       146, OPF_ARG,                0, "add TOS to the set at depth oparg") \
    X(MAP_ADD,                       147, OPF_ARG,                0, "dict at depth oparg [TOS1] = TOS") \
    X(LOAD_CLASSDEREF,               148, OPF_ARG|OPF_FREE,       0, "push name from the class namespace, else cell oparg") \
    X(COPY_FREE_VARS,                149, OPF_ARG,                0, "copy oparg free variables from the closure into the frame") \
    X(RESUME,                        151, OPF_ARG,                0, "start or resume the frame (oparg says from where)") \
    X(MATCH_CLASS,                   152, OPF_ARG,                0, "match TOS2 against class TOS1 with keyword names TOS") \
    X(FORMAT_VALUE,                  155, OPF_ARG,                0, "format TOS for an f-string (conversion oparg&3, spec if oparg&4)") \
    X(BUILD_CONST_KEY_MAP,           156, OPF_ARG,                0, "dict from the key tuple TOS and oparg values below it") \
    X(BUILD_STRING,                  157, OPF_ARG,                0, "concatenate the top oparg strings") \
    X(LOAD_METHOD,                   160, OPF_ARG|OPF_NAME,      10, "push (method, self) or (NULL, attribute) for TOS.name") \
    X(LIST_EXTEND,                   162, OPF_ARG,                0, "extend the list at depth oparg with TOS") \
    X(SET_UPDATE,                    163, OPF_ARG,                0, "update the set at depth oparg with TOS") \
    X(DICT_MERGE,                    164, OPF_ARG,                0, "merge TOS into the dict at depth oparg, duplicates are errors") \
    X(DICT_UPDATE,                   165, OPF_ARG,                0, "update the dict at depth oparg with TOS") \
    X(PRECALL,                       166, OPF_ARG,                1, "prepare a call of oparg arguments (bound methods unpacked)") \
    X(CALL,                          171, OPF_ARG,                4, "call with oparg arguments, KW_NAMES naming the last ones") \
    X(KW_NAMES,                      172, OPF_ARG|OPF_CONST,      0, "co_consts[oparg] names the keyword arguments of the next CALL") \
    X(POP_JUMP_BACKWARD_IF_NOT_NONE, 173, OPF_ARG|OPF_JBWD,       0, "pop TOS; jump backward if it was not None") \
    X(POP_JUMP_BACKWARD_IF_NONE,     174, OPF_ARG|OPF_JBWD,       0, "pop TOS; jump backward if it was None") \
    X(POP_JUMP_BACKWARD_IF_FALSE,    175, OPF_ARG|OPF_JBWD,       0, "pop TOS; jump backward if it was false") \
    X(POP_JUMP_BACKWARD_IF_TRUE,     176, OPF_ARG|OPF_JBWD,       0, "pop TOS; jump backward if it was true")

#define OPCODE_ENUM_ITEM_(name, num, flags, caches, doc) OP_##name = (num),
typedef enum OpCode { OPCODES(OPCODE_ENUM_ITEM_) } OpCode;
#undef OPCODE_ENUM_ITEM_

/* The number of opcodes, and the largest opcode number (176): a union's
 * size is its largest member's, so this stays a constant expression. */
#define OPCODE_COUNT_ONE_(name, num, flags, caches, doc) +1
#define OPCODE_MAX_MEMBER_(name, num, flags, caches, doc) char m_##name[(num) + 1];
enum { OP_COUNT = 0 OPCODES(OPCODE_COUNT_ONE_) };
union OpCodeMaxProbe_ { OPCODES(OPCODE_MAX_MEMBER_) };
#define OP_MAX ((int)sizeof(union OpCodeMaxProbe_) - 1)
#undef OPCODE_COUNT_ONE_
#undef OPCODE_MAX_MEMBER_

/* opcode.opname[op]; NULL for a number no 3.11 opcode has (dis prints
 * those as "<op>"). */
const char *op_name(int op);
/* opcode.opmap[name], or -1. */
int op_number(const char *name);
/* Nonzero when `op` is in the table. */
int op_exists(int op);
/* HAS_ARG(op): decided by the number alone, table or not. */
int op_has_arg(int op);
/* opcode._inline_cache_entries[op]; 0 for an unknown op. */
int op_caches(int op);
/* OPF_* bits; 0 for an unknown op. */
unsigned op_flags(int op);
/* The one-line meaning; NULL for an unknown op. */
const char *op_doc(int op);

/* compile.c stack_effect(): the change in stack depth.  jump: 1 = the jump
 * is taken, 0 = it is not, -1 = the larger of both.  Ops below
 * HAVE_ARGUMENT ignore oparg.  OP_INVALID_STACK_EFFECT for an op not in
 * the table. */
int op_stack_effect(int op, int oparg, int jump);

/* ---- what dis prints as argrepr for opargs that need no code object ---- */

#define OP_CMP_COUNT 6
#define OP_NB_COUNT 26
#define OP_NB_INPLACE_ADD 13   /* _nb_ops: the in-place forms follow the plain ones */

/* opcode.cmp_op[oparg] ("<", ..., ">="); NULL when out of range. */
const char *op_cmp_name(int oparg);
/* opcode._nb_ops[oparg]: the C name ("NB_ADD") and the argrepr ("+");
 * NULL when out of range. */
const char *op_nb_name(int oparg);
const char *op_nb_symbol(int oparg);
/* dis.MAKE_FUNCTION_FLAGS[bit]: "defaults", "kwdefaults", "annotations",
 * "closure"; NULL when out of range. */
const char *op_make_function_flag(int bit);
/* dis.FORMAT_VALUE_CONVERTERS[conv][1]: "", "str", "repr", "ascii". */
const char *op_format_conversion(int conv);

/*
 * dis's argrepr for the ops whose text depends on oparg alone
 * (COMPARE_OP, BINARY_OP, MAKE_FUNCTION, FORMAT_VALUE), written to buf.
 * Returns 1 when written, 0 when `op` is not one of them (its argrepr
 * needs co_consts, names or offsets, or is empty: RESUME, IS_OP and
 * CONTAINS_OP print nothing in 3.11), -1 when oparg is out of range (dis
 * raises IndexError) or buf is too small.
 */
int op_argrepr(int op, int oparg, char *buf, size_t size);

/* For teaching only, never printed by dis: what the oparg of RESUME
 * ("start", "after yield", "after yield from", "after await"), IS_OP
 * ("is", "is not") and CONTAINS_OP ("in", "not in") means.  NULL otherwise. */
const char *op_arg_note(int op, int oparg);

#endif /* ENGINE_VM_OPCODES_H */
