/*
 * compiler/cfg.h -- the compiler's insides, shared by compile.c (driver,
 * scopes, names, constants, code objects), codegen_stmt.c and
 * codegen_expr.c (code generation), astopt.c (the AST copy and constant
 * folding) and cfg.c (instructions, basic blocks, the CFG optimizer and
 * the assembler).  Everything follows Python/compile.c of CPython 3.11:
 * the names here are its names without the prefixes.
 *
 * Memory: instructions, blocks and units are host memory (malloc), freed
 * with their unit; strings (names, mangled names, qualnames) live in the
 * compiler's AST arena.  Simulated objects (constants, interned names)
 * are held by TEMP references recorded in the compiler's tables and all
 * released by compile_module before it returns.
 *
 * Invariants:
 *   - a unit's blocks are chained through `list` in reverse allocation
 *     order (b_list), and through `next` in control-flow order; the
 *     passes walk them in the same orders as compile.c, since those
 *     orders decide where duplicated exit blocks land;
 *   - a unit's constants (`consts`) are canonical objects (one per
 *     _PyCode_ConstantKey, see const_merge), so identity is key equality;
 *   - pseudo-ops (negative numbers, below) never reach co_code.
 */
#ifndef ENGINE_COMPILER_CFG_H
#define ENGINE_COMPILER_CFG_H

#include <stdint.h>

#include "compiler/compile.h"
#include "compiler/footprint.h"
#include "compiler/symtable.h"
#include "vm/opcodes.h"

/* ---- compile.c's pseudo-instructions ---- */

#define OP_SETUP_FINALLY        (-1)
#define OP_SETUP_CLEANUP        (-2)
#define OP_SETUP_WITH           (-3)
#define OP_POP_BLOCK            (-4)
#define OP_JUMP                 (-5)
#define OP_JUMP_NO_INTERRUPT    (-6)
#define OP_POP_JUMP_IF_FALSE    (-7)
#define OP_POP_JUMP_IF_TRUE     (-8)
#define OP_POP_JUMP_IF_NONE     (-9)
#define OP_POP_JUMP_IF_NOT_NONE (-10)

/* stack_effect() of compile.c, pseudo-ops included: jump 1 = taken, 0 =
 * not taken, -1 = the larger. */
int cfg_stack_effect(int op, int arg, int jump);
/* is_jump(): a pseudo jump or a relative-jump opcode. */
int cfg_is_jump(int op);
/* SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH. */
int cfg_is_block_push(int op);

#define CO_MAXBLOCKS 20
#define STACK_USE_GUIDELINE 30

/* co_flags bits. */
#define CO_OPTIMIZED   0x0001
#define CO_NEWLOCALS   0x0002
#define CO_VARARGS     0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED      0x0010
#define CO_GENERATOR   0x0020

/* co_localspluskinds bits. */
#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL  0x40
#define CO_FAST_FREE  0x80

/* ---- instructions and blocks ---- */

typedef struct Block Block;

typedef struct Instr {
    int op, arg;
    Block *target;            /* jumps and SETUP_* */
    Block *except;            /* the handler, set by the assembler */
    int lineno, end_lineno, col, end_col;   /* lineno -1: artificial */
} Instr;

typedef struct ExceptStack {
    Block *handlers[CO_MAXBLOCKS + 1];
    int depth;
} ExceptStack;

struct Block {
    Block *list;              /* the previously allocated block */
    Block *next;              /* the block control falls into */
    ExceptStack *exceptstack;
    Instr *instr;
    int n, cap;
    int predecessors, startdepth, offset;
    unsigned nofallthrough : 1, preserve_lasti : 1, visited : 1, exit : 1, ret : 1;
};

/* ---- small tables ---- */

/* Strings by position (u_names, u_varnames, ...): index = insertion
 * order, lookups by content. */
typedef struct NameList {
    const char **names;
    int n, cap;
    int *hslots;              /* open addressing: index + 1, 0 empty */
    int hcap;
} NameList;

/* Host map from a key (a pointer or an object address) to an Obj.  The
 * keys are also kept in insertion order, so that walks over the map never
 * depend on host addresses (the simulation must be deterministic). */
typedef struct PtrMap {
    uint64_t *keys;
    Obj *vals;
    size_t cap, used;
    uint64_t *order;          /* the keys, first inserted first */
} PtrMap;

/* The module-wide constant cache (c_const_cache): canonical objects,
 * looked up by _PyCode_ConstantKey equality. */
typedef struct ConstCache {
    Obj *slots;
    uint64_t *hashes;
    size_t cap, used;
} ConstCache;

/* ---- units ---- */

enum FBlockType {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
    FB_WITH, FB_ASYNC_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER, FB_ASYNC_COMPREHENSION_GENERATOR
};

