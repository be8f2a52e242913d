/*
 * test_lexer.c -- the compiler's tokenizer against CPython 3.11.7.
 *
 * tests/data/compiler/tokens/ holds sources and what CPython made of them
 * (tests/compiler/gen_tokens.py): for good sources the C tokenizer's token
 * stream (translated from the tokenize module), for bad ones the
 * SyntaxError `python3 NAME.py` raises, field for field.  A few behaviours
 * tokenize cannot show are checked by hand below, each verified with
 * python3 (the source compiles, or fails as the comment says).  Last, random
 * bytes and random mutations of the good sources must give tokens or a clean
 * error, never a crash or a hang (the ASan build runs this too).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "heap_support.h"

#include "compiler/lexer.h"

#define DATA TEST_DATA_DIR "/compiler/tokens/"

static char *read_data(const char *name, const char *ext, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, DATA "%s%s", name, ext);
    char *s = ts_read_file(path, len);
    if (!s) fail_msg("cannot read %s", path);
    return s;
}

/* Next line of `*p` (NUL-terminated in place), or NULL at the end. */
static char *next_line(char **p)
{
    if (!**p) return NULL;
    char *line = *p, *nl = strchr(line, '\n');
    if (nl) {
        *nl = 0;
        *p = nl + 1;
    } else {
        *p = line + strlen(line);
    }
    return line;
}

static const char *token_name(const Token *t)
{
    return t->kind == TOK_OP ? tok_op_name(t->op) : tok_kind_name(t->kind);
}

/* Reads the "warning CATEGORY LINENO MESSAGE" lines at the head of `*p`
 * into `want` (a copy of the lines); the count. */
static size_t read_warnings(char **p, char want[][128], size_t max)
{
    size_t n = 0;
    while (!strncmp(*p, "warning ", 8)) {
        char *line = next_line(p);
        assert_true(n < max);
        snprintf(want[n++], 128, "%s", line + 8);
    }
    return n;
}

/* The lexer's warnings equal `want`. */
static void check_warnings(const char *name, const Lexer *L, char want[][128], size_t n)
{
    if (lex_warning_count(L) != n)
        fail_msg("%s: %zu warnings, want %zu", name, lex_warning_count(L), n);
    for (size_t i = 0; i < n; i++) {
        const LexWarning *w = lex_warning(L, i);
        char got[128];
        snprintf(got, sizeof got, "%s %d %s", w->category, w->lineno, w->msg);
        if (strcmp(got, want[i])) fail_msg("%s: warning %zu: want '%s', got '%s'", name, i, want[i], got);
    }
    assert_null(lex_warning(L, n));
}

/* ---------------------------------------------------------------- data */

static int check_good(const char *name)
{
    size_t slen, elen;
    char *src = read_data(name, ".py", &slen), *exp = read_data(name, ".tokens", &elen);
    char fname[300];
    snprintf(fname, sizeof fname, "%s.py", name);
    Lexer *L = lex_new(src, slen, fname);
    assert_non_null(L);
    char *p = exp, *line, *text = malloc(elen + 1), warns[16][128];
    size_t nwarns = read_warnings(&p, warns, 16);
    int i = 0;
    while ((line = next_line(&p))) {
        char kind[32];
        int l, c, el, ec, used = 0;
        assert_int_equal(sscanf(line, "%31s %d %d %d %d%n", kind, &l, &c, &el, &ec, &used), 5);
        size_t tlen = ts_unescape(line[used] == ' ' ? line + used + 1 : line + used, text);
        Token t;
        if (lex_next(L, &t) < 0)
            fail_msg("%s: token %d (%s): error %s: %s", name, i, kind, lex_error(L)->type,
                     lex_error(L)->msg);
        if (strcmp(token_name(&t), kind) || t.lineno != l || t.col_offset != c ||
            t.end_lineno != el || t.end_col_offset != ec || t.len != tlen ||
            (tlen && memcmp(t.text, text, tlen)))
            fail_msg("%s: token %d: want %s %d %d %d %d '%s', got %s %d %d %d %d '%.*s'", name, i,
                     kind, l, c, el, ec, text, token_name(&t), t.lineno, t.col_offset,
                     t.end_lineno, t.end_col_offset, (int)t.len, t.text ? t.text : "");
        i++;
    }
    Token t;
    assert_int_equal(lex_next(L, &t), 0);  /* ENDMARKER again */
    assert_int_equal(t.kind, TOK_ENDMARKER);
    check_warnings(name, L, warns, nwarns);
    lex_free(L);
    free(text);
    free(src);
    free(exp);
    return i;
}

