/*
 * compiler/ast.h -- the abstract syntax tree of the Python subset, shaped
 * after CPython 3.11's Python.asdl (same node kinds, same fields, same
 * positions), so that the code generator can follow Python/compile.c.
 *
 * Memory: every node, list and string of a tree lives in one AstArena
 * (host memory, freed in one go); nothing here touches the simulated
 * heap.  Constants are host values (AstConst) until the code generator
 * makes objects of them.
 *
 * Positions are CPython's: lineno/end_lineno 1-based, col/end_col 0-based
 * UTF-8 byte offsets, end exclusive.
 *
 * Invariants:
 *   - a NodeList's items are non-NULL, except Dict keys (NULL for `**d`)
 *     and the defaults of keyword-only arguments (NULL when none);
 *   - expression nodes carry an ExprContext (LOAD, STORE, DEL) where
 *     CPython's do (Name, Attribute, Subscript, Starred, List, Tuple);
 *   - identifiers are NUL-terminated UTF-8 strings owned by the arena.
 */
#ifndef ENGINE_COMPILER_AST_H
#define ENGINE_COMPILER_AST_H

#include <stddef.h>
#include <stdint.h>

/* X(NAME) for every node kind: statements, then expressions, then the
 * helper nodes (arguments, arg, keyword, alias, comprehension,
 * excepthandler). */
#define AST_KINDS(X)                                                          \
    X(Module)                                                                 \
    /* statements */                                                          \
    X(FunctionDef) X(ClassDef) X(Return) X(Delete) X(Assign) X(AugAssign)     \
    X(AnnAssign) X(For) X(While) X(If) X(Raise) X(Try) X(Assert) X(Import)    \
    X(ImportFrom)                                                             \
    X(Global) X(Nonlocal) X(Expr) X(Pass) X(Break) X(Continue)                \
    /* expressions */                                                         \
    X(BoolOp) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict) X(Set)           \
    X(ListComp) X(SetComp) X(DictComp) X(GeneratorExp) X(Yield) X(Compare)    \
    X(Call) X(FormattedValue) X(JoinedStr) X(Constant) X(Attribute)           \
    X(Subscript) X(Starred) X(Name) X(List) X(Tuple) X(Slice)                 \
    /* helpers */                                                             \
    X(Arguments) X(Arg) X(Keyword) X(Alias) X(Comprehension) X(ExceptHandler)

typedef enum AstKind {
#define X(n) AST_##n,
    AST_KINDS(X)
#undef X
    AST_KIND_COUNT
} AstKind;

typedef enum ExprContext { CTX_LOAD, CTX_STORE, CTX_DEL } ExprContext;

/* operator, unaryop, boolop, cmpop of the ASDL, in its order. */
typedef enum BinOpKind {
    OP_ADD, OP_SUB, OP_MULT, OP_MATMULT, OP_DIV, OP_MOD, OP_POW, OP_LSHIFT,
    OP_RSHIFT, OP_BITOR, OP_BITXOR, OP_BITAND, OP_FLOORDIV
} BinOpKind;
typedef enum UnaryOpKind { UOP_INVERT, UOP_NOT, UOP_UADD, UOP_USUB } UnaryOpKind;
typedef enum BoolOpKind { BOOL_AND, BOOL_OR } BoolOpKind;
typedef enum CmpOpKind {
    CMP_EQ, CMP_NOTEQ, CMP_LT, CMP_LTE, CMP_GT, CMP_GTE, CMP_IS, CMP_ISNOT,
    CMP_IN, CMP_NOTIN
} CmpOpKind;

/* A constant's host value. */
typedef enum AstConstKind {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT,      /* decimal digits in `text` (any size; sign folded in) */
    CONST_FLOAT,    /* `f` */
    CONST_COMPLEX,  /* imaginary part in `f` (outside the subset: rejected later) */
    CONST_STR,      /* UTF-8 in `text`, `len` bytes (may hold NULs) */
    CONST_BYTES,    /* raw bytes in `text`, `len` bytes */
    CONST_TUPLE,    /* made by constant folding: `items` */
    CONST_FROZENSET /* made by constant folding: `items` */
} AstConstKind;

typedef struct AstConst {
    AstConstKind kind;
    const char *text;
    size_t len;
    double f;
    struct AstConst *items;
    int nitems;
} AstConst;

typedef struct Node Node;

typedef struct NodeList {
    Node **items;
    int n;
} NodeList;

