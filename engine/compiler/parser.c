/* parser.c -- the token buffer, positions, memo, errors and the two-pass
 * driver of the parser (Parser/pegen.c and pegen_errors.c of 3.11). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/lexer.h"
#include "compiler/parse_internal.h"

/* ---- tokens ---- */

static const struct {
    const char *word;
    int type;
} keywords[] = {
    {"False", K_FALSE}, {"None", K_NONE}, {"True", K_TRUE}, {"and", K_AND}, {"as", K_AS},
    {"assert", K_ASSERT}, {"break", K_BREAK}, {"class", K_CLASS}, {"continue", K_CONTINUE},
    {"def", K_DEF}, {"del", K_DEL}, {"elif", K_ELIF}, {"else", K_ELSE}, {"except", K_EXCEPT},
    {"finally", K_FINALLY}, {"for", K_FOR}, {"from", K_FROM}, {"global", K_GLOBAL},
    {"if", K_IF}, {"import", K_IMPORT}, {"in", K_IN}, {"is", K_IS}, {"lambda", K_LAMBDA},
    {"nonlocal", K_NONLOCAL}, {"not", K_NOT}, {"or", K_OR}, {"pass", K_PASS},
    {"raise", K_RAISE}, {"return", K_RETURN}, {"try", K_TRY}, {"while", K_WHILE},
    {"with", K_WITH}, {"yield", K_YIELD},
};

static int name_type(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i].word) == n && !memcmp(keywords[i].word, s, n))
            return keywords[i].type;
    return T_NAME;
}

/* TokOp order is T_LPAR's order: the operators map by offset. */
static int op_type(TokOp op)
{
    if (op >= TOP_LPAR && op <= TOP_COLONEQUAL) return T_LPAR + (int)(op - TOP_LPAR);
    return T_OP;
}

static void set_lex_error(Parser *P, const LexError *e);

/* Follows the tokenizer's bracket stack (positions already shifted). */
static void track_bracket(Parser *P, int type, int lineno, int col)
{
    static const char open[] = "([{";
    if (type == T_LPAR || type == T_LSQB || type == T_LBRACE) {
        if (P->nbrackets < (int)(sizeof P->brackets / sizeof P->brackets[0])) {
            P->brackets[P->nbrackets].ch = open[type == T_LPAR ? 0 : type == T_LSQB ? 1 : 2];
            P->brackets[P->nbrackets].lineno = lineno;
            P->brackets[P->nbrackets].col = col;
        }
        P->nbrackets++;
    } else if ((type == T_RPAR || type == T_RSQB || type == T_RBRACE) && P->nbrackets > 0) {
        P->nbrackets--;
    }
}

/* pegen's _PyPegen_fill_token: one more token from the lexer; -1 with
 * the tokenizer's error raised. */
static int fill_token(Parser *P)
{
    if (P->fill == P->cap) {
        int cap = P->cap ? P->cap * 2 : 256;
        PTok **t = realloc(P->toks, (size_t)cap * sizeof *t);
        if (!t) {
            p_no_memory(P);
            return -1;
        }
        P->toks = t;
        P->cap = cap;
    }
    Token tk;
    if (lex_next(P->lex, &tk) < 0) {
        set_lex_error(P, lex_error(P->lex));
        return -1;
    }
    /* tokens stay put: rules hold pointers to them while more are read */
    PTok *t = ast_alloc(P->scratch, sizeof *t);
    if (!t) {
        p_no_memory(P);
        return -1;
    }
    P->toks[P->fill] = t;
    switch (tk.kind) {
    case TOK_ENDMARKER: t->type = T_ENDMARKER; break;
    case TOK_NAME: t->type = name_type(tk.text, tk.len); break;
    case TOK_NUMBER: t->type = T_NUMBER; break;
    case TOK_STRING: t->type = T_STRING; break;
    case TOK_NEWLINE: t->type = T_NEWLINE; break;
    case TOK_INDENT: t->type = T_INDENT; break;
    case TOK_DEDENT: t->type = T_DEDENT; break;
    case TOK_OP: t->type = op_type(tk.op); break;
    case TOK_AWAIT: t->type = T_AWAIT; break;
    case TOK_ASYNC: t->type = T_ASYNC; break;
    default: t->type = T_OP; break;
    }
    t->lineno = tk.lineno;
    t->col = tk.col_offset;
    t->end_lineno = tk.end_lineno;
    t->end_col = tk.end_col_offset;
    t->s = tk.text ? tk.text : "";
    t->n = (int)tk.len;
    if (P->fstring) {
        /* an f-string expression: lines shift into the file, and columns
         * shift by the expression's start while the tokenizer is on the
         * expression's first line (3.11's initialize_token tests the
         * tokenizer's current line, the token's last, for both columns) */
        int first = lex_lineno(P->lex) == 1;
        t->lineno += P->starting_lineno - 1;
        t->end_lineno += P->starting_lineno - 1;
        if (t->col >= 0 && first) t->col += P->starting_col;
        if (t->end_col >= 0 && first) t->end_col += P->starting_col;
    }
    track_bracket(P, t->type, t->lineno, t->col);
    if (t->type == T_LPAR || t->type == T_LSQB || t->type == T_LBRACE) P->tok_level++;
    else if ((t->type == T_RPAR || t->type == T_RSQB || t->type == T_RBRACE) && P->tok_level > 0)
        P->tok_level--;
    t->level = P->tok_level;
    P->fill++;
    return 0;
}