static void check_bad(const char *name)
{
    size_t slen, elen;
    char *src = read_data(name, ".py", &slen), *exp = read_data(name, ".err", &elen);
    char fname[300];
    snprintf(fname, sizeof fname, "%s.py", name);
    Lexer *L = lex_new(src, slen, fname);
    assert_non_null(L);
    Token t;
    int n = 0;
    while (lex_next(L, &t) == 0) {
        if (t.kind == TOK_ENDMARKER) fail_msg("%s: no error, %d tokens", name, n);
        n++;
    }
    const LexError *e = lex_error(L);
    assert_non_null(e);
    char *p = exp, *line, *want = malloc(elen + 1), got[64], warns[16][128];
    check_warnings(name, L, warns, read_warnings(&p, warns, 16));
    while ((line = next_line(&p))) {
        char *key = line, *val = strchr(line, ' ');
        assert_non_null(val);
        *val++ = 0;
        size_t wlen = ts_unescape(val, want);
        const char *have = got;
        size_t hlen;
        if (!strcmp(key, "type")) {
            have = e->type;
        } else if (!strcmp(key, "msg")) {
            have = e->msg;
        } else if (!strcmp(key, "text")) {
            have = e->text ? e->text : "None";
            if (e->text) assert_int_equal(strlen(e->text), e->text_len);
        } else {
            int v = !strcmp(key, "lineno") ? e->lineno : !strcmp(key, "offset") ? e->offset
                  : !strcmp(key, "end_lineno") ? e->end_lineno : e->end_offset;
            if (e->lineno == 0) snprintf(got, sizeof got, "None");
            else snprintf(got, sizeof got, "%d", v);
        }
        hlen = strlen(have);
        if (hlen != wlen || memcmp(have, want, wlen))
            fail_msg("%s: %s: want '%s', got '%s' (%s: %s)", name, key, want, have, e->type,
                     e->msg);
    }
    assert_int_equal(lex_next(L, &t), -1);  /* errors stick */
    assert_ptr_equal(lex_error(L), e);
    lex_free(L);
    free(want);
    free(src);
    free(exp);
}

static void test_against_cpython(void **state)
{
    (void)state;
    size_t len;
    char *index = read_data("index", ".txt", &len), *p = index, *line;
    int good = 0, bad = 0, tokens = 0;
    while ((line = next_line(&p))) {
        char kind[8], name[256];
        assert_int_equal(sscanf(line, "%7s %255s", kind, name), 2);
        if (!strcmp(kind, "good")) {
            tokens += check_good(name);
            good++;
        } else {
            check_bad(name);
            bad++;
        }
    }
    free(index);
    assert_true(good >= 20 && bad >= 100 && tokens > 2000);
    print_message("  %d good sources (%d tokens), %d errors as CPython 3.11.7\n", good, tokens, bad);
}

static void test_unicode_classes(void **state)
{
    (void)state;
    size_t len;
    char *data = read_data("unicode", ".txt", &len), *p = data, *line;
    unsigned first[2100], cls[2100];
    int n = 0;
    while ((line = next_line(&p))) {
        assert_true(n < 2100);
        assert_int_equal(sscanf(line, "%x %u", &first[n], &cls[n]), 2);
        n++;
    }
    for (int i = 0; i < n; i++) {  /* both ends of every run */
        unsigned last = i + 1 < n ? first[i + 1] - 1 : 0x10ffff;
        assert_int_equal(lex_unicode_class(first[i]), cls[i]);
        assert_int_equal(lex_unicode_class(last), cls[i]);
        assert_int_equal(lex_unicode_class(first[i] + (last - first[i]) / 2), cls[i]);
    }
    assert_int_equal(lex_unicode_class('a'), LEXU_XID_START);
    assert_int_equal(lex_unicode_class('_'), LEXU_XID_CONTINUE);
    assert_int_equal(lex_unicode_class('7'), LEXU_XID_CONTINUE);
    assert_int_equal(lex_unicode_class('$'), LEXU_PRINTABLE);
    assert_int_equal(lex_unicode_class(0x7f), LEXU_NONPRINTABLE);
    assert_int_equal(lex_unicode_class(0x110000), LEXU_NONPRINTABLE);
    free(data);
}

