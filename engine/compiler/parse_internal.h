/*
 * compiler/parse_internal.h -- what the parser's files share (parser.c:
 * tokens, errors, driver; parse_stmt.c, parse_def.c: statements and
 * definitions; parse_expr.c, parse_atom.c, parse_target.c: expressions;
 * parse_string.c: literals): the token buffer, the parser state and the
 * rule functions, one per rule of CPython 3.11's Grammar/python.gram that
 * the parser mirrors (same alternatives, same order, same lookaheads, so
 * that the furthest token read -- where "invalid syntax" points -- and the
 * second pass's specific errors are CPython's).
 *
 * Two pegen details the rules keep: an alternative made of a lone
 * invalid_ rule runs only in the second pass, but one with other items
 * ('{' invalid_double_starred_kvpairs '}') runs in the first pass too; and
 * rules named *_without_invalid switch the invalid_ rules off beneath.
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
    M_SIMPLE_STMT, M_BLOCK, M_INVALID_NAMED_EXPRESSION
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
    /* the open brackets the tokenizer has passed (its parenstack), for
     * "'(' was never closed" after a parser error */
    struct {
        char ch;
        int lineno, col;
    } brackets[256];
    int nbrackets;
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

/* The shape of a rule body (pegen's generated code):
 *     ENTER(); ...alternatives, RESET() between them...; LEAVE();
 * RETURN(x) leaves with x; _mark is the mark on entry. */
#define ENTER()                       \
    if (p_enter(P)) return NULL;      \
    int _mark = P->mark;              \
    (void)_mark;                      \
    void *_res = NULL
#define RETURN(x)          \
    do {                   \
        _res = (x);        \
        goto done;         \
    } while (0)
#define LEAVE()      \
    done:            \
    p_leave(P);      \
    return _res
#define RESET() (P->mark = _mark)
#define FAILED() (P->error)

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
int p_push(Parser *P, NodeList *l, Node *n);
const char *p_ident(Parser *P, const PTok *t);

void *p_memo_get(Parser *P, int rule, int *found);
void p_memo_put(Parser *P, int pos, int rule, void *res);

void p_pseudo(Parser *P, const Node *n, PseudoKind k);
PseudoKind p_pseudo_kind(const Parser *P, const Node *n);

/* Errors: positions as pegen passes them (0-based byte columns, -1 for
 * none); these become SyntaxError's 1-based offsets (bytes, or characters
 * when the file declares its encoding, as lex_error_offset says). */
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
/* NEWLINE !INDENT after a header's ':' (the invalid_*_stmt rules) */
int p_newline_no_indent(Parser *P);
/* "expected an indented block after WHAT on line N" */
void *p_raise_no_block(Parser *P, const char *what, int lineno);
/* &&TOKEN: a forced token, whose absence is an error at once */
PTok *p_expect_forced(Parser *P, int type, const char *text);

/* ---- parse_def.c ---- */
Node *p_function_def(Parser *P);  /* [decorators] function_def_raw */
Node *p_class_def(Parser *P);     /* [decorators] class_def_raw */

/* ---- parse_expr.c: helpers shared by the expression files ---- */
Node *p_seq_node(Parser *P, AstKind kind, const PTok *start, NodeList elts, ExprContext ctx);
Node *p_name_node(Parser *P, const PTok *t, ExprContext ctx);
Node *p_tuple_from(Parser *P, const PTok *start, Node *first, NodeList rest, ExprContext ctx);
/* (',' elem)* after a first element; ','.elem+ (1 matched, 0 not, -1 error) */
int p_sep_loop(Parser *P, Node *(*elem)(Parser *), NodeList *out);
int p_gather(Parser *P, Node *(*elem)(Parser *), NodeList *out);
/* One step of primary's / t_primary's left recursion after `a`. */
Node *p_primary_step(Parser *P, const PTok *start, Node *a, int tlook);

/* ---- the expression rules (parse_expr.c, parse_atom.c, parse_target.c) ---- */
Node *r_expressions(Parser *P);
Node *r_expression(Parser *P);
Node *r_yield_expr(Parser *P);
Node *r_star_expressions(Parser *P);
Node *r_star_expression(Parser *P);
int r_star_named_expressions(Parser *P, NodeList *out);
Node *r_star_named_expression(Parser *P);
Node *r_named_expression(Parser *P);
Node *r_assignment_expression(Parser *P);
Node *r_disjunction(Parser *P);
Node *r_bitwise_or(Parser *P);
Node *r_atom(Parser *P);
Node *r_slices(Parser *P);
Node *r_lambdef(Parser *P);
Node *r_arguments(Parser *P);  /* a Call with args/keywords, func unset */
Node *r_star_targets(Parser *P);
Node *r_star_target(Parser *P);
Node *r_single_target(Parser *P);
Node *r_single_subscript_attribute_target(Parser *P);
int r_t_lookahead(Parser *P);
int r_del_targets(Parser *P, NodeList *out);
int r_for_if_clauses(Parser *P, NodeList *out);
Node *r_list(Parser *P);
Node *r_tuple(Parser *P);
Node *r_genexp(Parser *P);
Node *r_invalid_for_target(Parser *P);
int r_augassign(Parser *P, BinOpKind *op);
Node *r_starred_expression(Parser *P);

/* The parameter lists of def and lambda (one implementation, two token
 * conventions). */
Node *r_params(Parser *P, int lambda);

/* Context and error helpers (pegen's action helpers). */
Node *p_set_ctx(Parser *P, Node *e, ExprContext ctx);
const char *p_expr_name(const Parser *P, const Node *e);
typedef enum TargetsType { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TargetsType;
void *p_raise_invalid_target(Parser *P, TargetsType type, const Node *e);

/* ---- parse_string.c ---- */
/* The node of one or more adjacent STRING tokens toks[first..last]. */
Node *p_concatenate_strings(Parser *P, int first, int last);
/* The Constant of a NUMBER token. */
Node *p_number(Parser *P, const PTok *t);

#endif /* ENGINE_COMPILER_PARSE_INTERNAL_H */