typedef struct FBlock {
    enum FBlockType type;
    Block *block, *exit;
    const void *datum;        /* FINALLY_TRY: the finalbody list; HANDLER_CLEANUP: a name */
} FBlock;

enum ScopeType {
    SCOPE_T_MODULE, SCOPE_T_CLASS, SCOPE_T_FUNCTION, SCOPE_T_ASYNC_FUNCTION,
    SCOPE_T_LAMBDA, SCOPE_T_COMPREHENSION
};

typedef struct Unit {
    SymBlock *ste;
    Obj name, qualname;       /* str objects (TEMP references of the unit) */
    const char *cname, *cqualname;  /* the same, as host strings */
    enum ScopeType scope_type;
    Obj *consts;              /* u_consts: canonical objects by index (TEMP refs) */
    int nconsts, capconsts;
    PtrMap constidx;          /* canonical object -> index + 1 */
    NameList names, varnames, cellvars, freevars;
    const char *private_name;
    int argcount, posonlyargcount, kwonlyargcount;
    Block *blocks, *cur;
    int nfblocks;
    FBlock fblock[CO_MAXBLOCKS];
    int firstlineno, lineno, col, end_lineno, end_col;
    int need_new_implicit_block;
    struct Unit *parent;
} Unit;

typedef struct Compiler {
    Sim *S;
    AstArena *arena;          /* the tree's copy and the compiler's strings */
    SymTable *st;
    const char *filename;
    Obj filename_obj;
    Unit *u;
    int nestlevel;
    ConstCache cache;
    PtrMap node_consts;       /* Constant node -> its value (TEMP refs) */
    PtrMap idents;            /* arena string -> its interned str (TEMP refs) */
    CompileError *err;
    SynWarnings *warnings;    /* where compiler_warn's SyntaxWarnings go (NULL: dropped) */
    int failed;
    int fold_depth;           /* ast_opt's recursion_depth: statements and expressions */
    int copy_depth;           /* the tree copy's nesting, bounded likewise */
    Footprint *fp;            /* CPython's own compilation, counted alongside */
} Compiler;

/* ---- compile.c ---- */

/* compiler_error: a SyntaxError at the unit's current location (or at
 * `at` when given).  Returns 0. */