/* ---------------------------------------------------------------- by hand */

/* The stream as "KIND KIND:text KIND@line ..." (text for NAME, NUMBER, OP
 * and STRING; the line for INDENT and DEDENT), or "error: msg". */
static char *stream_n(const char *src, size_t len)
{
    static char buf[4096];
    Lexer *L = lex_new(src, len, "t.py");
    assert_non_null(L);
    size_t n = 0;
    Token t;
    buf[0] = 0;
    for (;;) {
        if (lex_next(L, &t) < 0) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, "error: %s", lex_error(L)->msg);
            break;
        }
        const char *name = token_name(&t);
        if (t.kind == TOK_INDENT || t.kind == TOK_DEDENT)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s@%d ", name, t.lineno);
        else if (t.kind == TOK_NEWLINE || t.kind == TOK_ENDMARKER)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s ", name);
        else
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s:%.*s ", name, (int)t.len, t.text);
        if (t.kind == TOK_ENDMARKER) break;
        assert_true(n < sizeof buf - 200);
    }
    lex_free(L);
    return buf;
}

static char *stream(const char *src)
{
    return stream_n(src, strlen(src));
}

static void test_backslash_in_indentation(void **state)
{
    (void)state;
    /* tokenize counts the backslash line's indentation; the C tokenizer
     * uses the column of the first backslash (python3 compiles all four;
     * the second dedents b to 4 where tokenize would see 6). */
    assert_string_equal(stream("if 1:\n    \\\n  a = 1\n    b = 2\n"),
                        "NAME:if NUMBER:1 COLON:: NEWLINE INDENT@3 NAME:a EQUAL:= NUMBER:1 "
                        "NEWLINE NAME:b EQUAL:= NUMBER:2 NEWLINE DEDENT@4 ENDMARKER ");
    /* a backslash in column 0 does not count: the next line's column does */
    assert_string_equal(stream("if 1:\n\\\n  a = 1\n"),
                        "NAME:if NUMBER:1 COLON:: NEWLINE INDENT@3 NAME:a EQUAL:= NUMBER:1 "
                        "NEWLINE DEDENT@3 ENDMARKER ");
    assert_string_equal(stream("if 1:\n  a = 1\n  \\\n\n  b = 2\n"),
                        "NAME:if NUMBER:1 COLON:: NEWLINE INDENT@2 NAME:a EQUAL:= NUMBER:1 "
                        "NEWLINE NAME:b EQUAL:= NUMBER:2 NEWLINE DEDENT@5 ENDMARKER ");
    assert_string_equal(stream("\\\n\n"), "ENDMARKER ");
    /* python3: IndentationError: unexpected indent, on line 4 */
    assert_string_equal(stream("if 1:\n  \\\n    a = 1\n    b = 2\n"),
                        "NAME:if NUMBER:1 COLON:: NEWLINE INDENT@3 NAME:a EQUAL:= NUMBER:1 "
                        "NEWLINE INDENT@4 NAME:b EQUAL:= NUMBER:2 NEWLINE DEDENT@4 DEDENT@4 "
                        "ENDMARKER ");
}