PTok *p_tok(Parser *P, int i)
{
    while (P->fill <= i) {
        if (P->error) return NULL;
        if (fill_token(P) < 0) {
            P->error = 1;
            return NULL;
        }
    }
    return P->toks[i];
}

PTok *p_peek(Parser *P) { return P->error ? NULL : p_tok(P, P->mark); }

PTok *p_expect(Parser *P, int type)
{
    PTok *t = p_peek(P);
    if (!t || t->type != type) return NULL;
    P->mark++;
    return t;
}

PTok *p_expect_soft(Parser *P, const char *kw)
{
    PTok *t = p_peek(P);
    if (!t || t->type != T_NAME || (size_t)t->n != strlen(kw) || memcmp(t->s, kw, (size_t)t->n))
        return NULL;
    P->mark++;
    return t;
}

PTok *p_expect_name(Parser *P) { return p_expect(P, T_NAME); }

int p_at(Parser *P, int type)
{
    PTok *t = p_peek(P);
    return t && t->type == type;
}

/* _PyPegen_get_last_nonnwhitespace_token */
PTok *p_last_nonws(Parser *P)
{
    PTok *t = NULL;
    for (int m = P->mark - 1; m >= 0; m--) {
        t = P->toks[m];
        if (t->type != T_ENDMARKER && t->type != T_NEWLINE && t->type != T_INDENT &&
            t->type != T_DEDENT)
            break;
    }
    return t;
}

int p_enter(Parser *P)
{
    if (P->error) return -1;
    if (++P->depth > PARSER_MAXSTACK) {
        /* pegen's MAXSTACK: CPython raises a bare MemoryError */
        P->depth--;
        p_no_memory(P);
        return -1;
    }
    return 0;
}

void p_leave(Parser *P) { P->depth--; }

Node *p_node(Parser *P, AstKind kind, const PTok *start)
{
    const PTok *end = p_last_nonws(P);
    if (!end) end = start;
    Node *n = ast_node(P->arena, kind, start->lineno, start->col, end->end_lineno, end->end_col);
    if (!n) p_no_memory(P);
    return n;
}

int p_push(Parser *P, NodeList *l, Node *n)
{
    if (ast_list_push(P->arena, l, n) < 0) {
        p_no_memory(P);
        return -1;
    }
    return 0;
}

const char *p_ident(Parser *P, const PTok *t)
{
    const char *s = ast_strndup(P->arena, t->s, (size_t)t->n);
    if (!s) p_no_memory(P);
    return s;
}

/* ---- memo ---- */

struct Memo {
    int rule;
    int end;
    void *res;
    Memo *next;
};

void *p_memo_get(Parser *P, int rule, int *found)
{
    *found = 0;
    PTok *t = p_tok(P, P->mark);
    if (!t) {
        *found = 1;
        return NULL;
    }
    for (Memo *m = t->memo; m; m = m->next)
        if (m->rule == rule) {
            *found = 1;
            if (m->res) P->mark = m->end;
            return m->res;
        }
    return NULL;
}

void p_memo_put(Parser *P, int pos, int rule, void *res)
{
    if (P->error || pos >= P->fill) return;
    Memo *m = ast_alloc(P->scratch, sizeof *m);
    if (!m) {
        p_no_memory(P);
        return;
    }
    m->rule = rule;
    m->end = P->mark;
    m->res = res;
    m->next = P->toks[pos]->memo;
    P->toks[pos]->memo = m;
}