int cg_error(Compiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cg_error_at(Compiler *c, const Node *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* compiler_warn: a SyntaxWarning at the unit's current line.  1, or 0
 * with a MemoryError when the host has no memory for it. */
int cg_warn(Compiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The pending simulated exception (MemoryError, ...) as the error.  0. */
int cg_sim_error(Compiler *c);
/* An exception other than SyntaxError, without a location ("RecursionError",
 * ...).  0. */
int cg_exc_error(Compiler *c, const char *type, const char *msg);
int cg_no_memory(Compiler *c);

/* compiler_enter_scope / compiler_exit_scope. */
int cg_enter_scope(Compiler *c, const char *name, enum ScopeType type, const Node *key, int lineno);
void cg_exit_scope(Compiler *c);

/* A str from the parser's UTF-8, lone surrogates ('\ud800', which it
 * writes as 3-byte sequences) included.  New reference. */
Obj cg_str_from_wtf8(Sim *S, const char *text, size_t n);
/* An identifier as an interned str (borrowed: the compiler holds it). */
Obj cg_ident(Compiler *c, const char *name);
/* The value of a Constant node (borrowed). */
Obj cg_const_of(Compiler *c, const Node *n);
/* Sets the value of a (folded) Constant node: the compiler takes the
 * caller's TEMP reference. */
int cg_set_const(Compiler *c, const Node *n, Obj v);

/* compiler_add_const: merges `o` (borrowed) and returns its index in
 * u_consts, or -1. */
int cg_add_const(Compiler *c, Obj o);
/* ADDOP_LOAD_CONST_NEW's release of a tuple the code generator made
 * (fp_tuple_new) and has just added: in CPython that frees the tuple when
 * the cache kept an equal one before (the footprint only). */
void cg_fp_release_new(Compiler *c, Obj t);
/* merge_consts_recursive: the canonical object for o's constant key
 * (borrowed; the cache holds it), 0 on error. */
Obj const_merge(Compiler *c, Obj o);
/* merge_const_one for a new object (TEMP reference, consumed): the
 * canonical one (borrowed), 0 on error. */
Obj const_merge_one(Compiler *c, Obj o);
/* PyObject_IsTrue for a constant. */
int const_is_true(Compiler *c, Obj o);
/* The assembler's list form of u_consts: append a canonical object
 * (borrowed), or drop the trailing ones. */
int unit_append_const(Compiler *c, Obj o);
void unit_truncate_consts(Compiler *c, int n);

/* compiler_nameop. */
int cg_nameop(Compiler *c, const char *name, ExprContext ctx);
/* _Py_Mangle with the unit's private name. */
const char *cg_mangle(Compiler *c, const char *name);
/* _PyST_GetScope for the unit's symbol table. */
int cg_scope(Compiler *c, const char *mangled);

/* compiler_add_o for the name tables: the index of `name` (added if new). */
int names_add(Compiler *c, NameList *l, const char *name);
/* The index of `name`, or -1. */
int names_find(const NameList *l, const char *name);

/* assemble() then makecode(): the unit's code object (new reference), 0
 * on error. */
Obj cg_assemble(Compiler *c, int add_none);

/* compute_code_flags. */
int cg_code_flags(Compiler *c);

/* ---- cfg.c: building ---- */

Block *cg_new_block(Compiler *c);
Block *cg_use_next_block(Compiler *c, Block *b);
Block *cg_copy_block(Compiler *c, Block *b);
int block_next_instr(Block *b);
/* compiler_addop / _i / _j, with the unit's location or none (noline). */
int cg_addop(Compiler *c, int op);
int cg_addop_noline(Compiler *c, int op);
int cg_addop_i(Compiler *c, int op, int arg);
int cg_addop_i_noline(Compiler *c, int op, int arg);
int cg_addop_j(Compiler *c, int op, Block *target);
int cg_addop_j_noline(Compiler *c, int op, Block *target);
/* ADDOP_NAME: the mangled name's index in `l`. */
int cg_addop_name(Compiler *c, int op, NameList *l, const char *name);
int cg_addop_load_const(Compiler *c, Obj o);
void units_free_blocks(Unit *u);

/* ---- cfg.c: the assembler ---- */

/* What assemble() hands to makecode(). */
typedef struct Assembled {
    uint8_t *code;            /* 2 bytes per code unit */
    int nunits;
    uint8_t *linetable, *excepttable;
    int nlinetable, nexcepttable;
    int maxdepth, nlocalsplus;
    Obj *consts;              /* the final co_consts (borrowed from the unit) */
    int nconsts;
} Assembled;

/* assemble() up to the bytes: returns 0 with *out filled (host buffers
 * the caller frees with assembled_free), -1 on error. */
int cfg_assemble(Compiler *c, int add_none, Assembled *out);
void assembled_free(Assembled *a);

/* ---- codegen ---- */

int cg_visit_stmt(Compiler *c, const Node *s);
int cg_visit_stmts(Compiler *c, const NodeList *l);
int cg_visit_expr(Compiler *c, const Node *e);
int cg_body(Compiler *c, const NodeList *stmts);
int cg_jump_if(Compiler *c, const Node *e, Block *next, int cond);
int cg_call_helper(Compiler *c, int n, const NodeList *args, const NodeList *keywords);
int cg_function(Compiler *c, const Node *s);
int cg_class(Compiler *c, const Node *s);
int cg_make_closure(Compiler *c, Obj co, int flags);
int cg_default_arguments(Compiler *c, const Node *args);
int cg_lambda(Compiler *c, const Node *e);
/* Whether e is a Constant holding a non-empty tuple (compiler_assert's
 * test, a display folded to a constant). */
int cg_const_is_nonempty_tuple(Compiler *c, const Node *e);
/* update_start_location_to_match_attr: a multi-line attribute access
 * is located at its attribute name. */
void cg_update_start_location_to_match_attr(Compiler *c, const Node *attr);
/* BINARY_OP's oparg (the NB_* number) for a BinOpKind, in-place not
 * included. */
int cg_binop_index(BinOpKind op);
/* The first statement as a docstring (a str Constant), or 0. */
Obj cg_docstring(Compiler *c, const NodeList *body);

/* SET_LOC / UNSET_LOC. */
static inline void cg_set_loc(Compiler *c, const Node *n)
{
    c->u->lineno = n->lineno;
    c->u->col = n->col;
    c->u->end_lineno = n->end_lineno;
    c->u->end_col = n->end_col;
}
static inline void cg_unset_loc(Compiler *c)
{
    c->u->lineno = c->u->col = c->u->end_lineno = c->u->end_col = -1;
}

/* ---- astopt.c ---- */

/* A deep copy of the tree in c->arena; NULL when out of memory. */
Node *ast_copy_tree(Compiler *c, const Node *n);
/* _PyAST_Optimize on the copy.  0, or -1 with the error set. */
int ast_optimize(Compiler *c, Node *module);
/* Rejects what the subset leaves out (complex numbers, ...): 0 or -1. */
int ast_check_subset(Compiler *c, const Node *module);

/* ---- host tables (compile.c) ---- */

int ptrmap_put(PtrMap *m, uint64_t key, Obj v);
Obj ptrmap_get(const PtrMap *m, uint64_t key);   /* 0 when absent */
void ptrmap_free(PtrMap *m);
void names_free(NameList *l);

#endif /* ENGINE_COMPILER_CFG_H */