static void test_operators_and_names(void **state)
{
    (void)state;
    /* every operator spelled alone is itself */
    for (int op = TOP_NONE + 1; op < TOP_OTHER; op++) {
        const char *text = tok_op_text((TokOp)op);
        assert_int_equal(tok_op_lookup(text, strlen(text)), op);
        char src[16], want[64];
        const char *open = op == TOP_RPAR ? "(" : op == TOP_RSQB ? "[" : op == TOP_RBRACE ? "{" : "";
        snprintf(src, sizeof src, "%s%s\n", open, text);
        Lexer *L = lex_new(src, strlen(src), "t.py");
        Token t;
        if (*open) assert_int_equal(lex_next(L, &t), 0);
        assert_int_equal(lex_next(L, &t), 0);
        snprintf(want, sizeof want, "%s", tok_op_name((TokOp)op));
        assert_string_equal(token_name(&t), want);
        assert_int_equal(t.len, strlen(text));
        lex_free(L);
    }
    assert_string_equal(tok_op_name(TOP_LPAR), "LPAR");
    assert_string_equal(tok_op_name(TOP_COLONEQUAL), "COLONEQUAL");
    assert_string_equal(tok_op_name(TOP_OTHER), "OP");
    assert_string_equal(tok_kind_name(TOK_ENDMARKER), "ENDMARKER");
    assert_string_equal(tok_kind_name(TOK_ASYNC), "ASYNC");
    /* CPython hands these to the parser, which rejects them ("invalid syntax") */
    assert_string_equal(stream("a <> b ! $ ? `\n"),
                        "NAME:a NOTEQUAL:<> NAME:b OP:! OP:$ OP:? OP:` NEWLINE ENDMARKER ");
    assert_string_equal(stream("a...b..c.5\n"),
                        "NAME:a ELLIPSIS:... NAME:b DOT:. DOT:. NAME:c NUMBER:.5 NEWLINE ENDMARKER ");
    assert_string_equal(stream("ub'x' bf'x' rbx\n"),
                        "NAME:ub STRING:'x' NAME:bf STRING:'x' NAME:rbx NEWLINE ENDMARKER ");
    /* a number touching a keyword: CPython warns, the tokens split (0x1f or) */
    assert_string_equal(stream("1if 0x1for 1else 0o7in 1not 1and 1or 1is\n"),
                        "NUMBER:1 NAME:if NUMBER:0x1f NAME:or NUMBER:1 NAME:else NUMBER:0o7 NAME:in "
                        "NUMBER:1 NAME:not NUMBER:1 NAME:and NUMBER:1 NAME:or NUMBER:1 NAME:is "
                        "NEWLINE ENDMARKER ");
    assert_string_equal(stream("async await asyncx\n"),
                        "ASYNC:async AWAIT:await NAME:asyncx NEWLINE ENDMARKER ");
    /* XID_Continue that tokenize's \\w+ misses; python3 compiles these */
    assert_string_equal(stream("x\xc2\xb7y = \xe2\x84\x98 + e\xcc\x81\n"),
                        "NAME:x\xc2\xb7y EQUAL:= NAME:\xe2\x84\x98 PLUS:+ NAME:e\xcc\x81 NEWLINE "
                        "ENDMARKER ");
    assert_true(tok_is_keyword("while", 5));
    assert_true(tok_is_keyword("None", 4));
    assert_true(tok_is_keyword("await", 5));
    assert_false(tok_is_keyword("match", 5));
    assert_false(tok_is_keyword("print", 5));
    assert_false(tok_is_keyword("whil", 4));
    assert_true(tok_is_soft_keyword("match", 5));
    assert_true(tok_is_soft_keyword("_", 1));
    assert_false(tok_is_soft_keyword("if", 2));
}

/* The same program with \r\n and with \r: the same tokens as with \n. */
static void test_newline_conventions(void **state)
{
    (void)state;
    const char *names[] = {"program", "continuation", "indent", "strings"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        size_t len;
        char *src = read_data(names[k], ".py", &len);
        char *crlf = malloc(2 * len + 1), *cr = malloc(len + 1);
        size_t a = 0;
        for (size_t i = 0; i < len; i++) {
            if (src[i] == '\n') crlf[a++] = '\r';
            crlf[a++] = src[i];
            cr[i] = src[i] == '\n' ? '\r' : src[i];
        }
        Lexer *L0 = lex_new(src, len, "t.py"), *L1 = lex_new(crlf, a, "t.py"),
              *L2 = lex_new(cr, len, "t.py");
        Token t0, t1, t2;
        do {
            assert_int_equal(lex_next(L0, &t0), 0);
            assert_int_equal(lex_next(L1, &t1), 0);
            assert_int_equal(lex_next(L2, &t2), 0);
            for (int v = 0; v < 2; v++) {
                const Token *t = v ? &t2 : &t1;
                assert_int_equal(t->kind, t0.kind);
                assert_int_equal(t->op, t0.op);
                assert_int_equal(t->lineno, t0.lineno);
                assert_int_equal(t->col_offset, t0.col_offset);
                assert_int_equal(t->end_lineno, t0.end_lineno);
                assert_int_equal(t->end_col_offset, t0.end_col_offset);
                assert_int_equal(t->len, t0.len);
                if (t->len) assert_memory_equal(t->text, t0.text, t->len);
            }
        } while (t0.kind != TOK_ENDMARKER);
        lex_free(L0);
        lex_free(L1);
        lex_free(L2);
        free(src);
        free(crlf);
        free(cr);
    }
}

