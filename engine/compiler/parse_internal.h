/*
 * compiler/parse_internal.h -- what parser.c, parse_expr.c, parse_stmt.c
 * and parse_string.c share: the token buffer, the parser state and the
 * rule functions, one per rule of CPython 3.11's Grammar/python.gram that
 * the parser mirrors (same alternatives, same order, same lookaheads, so
 * that the furthest token read -- where "invalid syntax" points -- and the
 * second pass's specific errors are CPython's).
 *
 * Conventions of the rule functions (as pegen's generated code):
 *   - on entry they return NULL at once if P->error is set;
 *   - on success they return the result with P->mark after the match;
 *     on failure NULL with P->mark unchanged;
 *   - a raised error sets P->error, which unwinds every rule;
 *   - left-recursive rules are loops; the rules CPython memoizes are
 *     memoized (results and failures, per token and rule) and the memo is
 *     dropped between the two passes.
 */
#ifndef ENGINE_COMPILER_PARSE_INTERNAL_H
#define ENGINE_COMPILER_PARSE_INTERNAL_H

#include <stddef.h>

#include "compiler/ast.h"
#include "compiler/parser.h"

/* Token types: the C tokenizer's kinds, with keywords split out of NAME. */
enum {
    T_ENDMARKER, T_NAME, T_NUMBER, T_STRING, T_NEWLINE, T_INDENT, T_DEDENT,
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_COLON, T_COMMA, T_SEMI, T_PLUS, T_MINUS,
    T_STAR, T_SLASH, T_VBAR, T_AMPER, T_LESS, T_GREATER, T_EQUAL, T_DOT,
    T_PERCENT, T_LBRACE, T_RBRACE, T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL,
    T_GREATEREQUAL, T_TILDE, T_CIRCUMFLEX, T_LEFTSHIFT, T_RIGHTSHIFT,
    T_DOUBLESTAR, T_PLUSEQUAL, T_MINEQUAL, T_STAREQUAL, T_SLASHEQUAL,
    T_PERCENTEQUAL, T_AMPEREQUAL, T_VBAREQUAL, T_CIRCUMFLEXEQUAL,
    T_LEFTSHIFTEQUAL, T_RIGHTSHIFTEQUAL, T_DOUBLESTAREQUAL, T_DOUBLESLASH,
    T_DOUBLESLASHEQUAL, T_AT, T_ATEQUAL, T_RARROW, T_ELLIPSIS, T_COLONEQUAL,
    T_OP, T_ASYNC, T_AWAIT,
    /* keywords */
    K_FALSE, K_NONE, K_TRUE, K_AND, K_AS, K_ASSERT, K_BREAK, K_CLASS,
    K_CONTINUE, K_DEF, K_DEL, K_ELIF, K_ELSE, K_EXCEPT, K_FINALLY, K_FOR,
    K_FROM, K_GLOBAL, K_IF, K_IMPORT, K_IN, K_IS, K_LAMBDA, K_NONLOCAL,
    K_NOT, K_OR, K_PASS, K_RAISE, K_RETURN, K_TRY, K_WHILE, K_WITH, K_YIELD,
    T_COUNT
};

typedef struct Memo Memo;

typedef struct PTok {
    int type;
    int lineno, col, end_lineno, end_col; /* col -1: no start (INDENT, DEDENT, ENDMARKER) */
    int cur_line, cur_col;                /* the tokenizer's position after this token */
    int level;                            /* bracket depth after this token */
    const char *s;                        /* text in the source (or the f-string copy) */
    int n;
    Memo *memo;
} PTok;

/* Rules that are memoized. */
enum {
    M_EXPRESSION, M_STAR_EXPRESSION, M_DISJUNCTION, M_CONJUNCTION, M_INVERSION,
    M_BITWISE_OR, M_FACTOR, M_AWAIT_PRIMARY, M_PRIMARY, M_STRINGS, M_ARGUMENTS,
    M_STAR_TARGET, M_TARGET_WITH_STAR_ATOM, M_T_PRIMARY, M_DEL_TARGET,
    M_SIMPLE_STMT, M_BLOCK, M_INVALID_NAMED_EXPRESSION, M_IMPORT_FROM_AS_NAMES
};

/* Expression kinds CPython has and ast.h does not (outside the subset):
 * they parse as stand-in nodes listed here, so error messages can still
 * name them. */
typedef enum PseudoKind {
    PS_NONE, PS_NAMEDEXPR, PS_AWAIT, PS_YIELDFROM
} PseudoKind;

typedef struct Lexer Lexer;

typedef struct Parser {
    AstArena *arena;       /* the tree */
    AstArena *scratch;     /* memo entries and helper records */
    struct Parser *parent; /* set for an f-string expression's parser */
    Lexer *lex;
    const char *src;       /* what the lexer reads */
    size_t len;
    const char *filename;
    const char *file_src;  /* the whole file, for the text of error lines */
    size_t file_len;
    int file_nlines;

    PTok **toks;           /* each token allocated once (pointers stay valid) */
    int fill, cap, mark;
    int tok_level;         /* running bracket depth */
    int tok_done;          /* the lexer hit ENDMARKER or an error */

    int error;             /* pegen's error_indicator */
    int call_invalid;      /* second pass */
    int depth;             /* rule nesting, bounded */

    /* f-string expression parsers: positions shift into the file */
    int fstring;
    int starting_lineno, starting_col;

    ParseError *err;       /* the root's: the one error */
    int err_set;           /* the root's: an error is raised (PyErr_Occurred) */
    int tok_failed;        /* this parser's tokenizer raised it */

    /* the first construct outside the subset, reported if all else parses */
    int unsup_set;
    char unsup_msg[160];
    int unsup_lineno, unsup_col, unsup_end_lineno, unsup_end_col;

    /* stand-in nodes */
    const Node **pseudo_nodes;
    PseudoKind *pseudo_kinds;
    int npseudo, cappseudo;
} Parser;