/* ---- stand-in nodes ---- */

void p_pseudo(Parser *P, const Node *n, PseudoKind k)
{
    Parser *R = P;
    while (R->parent) R = R->parent;
    if (R->npseudo == R->cappseudo) {
        int cap = R->cappseudo ? R->cappseudo * 2 : 16;
        const Node **nodes = ast_alloc(R->scratch, (size_t)cap * sizeof *nodes);
        PseudoKind *kinds = ast_alloc(R->scratch, (size_t)cap * sizeof *kinds);
        if (!nodes || !kinds) {
            p_no_memory(P);
            return;
        }
        if (R->npseudo) {
            memcpy(nodes, R->pseudo_nodes, (size_t)R->npseudo * sizeof *nodes);
            memcpy(kinds, R->pseudo_kinds, (size_t)R->npseudo * sizeof *kinds);
        }
        R->pseudo_nodes = nodes;
        R->pseudo_kinds = kinds;
        R->cappseudo = cap;
    }
    R->pseudo_nodes[R->npseudo] = n;
    R->pseudo_kinds[R->npseudo++] = k;
}

PseudoKind p_pseudo_kind(const Parser *P, const Node *n)
{
    const Parser *R = P;
    while (R->parent) R = R->parent;
    for (int i = R->npseudo - 1; i >= 0; i--)
        if (R->pseudo_nodes[i] == n) return R->pseudo_kinds[i];
    return PS_NONE;
}

/* ---- errors ---- */

static Parser *root_of(Parser *P)
{
    while (P->parent) P = P->parent;
    return P;
}

static void copy_text(ParseError *e, const char *s, size_t n)
{
    if (!s) {
        e->has_text = 0;
        e->text[0] = '\0';
        return;
    }
    if (n >= sizeof e->text) n = sizeof e->text - 1;
    memcpy(e->text, s, n);
    e->text[n] = '\0';
    e->has_text = 1;
}

/* Marks the error raised in every parser of the chain. */
static void error_raised(Parser *P)
{
    for (Parser *Q = P; Q; Q = Q->parent) Q->error = 1;
    root_of(P)->err_set = 1;
}

static void set_lex_error(Parser *P, const LexError *le)
{
    Parser *R = root_of(P);
    ParseError *e = R->err;
    int shift = P->fstring ? P->starting_lineno - 1 : 0;
    e->type = le->type ? le->type : "SyntaxError";
    snprintf(e->msg, sizeof e->msg, "%s", le->msg ? le->msg : "invalid syntax");
    e->lineno = le->lineno ? le->lineno + shift : 0;
    e->offset = le->offset;
    e->end_lineno = le->lineno ? le->end_lineno + shift : 0;
    e->end_offset = le->end_offset;
    copy_text(e, le->text, le->text_len);
    P->tok_failed = 1;
    error_raised(P);
}

void p_no_memory(Parser *P)
{
    Parser *R = root_of(P);
    ParseError *e = R->err;
    if (!R->err_set) {
        e->type = "MemoryError";
        e->msg[0] = '\0';
        e->lineno = e->offset = e->end_lineno = e->end_offset = 0;
        copy_text(e, NULL, 0);
    }
    error_raised(P);
}

/* The text of line `lineno` and the offsets pegen computes for it: in an
 * f-string expression's parser the line of the expression's source and
 * columns relative to it (start_rule Py_fstring_input), else the file's
 * line through the lexer. */
static void raise_located(Parser *P, const char *type, int lineno, int col, int end_lineno,
                          int end_col, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));