/* What pegen reads to place the errors it raises itself. */
static void test_parser_positions(void **state)
{
    (void)state;
    Token t;
    /* "  x = 1": IndentationError: unexpected indent, (1, 2) */
    Lexer *L = lex_new("  x = 1\n", 8, "t.py");
    assert_int_equal(lex_next(L, &t), 0);
    assert_int_equal(t.kind, TOK_INDENT);
    assert_int_equal(t.col_offset, -1);
    assert_int_equal(lex_cursor_col(L), 2);
    lex_free(L);
    /* "if x:\n": expected an indented block, (1, 0): at EOF the buffer is empty */
    L = lex_new("if x:\n", 6, "t.py");
    do assert_int_equal(lex_next(L, &t), 0); while (t.kind != TOK_ENDMARKER);
    assert_int_equal(t.lineno, 1);
    assert_int_equal(lex_lineno(L), 1);
    assert_int_equal(lex_cursor_col(L), 0);
    size_t len;
    char *text = lex_error_text(L, 1, &len);
    assert_string_equal(text, "if x:\n");
    assert_int_equal(len, 6);
    free(text);
    assert_null(lex_error_text(L, 0, &len));
    lex_free(L);
    /* "if 1:\n\xc3\xa9\n": (2, 1)-(2, 3) in bytes: no encoding declared */
    L = lex_new("if 1:\n\xc3\xa9\n", 9, "t.py");
    assert_int_equal(lex_error_offset(L, 2, 3), 3);
    lex_free(L);
    /* with a BOM CPython counts characters: (2, 1)-(2, 2) */
    L = lex_new("\xef\xbb\xbfif 1:\n\xc3\xa9\n", 12, "t.py");
    do assert_int_equal(lex_next(L, &t), 0); while (t.kind != TOK_ENDMARKER);
    assert_int_equal(lex_error_offset(L, 2, 1), 1);
    assert_int_equal(lex_error_offset(L, 2, 3), 2);
    text = lex_error_text(L, 1, &len);
    assert_string_equal(text, "\xef\xbb\xbfif 1:\n");
    free(text);
    lex_free(L);
    /* "x = 1 +  # c": invalid syntax at the NEWLINE, (1, 10)-(1, 13): the comment */
    L = lex_new("x = 1 +  # c", 12, "t.py");
    for (int i = 0; i < 5; i++) assert_int_equal(lex_next(L, &t), 0);
    assert_int_equal(t.kind, TOK_NEWLINE);
    assert_int_equal(t.col_offset, 9);
    assert_int_equal(t.end_col_offset, 12);
    assert_int_equal(t.len, 3);
    assert_memory_equal(t.text, "# c", 3);
    lex_free(L);
    /* python3: "'(' was never closed", (1, 5): the parser fails at "2 2",
     * pegen's scan goes on to the continuation error inside the "(" */
    const char *src = "x = (1,\n 2 2, 3, 4, 5, 6 \\ y\n";
    L = lex_new(src, strlen(src), "t.py");
    int bl, bc;
    assert_int_equal(lex_open_bracket(L, &bl, &bc), 0);
    while (lex_next(L, &t) == 0) {}
    assert_int_equal(lex_error(L)->code, LEXE_LINECONT);
    assert_int_equal(lex_open_bracket(L, &bl, &bc), '(');
    assert_int_equal(bl, 1);
    assert_int_equal(bc, 4);
    lex_free(L);
    /* an empty file: ENDMARKER on line 0, as tok->lineno */
    L = lex_new("", 0, "t.py");
    assert_int_equal(lex_next(L, &t), 0);
    assert_int_equal(t.kind, TOK_ENDMARKER);
    assert_int_equal(t.lineno, 0);
    lex_free(L);
}

