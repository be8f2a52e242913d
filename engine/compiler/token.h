/*
 * compiler/token.h -- the tokens of CPython 3.11's C tokenizer (internal).
 *
 * Kinds are what Parser/tokenizer.c hands the parser; operators and
 * delimiters are one kind, TOK_OP, told apart by an operator id whose name
 * is CPython's exact token name (Lib/token.py).  Keywords are NAME tokens:
 * tok_is_keyword() recognises them, as the parser does.
 *
 * Invariants:
 *   - TOK_KINDS and TOK_OPS are the only lists; every name, text and count
 *     below is derived from them.
 *   - A kind's text name is CPython's token name (token.tok_name).
 *   - TOP_NONE is the operator id of every token that is not TOK_OP;
 *     TOP_OTHER is CPython's generic OP (a lone '!', '$', '?' or '`'),
 *     which the C tokenizer passes on and no grammar rule accepts.
 *   - Every operator text is at most 3 bytes; the longest match wins
 *     ("**=" over "**" over "*"), as PyToken_ThreeChars/TwoChars do.
 * The functions live in lexer.c.
 */
#ifndef ENGINE_COMPILER_TOKEN_H
#define ENGINE_COMPILER_TOKEN_H

#include <stddef.h>

/* X(NAME) -- in CPython's numbering order.  ASYNC and AWAIT: the 3.11
 * tokenizer (without async_hacks) returns them for `async` and `await`. */
#define TOK_KINDS(X) \
    X(ENDMARKER)     \
    X(NAME)          \
    X(NUMBER)        \
    X(STRING)        \
    X(NEWLINE)       \
    X(INDENT)        \
    X(DEDENT)        \
    X(OP)            \
    X(AWAIT)         \
    X(ASYNC)

typedef enum TokKind {
#define TOK_X_ENUM(name) TOK_##name,
    TOK_KINDS(TOK_X_ENUM)
#undef TOK_X_ENUM
    TOK_KIND_COUNT
} TokKind;

/* X(NAME, "text") -- Lib/token.py's exact types, in its order. */
#define TOK_OPS(X)                    \
    X(LPAR,             "(")          \
    X(RPAR,             ")")          \
    X(LSQB,             "[")          \
    X(RSQB,             "]")          \
    X(COLON,            ":")          \
    X(COMMA,            ",")          \
    X(SEMI,             ";")          \
    X(PLUS,             "+")          \
    X(MINUS,            "-")          \
    X(STAR,             "*")          \
    X(SLASH,            "/")          \
    X(VBAR,             "|")          \
    X(AMPER,            "&")          \
    X(LESS,             "<")          \
    X(GREATER,          ">")          \
    X(EQUAL,            "=")          \
    X(DOT,              ".")          \
    X(PERCENT,          "%")          \
    X(LBRACE,           "{")          \
    X(RBRACE,           "}")          \
    X(EQEQUAL,          "==")         \
    X(NOTEQUAL,         "!=")         \
    X(LESSEQUAL,        "<=")         \
    X(GREATEREQUAL,     ">=")         \
    X(TILDE,            "~")          \
    X(CIRCUMFLEX,       "^")          \
    X(LEFTSHIFT,        "<<")         \
    X(RIGHTSHIFT,       ">>")         \
    X(DOUBLESTAR,       "**")         \
    X(PLUSEQUAL,        "+=")         \
    X(MINEQUAL,         "-=")         \
    X(STAREQUAL,        "*=")         \
    X(SLASHEQUAL,       "/=")         \
    X(PERCENTEQUAL,     "%=")         \
    X(AMPEREQUAL,       "&=")         \
    X(VBAREQUAL,        "|=")         \
    X(CIRCUMFLEXEQUAL,  "^=")         \
    X(LEFTSHIFTEQUAL,   "<<=")        \
    X(RIGHTSHIFTEQUAL,  ">>=")        \
    X(DOUBLESTAREQUAL,  "**=")        \
    X(DOUBLESLASH,      "//")         \
    X(DOUBLESLASHEQUAL, "//=")        \
    X(AT,               "@")          \
    X(ATEQUAL,          "@=")         \
    X(RARROW,           "->")         \
    X(ELLIPSIS,         "...")        \
    X(COLONEQUAL,       ":=")

typedef enum TokOp {
    TOP_NONE,
#define TOK_X_OP(name, text) TOP_##name,
    TOK_OPS(TOK_X_OP)
#undef TOK_X_OP
    TOP_OTHER,
    TOP_COUNT
} TokOp;

/* X(word) -- keyword.kwlist of 3.11, sorted. */
#define TOK_KEYWORDS(X)                                                       \
    X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await)         \
    X(break) X(class) X(continue) X(def) X(del) X(elif) X(else) X(except)     \
    X(finally) X(for) X(from) X(global) X(if) X(import) X(in) X(is)           \
    X(lambda) X(nonlocal) X(not) X(or) X(pass) X(raise) X(return) X(try)      \
    X(while) X(with) X(yield)

/* keyword.softkwlist of 3.11: keywords only where the grammar says so. */
#define TOK_SOFT_KEYWORDS(X) X(_) X(case) X(match)

/* CPython's name of a kind ("NAME"), or of an operator ("LPAR"; "OP" for
 * TOP_OTHER, "" for TOP_NONE). */
const char *tok_kind_name(TokKind kind);
const char *tok_op_name(TokOp op);
/* The operator's text ("**="); "" for TOP_NONE and TOP_OTHER. */
const char *tok_op_text(TokOp op);
/* The operator spelled by `s[0..n)` exactly, or TOP_NONE.  "<>" is
 * NOTEQUAL, as in CPython's tokenizer (only barry_as_FLUFL accepts it). */
TokOp tok_op_lookup(const char *s, size_t n);

/* 1 if `s[0..n)` is a keyword (TOK_KEYWORDS) / a soft keyword. */
int tok_is_keyword(const char *s, size_t n);
int tok_is_soft_keyword(const char *s, size_t n);

#endif