static void raise_located(Parser *P, const char *type, int lineno, int col, int end_lineno,
                          int end_col, const char *fmt, va_list ap)
{
    Parser *R = root_of(P);
    ParseError *e = R->err;
    if (R->err_set) {
        error_raised(P);
        return;
    }
    char msg[sizeof e->msg - 16];
    vsnprintf(msg, sizeof msg, fmt, ap);
    e->type = type;
    if (P->fstring) snprintf(e->msg, sizeof e->msg, "f-string: %s", msg);
    else snprintf(e->msg, sizeof e->msg, "%s", msg);
    e->lineno = lineno;
    e->end_lineno = end_lineno;
    if (P->fstring) {
        /* the line of the "(expr)" source the tokenizer holds */
        int k = lineno - P->starting_lineno + 1;
        const char *s = P->src, *end = P->src + P->len;
        for (int i = 1; i < k && s < end; i++) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            s = nl ? nl + 1 : end;
        }
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        if (k < 1) n = 0;
        char line[sizeof e->text];
        size_t m = n < sizeof line - 2 ? n : sizeof line - 2;
        memcpy(line, s, m);
        /* the tokenizer's current line comes with its newline (tok->buf),
         * an earlier one without (get_error_line_from_tokenizer_buffers) */
        if (lex_lineno(P->lex) + P->starting_lineno - 1 <= lineno) line[m++] = '\n';
        copy_text(e, line, m);
        e->offset = col - P->starting_col;
        e->end_offset = end_col - P->starting_col;
    } else {
        size_t n = 0;
        char *text = lex_error_text(P->lex, lineno, &n);
        copy_text(e, text ? text : "", text ? n : 0);
        free(text);
        e->offset = col > 0 ? lex_error_offset(P->lex, lineno, col) : col;
        e->end_offset = end_col > 0 ? lex_error_offset(P->lex, lineno, end_col) : end_col;
    }
    error_raised(P);
}

/* RAISE_ERROR_KNOWN_LOCATION: 0-based columns in, +1 (CURRENT_POS: the
 * tokenizer's cursor) */
#define CURRENT_POS (-5)
void *p_raise_at(Parser *P, const char *type, int lineno, int col, int end_lineno, int end_col,
                 const char *fmt, ...)
{
    int c = col == CURRENT_POS ? CURRENT_POS : col + 1;
    int ec = end_col == CURRENT_POS ? CURRENT_POS : end_col + 1;
    if (end_lineno == CURRENT_POS) end_lineno = lex_lineno(P->lex) + (P->fstring ? P->starting_lineno - 1 : 0);
    if (ec == CURRENT_POS) {
        ec = lex_cursor_col(P->lex);
        if (P->fstring && lex_lineno(P->lex) == 1) ec += P->starting_col;
    }
    va_list ap;
    va_start(ap, fmt);
    raise_located(P, type, lineno, c, end_lineno, ec, fmt, ap);
    va_end(ap);
    return NULL;
}

void *p_raise_node(Parser *P, const Node *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_located(P, "SyntaxError", a->lineno, a->col + 1, a->end_lineno, a->end_col + 1, fmt,
                  ap);
    va_end(ap);
    return NULL;
}

void *p_raise_range(Parser *P, const Node *a, const Node *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_located(P, "SyntaxError", a->lineno, a->col + 1, b->end_lineno, b->end_col + 1, fmt,
                  ap);
    va_end(ap);
    return NULL;
}

void *p_raise_tok_range(Parser *P, const PTok *a, const PTok *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_located(P, "SyntaxError", a->lineno, a->col + 1, b->end_lineno, b->end_col + 1, fmt,
                  ap);
    va_end(ap);
    return NULL;
}

void *p_raise_starting_from(Parser *P, const Node *a, const char *fmt, ...)
{
    int el = lex_lineno(P->lex) + (P->fstring ? P->starting_lineno - 1 : 0);
    int ec = lex_cursor_col(P->lex);
    if (P->fstring && lex_lineno(P->lex) == 1) ec += P->starting_col;
    va_list ap;
    va_start(ap, fmt);
    raise_located(P, "SyntaxError", a->lineno, a->col + 1, el, ec, fmt, ap);
    va_end(ap);
    return NULL;
}

/* _PyPegen_raise_error with use_mark 0: the last token read; a token
 * without a column takes the tokenizer's cursor (no +1). */
static void raise_at_token(Parser *P, const char *type, const PTok *t, const char *fmt,
                           va_list ap) __attribute__((format(printf, 4, 0)));
static void raise_at_token(Parser *P, const char *type, const PTok *t, const char *fmt,
                           va_list ap)
{
    int col, end_col = -1;
    if (t->col == -1) {
        col = lex_cursor_col(P->lex);
        if (P->fstring && lex_lineno(P->lex) == 1) col += P->starting_col;
    } else {
        col = t->col + 1;
    }
    if (t->end_col != -1) end_col = t->end_col + 1;
    raise_located(P, type, t->lineno, col, t->end_lineno, end_col, fmt, ap);
}

void *p_raise_last(Parser *P, const char *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (P->fill == 0) {
        raise_located(P, type, 0, 0, 0, -1, fmt, ap);
    } else {
        raise_at_token(P, type, P->toks[P->fill - 1], fmt, ap);
    }
    va_end(ap);
    return NULL;
}