/* A null byte is found when its line is read, but reported after the
 * DEDENTs of that line: python3 says "expected an indented block" here. */
static void test_null_byte_after_dedents(void **state)
{
    (void)state;
    assert_string_equal(stream_n("if 1:\n  if 2:\n    \0\n", 20),
                        "NAME:if NUMBER:1 COLON:: NEWLINE INDENT@2 NAME:if NUMBER:2 COLON:: NEWLINE "
                        "DEDENT@3 error: source code cannot contain null bytes");
    Lexer *L = lex_new("if 1:\n  x\n\0\n", 13, "t.py");
    Token t;
    for (int i = 0; i < 8; i++) assert_int_equal(lex_next(L, &t), 0);
    assert_int_equal(t.kind, TOK_DEDENT);
    assert_int_equal(t.lineno, 3);
    assert_null(lex_error(L));
    assert_int_equal(lex_cursor_col(L), 2);
    assert_int_equal(lex_next(L, &t), -1);
    assert_string_equal(lex_error(L)->msg, "source code cannot contain null bytes");
    assert_int_equal(lex_error(L)->lineno, 3);
    lex_free(L);
}

static void test_coding_cookies(void **state)
{
    (void)state;
    /* utf-8 spellings are fine, and Latin-1 over ASCII; others are
     * refused (CPython would recode) */
    assert_string_equal(stream("# coding: utf8\nx\n"), "NAME:x NEWLINE ENDMARKER ");
    assert_string_equal(stream("#!/bin/python\n# -*- coding: UTF_8 -*-\nx\n"),
                        "NAME:x NEWLINE ENDMARKER ");
    assert_string_equal(stream("x = 1\n# coding: latin-1\n"),  /* too late to count */
                        "NAME:x EQUAL:= NUMBER:1 NEWLINE ENDMARKER ");
    assert_string_equal(stream("# coding: latin-1\nx\n"), "NAME:x NEWLINE ENDMARKER ");
    assert_string_equal(stream("# coding: latin-1\nx = '\xe9'\n"),
                        "error: refscope reads UTF-8 source only; this file declares 'latin-1' "
                        "(line 1)");
    assert_string_equal(stream("# coding: cp1252\nx\n"),
                        "error: refscope reads UTF-8 source only; this file declares 'cp1252' "
                        "(line 1)");
    assert_string_equal(stream("\xef\xbb\xbf# coding: utf-8\nx\n"), "NAME:x NEWLINE ENDMARKER ");
    /* with the encoding declared, undecodable bytes reach the tokenizer */
    assert_string_equal(stream("\xef\xbb\xbfx = '\xff' # \xfe\n"),
                        "NAME:x EQUAL:= STRING:'\xff' NEWLINE ENDMARKER ");
}

/* ---------------------------------------------------------------- robustness */

/* xorshift64 from a fixed seed: the same inputs every run. */
static uint32_t rnd(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return (uint32_t)(*state >> 32);
}

/* Lexes `src` to the end: ENDMARKER or an error, within a bound on the
 * number of tokens, with sane positions.  Returns 1 for an error. */
static int lex_all(const char *src, size_t len)
{
    Lexer *L = lex_new(src, len, "fuzz.py");
    assert_non_null(L);
    size_t limit = 3 * len + 300, n = 0;
    Token t;
    int err = 0;
    for (;;) {
        if (lex_next(L, &t) < 0) {
            const LexError *e = lex_error(L);
            assert_non_null(e);
            assert_non_null(e->type);
            assert_non_null(e->msg);
            if (e->text) assert_int_equal(strlen(e->text), e->text_len);
            if (e->lineno) assert_true(e->offset >= 0 || e->code == LEXE_SYNTAX);
            err = 1;
            break;
        }
        assert_true(++n <= limit);
        if (t.kind == TOK_INDENT || t.kind == TOK_DEDENT || t.kind == TOK_ENDMARKER) {
            assert_int_equal(t.col_offset, -1);
        } else {
            assert_true(t.lineno >= 1 && t.lineno <= t.end_lineno);
            assert_true(t.col_offset >= 0 && t.end_col_offset >= 0);
            if (t.kind != TOK_NEWLINE) assert_true(t.len > 0);
        }
        if (t.kind == TOK_ENDMARKER) break;
    }
    size_t tl;
    free(lex_error_text(L, lex_lineno(L), &tl));
    (void)lex_cursor_col(L);
    lex_free(L);
    return err;
}