#define PARSER_MAXSTACK 6000

/* ---- parser.c: tokens, positions, errors ---- */

PTok *p_tok(Parser *P, int i);            /* fetches up to i; NULL on error */
PTok *p_peek(Parser *P);                  /* the token at mark */
PTok *p_expect(Parser *P, int type);      /* consumes it if it has that type */
PTok *p_expect_soft(Parser *P, const char *kw); /* a NAME spelled kw */
PTok *p_expect_name(Parser *P);           /* a NAME (not a keyword) */
int p_at(Parser *P, int type);            /* lookahead: 1 if the token at mark has type */
PTok *p_last_nonws(Parser *P);            /* the end token of a rule matched so far */
int p_enter(Parser *P);                   /* 0: go on; -1: error set (too deep) */
void p_leave(Parser *P);

/* A node from the start token to the last token consumed. */
Node *p_node(Parser *P, AstKind kind, const PTok *start);
Node *p_node_at(Parser *P, AstKind kind, const Node *start, const Node *end);
int p_push(Parser *P, NodeList *l, Node *n);
const char *p_ident(Parser *P, const PTok *t);

void *p_memo_get(Parser *P, int rule, int *found);
void p_memo_put(Parser *P, int pos, int rule, void *res);

void p_pseudo(Parser *P, const Node *n, PseudoKind k);
PseudoKind p_pseudo_kind(const Parser *P, const Node *n);

/* Errors: positions as pegen passes them (0-based byte columns, -1 for
 * none); these convert to SyntaxError's 1-based character offsets. */
void *p_raise_at(Parser *P, const char *type, int lineno, int col, int end_lineno, int end_col,
                 const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void *p_raise_node(Parser *P, const Node *a, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void *p_raise_range(Parser *P, const Node *a, const Node *b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void *p_raise_tok_range(Parser *P, const PTok *a, const PTok *b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void *p_raise_starting_from(Parser *P, const Node *a, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token read. */
void *p_raise_last(Parser *P, const char *type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void p_no_memory(Parser *P);

/* Notes the first construct outside the subset (at the node's range). */
void p_unsupported(Parser *P, int lineno, int col, int end_lineno, int end_col, const char *what);
void p_unsupported_tok(Parser *P, const PTok *t, const char *what);

/* Runs a start rule in pegen's two passes and chooses the error. */
Node *p_run_rule(Parser *P, Node *(*rule)(Parser *));

/* ---- parse_stmt.c ---- */
Node *r_file(Parser *P);
NodeList *r_block(Parser *P);

/* ---- parse_expr.c ---- */
Node *r_expressions(Parser *P);
Node *r_expression(Parser *P);
Node *r_expression_without_invalid(Parser *P);
Node *r_yield_expr(Parser *P);
Node *r_star_expressions(Parser *P);
Node *r_star_expression(Parser *P);
int r_star_named_expressions(Parser *P, NodeList *out);
Node *r_star_named_expression(Parser *P);
Node *r_named_expression(Parser *P);
Node *r_assignment_expression(Parser *P);
Node *r_disjunction(Parser *P);
Node *r_bitwise_or(Parser *P);
Node *r_primary(Parser *P);
Node *r_atom(Parser *P);
Node *r_slices(Parser *P);
Node *r_lambdef(Parser *P);
Node *r_arguments(Parser *P);  /* a Call with args/keywords, func unset */
Node *r_args(Parser *P);
Node *r_star_targets(Parser *P);
Node *r_star_target(Parser *P);
Node *r_single_target(Parser *P);
Node *r_single_subscript_attribute_target(Parser *P);
Node *r_t_primary(Parser *P);
int r_t_lookahead(Parser *P);
int r_del_targets(Parser *P, NodeList *out);
int r_for_if_clauses(Parser *P, NodeList *out);
Node *r_list(Parser *P);
Node *r_tuple(Parser *P);
Node *r_genexp(Parser *P);
Node *r_invalid_for_target(Parser *P);
int r_augassign(Parser *P, BinOpKind *op);
Node *r_starred_expression(Parser *P);
Node *r_kvpair(Parser *P, Node **value);

/* The parameter lists of def and lambda (one implementation, two token
 * conventions). */
Node *r_params(Parser *P, int lambda);

/* Context and error helpers (pegen's action helpers). */
Node *p_set_ctx(Parser *P, Node *e, ExprContext ctx);
const char *p_expr_name(const Parser *P, const Node *e);
typedef enum TargetsType { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TargetsType;
const Node *p_invalid_target(const Parser *P, const Node *e, TargetsType type);
void *p_raise_invalid_target(Parser *P, TargetsType type, const Node *e);
int p_is_legacy_stmt(const Node *name);

/* ---- parse_string.c ---- */
/* The node of one or more adjacent STRING tokens toks[first..last]. */
Node *p_concatenate_strings(Parser *P, int first, int last);
/* The Constant of a NUMBER token. */
Node *p_number(Parser *P, const PTok *t);
/* An f-string expression's tree, parsed by a nested parser. */
Node *p_fstring_expr(Parser *P, const PTok *t, const char *expr_start, const char *expr_end);

#endif /* ENGINE_COMPILER_PARSE_INTERNAL_H */