static void raise_known_token(Parser *P, const PTok *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void raise_known_token(Parser *P, const PTok *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_located(P, "SyntaxError", t->lineno, t->col + 1, t->end_lineno, t->end_col + 1, fmt,
                  ap);
    va_end(ap);
}

/* ---- constructs outside the subset ---- */

void p_unsupported(Parser *P, int lineno, int col, int end_lineno, int end_col, const char *what)
{
    Parser *R = root_of(P);
    if (P->error) return;
    /* the first in the source wins (a def is noted after its body) */
    if (R->unsup_set &&
        (R->unsup_lineno < lineno || (R->unsup_lineno == lineno && R->unsup_col <= col)))
        return;
    R->unsup_set = 1;
    snprintf(R->unsup_msg, sizeof R->unsup_msg, "%s not supported by refscope", what);
    R->unsup_lineno = lineno;
    R->unsup_col = col;
    R->unsup_end_lineno = end_lineno;
    R->unsup_end_col = end_col;
}

void p_unsupported_tok(Parser *P, const PTok *t, const char *what)
{
    p_unsupported(P, t->lineno, t->col, t->end_lineno, t->end_col, what);
}

/* ---- the driver ---- */

/* _PyPegen_tokenize_full_source_to_check_for_errors: the rest of the
 * source is tokenized; a tokenizer error that raised its own exception
 * (not one of pegen's error codes) replaces the parser's error; at another
 * (a line continuation, EOF) inside brackets opened before the line of the
 * furthest token read, "'(' was never closed" does. */
static void tokenize_rest(Parser *P)
{
    Parser *R = root_of(P);
    int err_line = P->fill ? P->toks[P->fill - 1]->lineno : 0;
    int shift = P->fstring ? P->starting_lineno - 1 : 0;
    for (;;) {
        Token tk;
        if (lex_next(P->lex, &tk) == 0) {
            if (tk.kind == TOK_ENDMARKER) return;
            if (tk.kind == TOK_OP) {
                int col = tk.col_offset;
                if (P->fstring && tk.lineno == 1) col += P->starting_col;
                track_bracket(P, op_type(tk.op), tk.lineno + shift, col);
            }
            continue;
        }
        const LexError *le = lex_error(P->lex);
        switch (le->code) {
        case LEXE_SYNTAX:
        case LEXE_DECODE:
        case LEXE_ENCODING:
        case LEXE_UNSUPPORTED:
        case LEXE_NOMEM:
            R->err_set = 0;
            set_lex_error(P, le);
            return;
        default: break;
        }
        int n = P->nbrackets;
        if (n > 0 && n <= (int)(sizeof P->brackets / sizeof P->brackets[0]) &&
            err_line > P->brackets[n - 1].lineno) {
            R->err_set = 0;
            p_raise_at(P, "SyntaxError", P->brackets[n - 1].lineno, P->brackets[n - 1].col,
                       P->brackets[n - 1].lineno, -1, "'%c' was never closed",
                       P->brackets[n - 1].ch);
            P->tok_failed = 1;
        }
        return;
    }
}

/* _Pypegen_set_syntax_error */
static void set_syntax_error(Parser *P, const PTok *last)
{
    Parser *R = root_of(P);
    if (R->err_set) {
        if (!P->tok_failed && strcmp(R->err->type, "MemoryError")) tokenize_rest(P);
        return;
    }
    if (P->fill == 0) {
        p_raise_last(P, "SyntaxError", "error at start before reading any input");
        return;
    }
    if (last->type == T_INDENT || last->type == T_DEDENT) {
        p_raise_last(P, "IndentationError",
                     last->type == T_INDENT ? "unexpected indent" : "unexpected unindent");
        return;
    }
    raise_known_token(P, last, "invalid syntax");
    tokenize_rest(P);
}

static void reset_for_second_pass(Parser *P)
{
    for (int i = 0; i < P->fill; i++) P->toks[i]->memo = NULL;
    P->mark = 0;
    P->call_invalid = 1;
}

/* _PyPegen_run_parser: the first pass, then on failure the second pass
 * with the invalid_ rules and the choice of the error. */
Node *p_run_rule(Parser *P, Node *(*rule)(Parser *))
{
    int depth = P->depth;
    Node *res = rule(P);
    if (res) return res;
    Parser *R = root_of(P);
    if (R->err_set && !strcmp(R->err->type, "MemoryError")) return NULL;
    PTok last = P->fill ? *P->toks[P->fill - 1] : (PTok){0};
    if (!P->error) {
        reset_for_second_pass(P);
        P->depth = depth;
        rule(P);
    }
    set_syntax_error(P, &last);
    return NULL;
}

Node *parse_module(AstArena *a, const char *src, size_t len, const char *filename,
                   ParseError *err)
{
    return parse_module_ex(a, src, len, filename, err, NULL);
}

/* The tokenizer's warnings, in its order: it runs once over the source
 * (the parser keeps the tokens for its second pass), and after a parser
 * error on to the end, as _PyPegen_tokenize_full_source_to_check_for_errors
 * does -- CPython prints the warnings of that scan too. */
static int copy_lex_warnings(const Lexer *L, SynWarnings *warnings)
{
    for (size_t i = 0; i < lex_warning_count(L); i++) {
        const LexWarning *lw = lex_warning(L, i);
        if (synwarn_add(warnings, lw->category, lw->lineno, "%s", lw->msg) != 0) return -1;
    }
    return 0;
}

Node *parse_module_ex(AstArena *a, const char *src, size_t len, const char *filename,
                      ParseError *err, SynWarnings *warnings)
{
    memset(err, 0, sizeof *err);
    snprintf(err->filename, sizeof err->filename, "%s", filename ? filename : "<string>");
    Parser P;
    memset(&P, 0, sizeof P);
    P.arena = a;
    P.scratch = ast_arena_new();
    P.lex = lex_new(src, len, err->filename);
    P.err = err;
    P.filename = err->filename;
    if (!P.scratch || !P.lex) {
        p_no_memory(&P);
        ast_arena_free(P.scratch);
        lex_free(P.lex);
        return NULL;
    }
    P.src = src;
    P.len = len;
    Node *res = p_run_rule(&P, r_file);
    if (res && P.unsup_set) {
        res = NULL;
        p_raise_at(&P, "SyntaxError", P.unsup_lineno, P.unsup_col, P.unsup_end_lineno,
                   P.unsup_end_col, "%s", P.unsup_msg);
    }
    if (warnings && copy_lex_warnings(P.lex, warnings) != 0) {
        res = NULL;
        p_no_memory(&P);
    }
    free(P.toks);
    lex_free(P.lex);
    ast_arena_free(P.scratch);
    return res;
}

/* ---- printing, as pythonrun.c's print_exception/print_error_text ---- */

typedef struct Out {
    char *buf;
    size_t cap, n;
} Out;

static void outs(Out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, o->n++)
        if (o->n + 1 < o->cap) o->buf[o->n] = s[i];
}