static void test_random_input(void **state)
{
    (void)state;
    static const char alphabet[] = "abcfrux_019eEjJoOxXbB.+-*/%<>=!:;,~^|&@$?`([{}])\"'\\#\t \n\n\n\r\x0c"
                                   "\x00\x01\x7f\xc3\xa9\xe2\x82\xac\xef\xbb\xbf\xff\xf0\x9f\x98\x80";
    uint64_t rng = 0x2545F4914F6CDD1DULL;
    char buf[600];
    int errors = 0, runs = 0;
    for (int i = 0; i < 3000; i++) {  /* random bytes, biased to Python's */
        size_t len = rnd(&rng) % 300;
        for (size_t k = 0; k < len; k++)
            buf[k] = rnd(&rng) % 8 == 0 ? (char)rnd(&rng) : alphabet[rnd(&rng) % (sizeof alphabet - 1)];
        errors += lex_all(buf, len);
        runs++;
    }
    size_t ilen;
    char *index = read_data("index", ".txt", &ilen), *p = index, *line;
    char *sources[256];
    size_t lens[256];
    int ns = 0;
    while ((line = next_line(&p)) && ns < 256) {
        char kind[8], name[256];
        sscanf(line, "%7s %255s", kind, name);
        sources[ns] = read_data(name, ".py", &lens[ns]);
        ns++;
    }
    for (int i = 0; i < 4000; i++) {  /* good and bad sources, mutated */
        int s = (int)(rnd(&rng) % (unsigned)ns);
        size_t len = lens[s];
        char *m = malloc(len + 64);
        memcpy(m, sources[s], len);
        for (int edits = 1 + (int)(rnd(&rng) % 4); edits > 0; edits--) {
            size_t at = len ? rnd(&rng) % len : 0;
            char c = rnd(&rng) % 4 ? alphabet[rnd(&rng) % (sizeof alphabet - 1)] : (char)rnd(&rng);
            switch (rnd(&rng) % 3) {
            case 0:  /* replace */
                if (len) m[at] = c;
                break;
            case 1:  /* insert */
                memmove(m + at + 1, m + at, len - at);
                m[at] = c;
                len++;
                break;
            default:  /* delete */
                if (len) {
                    memmove(m + at, m + at + 1, len - at - 1);
                    len--;
                }
            }
        }
        errors += lex_all(m, len);
        runs++;
        free(m);
    }
    for (int i = 0; i < ns; i++) free(sources[i]);
    free(index);
    assert_true(errors > 0 && errors < runs);
    print_message("  %d random sources, %d with errors\n", runs, errors);
}

/* Deep and long: no recursion, no fixed buffers. */
static void test_limits(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *src = malloc(n + 1);
    memset(src, '(', n);
    Lexer *L = lex_new(src, n, "t.py");
    Token t;
    int k = 0;
    while (lex_next(L, &t) == 0) k++;
    assert_int_equal(k, 200);
    assert_string_equal(lex_error(L)->msg, "too many nested parentheses");
    lex_free(L);
    memset(src, 'a', n);  /* one name of a million bytes */
    L = lex_new(src, n, "t.py");
    assert_int_equal(lex_next(L, &t), 0);
    assert_int_equal(t.len, n);
    lex_free(L);
    for (size_t i = 0; i < n; i++) src[i] = "\n \t#x\\"[i % 6];
    assert_int_equal(lex_all(src, n), 0);  /* comment lines only */
    for (size_t i = 0; i < n; i++) src[i] = "\n if 1:\\\n "[i % 9];
    (void)lex_all(src, n);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_unicode_classes),
        cmocka_unit_test(test_backslash_in_indentation),
        cmocka_unit_test(test_operators_and_names),
        cmocka_unit_test(test_newline_conventions),
        cmocka_unit_test(test_parser_positions),
        cmocka_unit_test(test_null_byte_after_dedents),
        cmocka_unit_test(test_coding_cookies),
        cmocka_unit_test(test_random_input),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
