/*
 * compiler/symtable.h -- scopes and symbols, as CPython 3.11's
 * Python/symtable.c computes them.
 *
 * Two passes over the AST: the first makes one block per module, class,
 * function, lambda and comprehension and records every name with its DEF_*
 * flags in order of first appearance; the second (analyze) decides each
 * name's scope -- LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL --
 * and stores it in the flags' high bits, exactly the integers Python's
 * `symtable` module shows (`Symbol._Symbol__flags`).
 *
 * Invariants after symtable_build:
 *   - every block's symbols are in insertion order; parameters come first,
 *     in CPython's order (posonly, args, kwonly, *args, **kwargs);
 *   - flags >> SYM_SCOPE_SHIFT is the symbol's scope; a name free in a
 *     child and bound here is CELL here, FREE in every block in between;
 *   - errors are SyntaxErrors with CPython's message and position.
 * All memory comes from the AST arena the tree lives in.
 */
#ifndef ENGINE_COMPILER_SYMTABLE_H
#define ENGINE_COMPILER_SYMTABLE_H

#include "compiler/ast.h"

/* DEF_* flags (symtable.h of CPython 3.11). */
#define SYM_DEF_GLOBAL     (1 << 0)
#define SYM_DEF_LOCAL      (1 << 1)
#define SYM_DEF_PARAM      (1 << 2)
#define SYM_DEF_NONLOCAL   (1 << 3)
#define SYM_USE            (1 << 4)
#define SYM_DEF_FREE       (1 << 5)
#define SYM_DEF_FREE_CLASS (1 << 6)
#define SYM_DEF_IMPORT     (1 << 7)
#define SYM_DEF_ANNOT      (1 << 8)
#define SYM_DEF_COMP_ITER  (1 << 9)
#define SYM_DEF_BOUND      (SYM_DEF_LOCAL | SYM_DEF_PARAM | SYM_DEF_IMPORT)
#define SYM_SCOPE_SHIFT    11

typedef enum SymScope {
    SCOPE_NONE = 0, SCOPE_LOCAL = 1, SCOPE_GLOBAL_EXPLICIT = 2, SCOPE_GLOBAL_IMPLICIT = 3,
    SCOPE_FREE = 4, SCOPE_CELL = 5
} SymScope;

typedef enum SymBlockType { BLOCK_FUNCTION, BLOCK_CLASS, BLOCK_MODULE } SymBlockType;

typedef struct Symbol {
    const char *name;   /* mangled */
    int flags;
} Symbol;

typedef struct SymBlock SymBlock;
struct SymBlock {
    SymBlockType type;
    const char *name;          /* "top", a def/class name, "lambda", "listcomp", ... */
    const Node *node;          /* Module, FunctionDef, ClassDef, Lambda or a comprehension */
    int lineno, col;
    Symbol *symbols;
    int nsymbols, capsymbols;
    const char **varnames;     /* the parameters, in order */
    int nvarnames, capvarnames;
    SymBlock **children;
    int nchildren, capchildren;
    SymBlock *parent;
    unsigned nested : 1;       /* inside a function */
    unsigned generator : 1;    /* contains yield (or is a generator expression) */
    unsigned comprehension : 1;
    unsigned varargs : 1, varkeywords : 1;
    unsigned free : 1;         /* has free variables */
    unsigned child_free : 1;   /* a child has free variables */
    unsigned needs_class_closure : 1; /* a class whose methods use __class__ */
    unsigned returns_value : 1;
    const char *private_name;  /* the enclosing class name, for mangling */
    const char **dir_names;    /* global/nonlocal declarations, in order, */
    const Node **dir_nodes;    /* for the position of analysis errors */
    int ndir, capdir;
};

typedef struct SymError {
    const char *msg;           /* CPython's message */
    int lineno, col, end_lineno, end_col;  /* 1-based columns, as SyntaxError shows */
} SymError;

typedef struct SymTable SymTable;

/* Builds and analyses the tables of a Module tree; NULL with *err set. */
SymTable *symtable_build(AstArena *a, const Node *module, SymError *err);

SymBlock *symtable_top(const SymTable *st);
/* The block made for a FunctionDef/ClassDef/Lambda/comprehension node. */
SymBlock *symtable_block(const SymTable *st, const Node *node);

/* The flags of `name` (mangled as the block requires), 0 if absent. */
int sym_flags(const SymBlock *b, const char *name);
static inline SymScope sym_scope(const SymBlock *b, const char *name)
{
    return (SymScope)(sym_flags(b, name) >> SYM_SCOPE_SHIFT);
}

/* _Py_Mangle: __name inside class C becomes _C__name.  Arena string. */
const char *sym_mangle(AstArena *a, const char *private_name, const char *name);

/* A textual dump like Python's symtable walk, for tests:
 * "TYPE NAME LINENO [nested] [opt]" then "  SYMBOL FLAGS" per symbol,
 * children after, each level indented by 4. */
size_t symtable_dump(const SymTable *st, char *buf, size_t cap);

#endif /* ENGINE_COMPILER_SYMTABLE_H */