/* One node.  Only the fields of its kind are meaningful. */
struct Node {
    AstKind kind;
    int lineno, col, end_lineno, end_col;
    union {
        struct { NodeList body; } module;
        struct {                                  /* FunctionDef / Lambda */
            const char *name;                     /* NULL for Lambda */
            Node *args;                           /* Arguments */
            NodeList body;                        /* Lambda: one expression */
            NodeList decorators;
            Node *returns;                        /* '-> X' or NULL; never for Lambda */
        } func;
        struct {
            const char *name;
            NodeList bases, keywords, body, decorators;
        } cls;
        struct { Node *value; } ret;              /* Return (value may be NULL), Expr */
        struct { NodeList targets; } del;         /* Delete, Global/Nonlocal use names */
        struct { NodeList targets; Node *value; } assign;
        struct { Node *target; BinOpKind op; Node *value; } augassign;
        struct {                                  /* AnnAssign */
            Node *target, *annotation;
            Node *value;                          /* NULL for `x: T` */
            int simple;                           /* a bare name, not parenthesised */
        } annassign;
        struct { Node *target, *iter; NodeList body, orelse; } forloop;
        struct { Node *test; NodeList body, orelse; } whileloop; /* also If */
        struct { Node *exc, *cause; } raise;
        struct { NodeList body, handlers, orelse, finalbody; } trystmt;
        struct { Node *test, *msg; } assertstmt;
        struct {                                  /* Import / ImportFrom */
            const char *module;                   /* ImportFrom: NULL for `from . import` */
            NodeList names;                       /* Alias nodes */
            int level;
        } import;
        struct { const char **names; int n; } scope; /* Global / Nonlocal */
        struct { BoolOpKind op; NodeList values; } boolop;
        struct { Node *left; BinOpKind op; Node *right; } binop;
        struct { UnaryOpKind op; Node *operand; } unaryop;
        struct { Node *test, *body, *orelse; } ifexp;
        struct { NodeList keys, values; } dict;   /* NULL key: **value */
        struct { NodeList elts; ExprContext ctx; } seq; /* Set, List, Tuple */
        struct {                                  /* ListComp/SetComp/GeneratorExp/DictComp */
            Node *elt, *value;                    /* value: DictComp only */
            NodeList generators;                  /* Comprehension nodes */
        } comp;
        struct { Node *value; } yield;            /* value may be NULL */
        struct { Node *left; CmpOpKind *ops; NodeList comparators; } compare;
        struct { Node *func; NodeList args, keywords; } call;
        struct { Node *value; int conversion; Node *format_spec; } fvalue; /* conversion -1, 's', 'r', 'a' */
        struct { NodeList values; } joinedstr;
        struct { AstConst value; const char *kind; } constant; /* kind "u" for u'' */
        struct { Node *value; const char *attr; ExprContext ctx; } attribute;
        struct { Node *value, *slice; ExprContext ctx; } subscript;
        struct { Node *value; ExprContext ctx; } starred;
        struct { const char *id; ExprContext ctx; } name;
        struct { Node *lower, *upper, *step; } slice;
        struct {                                  /* Arguments */
            NodeList posonlyargs, args, kwonlyargs;
            Node *vararg, *kwarg;                 /* Arg or NULL */
            NodeList kw_defaults, defaults;
        } arguments;
        struct { const char *arg; Node *annotation; } arg; /* Arg; annotation may be NULL */
        struct { const char *arg; Node *value; } keyword; /* arg NULL for **kw */
        struct { const char *name, *asname; } alias;
        struct { Node *target, *iter; NodeList ifs; int is_async; } comprehension;
        struct { Node *type; const char *name; NodeList body; } handler;
    } u;
};

/* ---- the arena ---- */

typedef struct AstArena AstArena;

AstArena *ast_arena_new(void);
void ast_arena_free(AstArena *a);

/* Zeroed memory from the arena; NULL when the host is out of memory. */
void *ast_alloc(AstArena *a, size_t size);
/* A NUL-terminated copy of s[0..n). */
const char *ast_strndup(AstArena *a, const char *s, size_t n);
/* A new node of `kind` at the given position. */
Node *ast_node(AstArena *a, AstKind kind, int lineno, int col, int end_lineno, int end_col);
/* Appends to a list (grows in the arena); -1 when out of memory. */
int ast_list_push(AstArena *a, NodeList *l, Node *n);

const char *ast_kind_name(AstKind k);

/* ast.dump()-style text of a tree (no attributes), for tests: writes at
 * most cap-1 bytes and returns the full length. */
size_t ast_dump(const Node *n, char *buf, size_t cap);

#endif /* ENGINE_COMPILER_AST_H */