static void outz(Out *o, const char *s) { outs(o, s, strlen(s)); }

static void print_error_text(Out *o, long offset, long end_offset, const char *text)
{
    long caret_repetitions = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    long len = (long)strlen(text);
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (!nl) break;
        long inl = nl - text;
        if (inl >= offset) break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    outz(o, "    ");
    outz(o, text);
    if (text[len] != '\n') outz(o, "\n");
    if (offset < 0) return;
    outz(o, "    ");
    while (--offset >= 0) outz(o, " ");
    for (long i = 0; i < caret_repetitions; i++) outz(o, "^");
    outz(o, "\n");
}

int parse_error_format(const ParseError *e, char *buf, size_t cap)
{
    Out o = {buf, cap, 0};
    const char *type = e->type ? e->type : "SyntaxError";
    if (e->lineno > 0) {
        char line[600];
        snprintf(line, sizeof line, "  File \"%s\", line %d\n", e->filename, e->lineno);
        outz(&o, line);
        if (e->has_text) {
            long offset = e->offset, end_offset = e->end_offset, end_lineno = e->end_lineno;
            if (strcmp(type, "SyntaxError")) {
                /* parse_syntax_error reads the end only of SyntaxError itself */
                end_lineno = e->lineno;
                end_offset = -1;
            }
            long line_size = (long)strlen(e->text);
            if (end_lineno > e->lineno) end_offset = line_size;
            if (end_offset > line_size + 1) end_offset = line_size + 1;
            print_error_text(&o, offset, end_offset, e->text);
        }
    }
    outz(&o, type);
    if (e->msg[0]) {
        outz(&o, ": ");
        outz(&o, e->msg);
    }
    outz(&o, "\n");
    if (cap) buf[o.n < cap ? o.n : cap - 1] = '\0';
    return (int)o.n;
}
