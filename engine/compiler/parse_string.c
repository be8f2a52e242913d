/* parse_string.c -- literals: numbers, string and bytes escapes, adjacent
 * literal concatenation and f-strings, as 3.11's Parser/string_parser.c
 * and action_helpers.c build them (same nodes, positions and errors). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/lexer.h"
#include "compiler/parse_internal.h"
#include "objects/utf8.h"

static Node *p_fstring_expr(Parser *P, const PTok *t, const char *expr_start,
                           const char *expr_end);

/* ---- a growable byte buffer in the scratch arena ---- */

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static int buf_put(Parser *P, Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = ast_alloc(P->scratch, cap);
        if (!p) {
            p_no_memory(P);
            return -1;
        }
        if (b->n) memcpy(p, b->p, b->n);
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

static int buf_putc(Parser *P, Buf *b, char c) { return buf_put(P, b, &c, 1); }

static int put_utf8(Parser *P, Buf *b, unsigned cp)
{
    char u[4];
    return buf_put(P, b, u, utf8_put(u, cp));
}

/* ---- numbers ---- */

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Decimal text of the digits s[0..n) in `base` (any size), in the arena. */
static const char *to_decimal(Parser *P, const char *s, size_t n, int base, size_t *outlen)
{
    /* little-endian limbs of 10^9 */
    size_t cap = n / 2 + 2, used = 1;
    unsigned *limb = ast_alloc(P->scratch, cap * sizeof *limb);
    if (!limb) {
        p_no_memory(P);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned long long carry = (unsigned long long)digit_value(s[i]);
        for (size_t k = 0; k < used; k++) {
            unsigned long long v = (unsigned long long)limb[k] * (unsigned)base + carry;
            limb[k] = (unsigned)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry) limb[used++] = (unsigned)carry;
    }
    char *out = ast_alloc(P->arena, used * 9 + 1);
    if (!out) {
        p_no_memory(P);
        return NULL;
    }
    int k = snprintf(out, 10, "%u", limb[used - 1]);
    size_t len = (size_t)k;
    for (size_t i = used - 1; i-- > 0;) {
        snprintf(out + len, 10, "%09u", limb[i]);
        len += 9;
    }
    *outlen = len;
    return out;
}

Node *p_number(Parser *P, const PTok *t)
{
    Node *n = ast_node(P->arena, AST_Constant, t->lineno, t->col, t->end_lineno, t->end_col);
    char *s = ast_alloc(P->scratch, (size_t)t->n + 1);
    if (!n || !s) {
        p_no_memory(P);
        return NULL;
    }
    size_t len = 0;
    for (int i = 0; i < t->n; i++)
        if (t->s[i] != '_') s[len++] = t->s[i];
    s[len] = '\0';
    AstConst *c = &n->u.constant.value;
    if (len > 1 && s[0] == '0' && strchr("xXoObB", s[1])) {
        int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
        c->kind = CONST_INT;
        c->text = to_decimal(P, s + 2, len - 2, base, &c->len);
        return c->text ? n : NULL;
    }
    if (len && (s[len - 1] == 'j' || s[len - 1] == 'J')) {
        s[len - 1] = '\0';
        c->kind = CONST_COMPLEX;
        c->f = strtod(s, NULL);
        return n;
    }
    if (strpbrk(s, ".eE")) {
        c->kind = CONST_FLOAT;
        c->f = strtod(s, NULL);
        return n;
    }
    c->kind = CONST_INT;
    c->text = to_decimal(P, s, len, 10, &c->len);
    return c->text ? n : NULL;
}

/* ---- escapes ---- */

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* "(unicode error) 'unicodeescape' codec can't decode ..." as pegen
 * raises it (at the last token read). */
static void unicode_error(Parser *P, size_t start, size_t end, const unsigned char *buf,
                          const char *reason)
{
    if (end == start + 1)
        p_raise_last(P, "SyntaxError",
                     "(unicode error) 'unicodeescape' codec can't decode byte 0x%02x in "
                     "position %zu: %s",
                     buf[start], start, reason);
    else
        p_raise_last(P, "SyntaxError",
                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                     "%zu-%zu: %s",
                     start, end - 1, reason);
}

/* decode_unicode_with_escapes: non-ASCII characters first become \UXXXXXXXX
 * (so error positions count in that buffer), then the unicode-escape
 * codec.  UTF-8 out; 0 or -1. */
static int decode_unicode(Parser *P, const char *s, size_t len, Buf *out)
{
    Buf conv = {0};
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        if (*p == '\\') {
            if (buf_putc(P, &conv, '\\') < 0) return -1;
            p++;
            if (p >= end || (*p & 0x80)) {
                if (buf_put(P, &conv, "u005c", 5) < 0) return -1;
                if (p >= end) break;
            }
        }
        if (*p & 0x80) {
            /* one UTF-8 character (the lexer gave valid UTF-8) */
            unsigned cp;
            int k;
            if (*p >= 0xF0) cp = *p & 0x07, k = 3;
            else if (*p >= 0xE0) cp = *p & 0x0F, k = 2;
            else cp = *p & 0x1F, k = 1;
            p++;
            for (; k > 0 && p < end; k--, p++) cp = (cp << 6) | (*p & 0x3F);
            char esc[16];
            snprintf(esc, sizeof esc, "\\U%08x", cp);
            if (buf_put(P, &conv, esc, 10) < 0) return -1;
        } else {
            if (buf_putc(P, &conv, (char)*p) < 0) return -1;
            p++;
        }
    }
    const unsigned char *b = (const unsigned char *)conv.p;
    size_t n = conv.n, i = 0;
    while (i < n) {
        if (b[i] != '\\') {
            if (buf_putc(P, out, (char)b[i]) < 0) return -1;
            i++;
            continue;
        }
        size_t start = i++;
        unsigned char c = b[i++];
        unsigned cp;
        int count;
        const char *msg;
        switch (c) {
        case '\n': continue;
        case '\\': cp = '\\'; break;
        case '\'': cp = '\''; break;
        case '"': cp = '"'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 't': cp = '\t'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 'v': cp = '\v'; break;
        case 'a': cp = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            cp = c - '0';
            if (i < n && b[i] >= '0' && b[i] <= '7') {
                cp = (cp << 3) + (b[i++] - '0');
                if (i < n && b[i] >= '0' && b[i] <= '7') cp = (cp << 3) + (b[i++] - '0');
            }
            break;
        case 'x': count = 2; msg = "truncated \\xXX escape"; goto hex;
        case 'u': count = 4; msg = "truncated \\uXXXX escape"; goto hex;
        case 'U': count = 8; msg = "truncated \\UXXXXXXXX escape"; goto hex;
        hex:
            cp = 0;
            for (; count; count--, i++) {
                int h = i < n ? hexval(b[i]) : -1;
                if (h < 0) {
                    unicode_error(P, start, i, b, msg);
                    return -1;
                }
                cp = (cp << 4) | (unsigned)h;
            }
            if (cp > 0x10FFFF) {
                unicode_error(P, start, i, b, "illegal Unicode character");
                return -1;
            }
            break;
        case 'N': {
            /* \N{name} needs the Unicode name database: not in refscope */
            size_t k = i;
            if (k < n && b[k] == '{') {
                while (k < n && b[k] != '}') k++;
                if (k < n && k > i + 1) {
                    Node fake = {.lineno = P->toks[P->mark - 1]->lineno,
                                 .col = P->toks[P->mark - 1]->col,
                                 .end_lineno = P->toks[P->mark - 1]->end_lineno,
                                 .end_col = P->toks[P->mark - 1]->end_col};
                    p_unsupported(P, fake.lineno, fake.col, fake.end_lineno, fake.end_col,
                                  "'\\N{...}' escapes are");
                    i = k + 1;
                    cp = 0xFFFD;
                    break;
                }
                unicode_error(P, start, k < n ? k + 1 : n, b, k < n ? "unknown Unicode character name"
                                                                    : "malformed \\N character escape");
                return -1;
            }
            unicode_error(P, start, i, b, "malformed \\N character escape");
            return -1;
        }
        default:
            /* an invalid escape stays as written (a DeprecationWarning) */
            if (buf_putc(P, out, '\\') < 0) return -1;
            i--;
            continue;
        }
        if (put_utf8(P, out, cp) < 0) return -1;
    }
    return 0;
}

/* PyBytes_DecodeEscape */
static int decode_bytes(Parser *P, const char *s, size_t len, Buf *out)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        if (*p != '\\') {
            if (buf_putc(P, out, (char)*p++) < 0) return -1;
            continue;
        }
        p++;
        if (p >= end) {
            p_raise_last(P, "SyntaxError", "(value error) Trailing \\ in string");
            return -1;
        }
        unsigned c;
        switch (*p++) {
        case '\n': continue;
        case '\\': c = '\\'; break;
        case '\'': c = '\''; break;
        case '"': c = '"'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 't': c = '\t'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 'v': c = '\v'; break;
        case 'a': c = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            c = p[-1] - '0';
            if (p < end && *p >= '0' && *p <= '7') {
                c = (c << 3) + (unsigned)(*p++ - '0');
                if (p < end && *p >= '0' && *p <= '7') c = (c << 3) + (unsigned)(*p++ - '0');
            }
            c &= 0xFF;
            break;
        case 'x':
            if (p + 1 < end && hexval(p[0]) >= 0 && hexval(p[1]) >= 0) {
                c = (unsigned)(hexval(p[0]) << 4 | hexval(p[1]));
                p += 2;
                break;
            }
            p_raise_last(P, "SyntaxError", "(value error) invalid \\x escape at position %zu",
                         (size_t)(p - 2 - (const unsigned char *)s));
            return -1;
        default:
            if (buf_putc(P, out, '\\') < 0) return -1;
            p--;
            continue;
        }
        if (buf_putc(P, out, (char)c) < 0) return -1;
    }
    return 0;
}

/* ---- one STRING token ---- */

typedef struct StrTok {
    int bytes, raw, fmode, u;
    const char *body; /* between the quotes */
    size_t len;
} StrTok;

/* _PyPegen_parsestr's prefix and quote handling */
static void split_string(const PTok *t, StrTok *st)
{
    const char *s = t->s;
    memset(st, 0, sizeof *st);
    st->u = s[0] == 'u';
    while (*s != '\'' && *s != '"') {
        if (*s == 'b' || *s == 'B') st->bytes = 1;
        else if (*s == 'r' || *s == 'R') st->raw = 1;
        else if (*s == 'f' || *s == 'F') st->fmode = 1;
        s++;
    }
    char q = *s;
    size_t len = (size_t)(t->n - (s - t->s));
    s++;
    len -= 2;
    if (len >= 4 && s[0] == q && s[1] == q) {
        s += 2;
        len -= 4;
    }
    st->body = s;
    st->len = len;
}

/* ---- f-strings (FstringParser) ---- */

typedef struct FState {
    Buf last;          /* the pending literal */
    int has_last;
    NodeList values;
    int fmode;
} FState;

typedef struct FCtx {
    const PTok *first, *t, *last;
} FCtx;

static Node *str_constant(Parser *P, const char *s, size_t n, const PTok *first, const PTok *last)
{
    Node *c = ast_node(P->arena, AST_Constant, first->lineno, first->col, last->end_lineno,
                       last->end_col);
    char *text = ast_alloc(P->arena, n + 1);
    if (!c || !text) {
        p_no_memory(P);
        return NULL;
    }
    memcpy(text, s, n);
    c->u.constant.value.kind = CONST_STR;
    c->u.constant.value.text = text;
    c->u.constant.value.len = n;
    if (first->s[0] == 'u') c->u.constant.kind = "u";
    return c;
}

static int state_concat(Parser *P, FState *st, const char *s, size_t n)
{
    if (!n) return 0;
    st->has_last = 1;
    return buf_put(P, &st->last, s, n);
}

/* the pending literal as a Constant node, appended */
static int flush_last(Parser *P, FState *st, const PTok *first, const PTok *last)
{
    if (!st->has_last) return 0;
    Node *c = str_constant(P, st->last.p, st->last.n, first, last);
    st->has_last = 0;
    st->last.n = 0;
    if (!c) return -1;
    return p_push(P, &st->values, c);
}

static int fstring_concat(Parser *P, FState *st, const char **str, const char *end, int raw,
                          int lvl, FCtx *cx);

/* _PyPegen_FstringParser_Finish */
static Node *fstate_finish(Parser *P, FState *st, const PTok *first, const PTok *last)
{
    if (!st->fmode) {
        if (!st->has_last) return str_constant(P, "", 0, first, last);
        return str_constant(P, st->last.p, st->last.n, first, last);
    }
    if (flush_last(P, st, first, last) < 0) return NULL;
    Node *j = ast_node(P->arena, AST_JoinedStr, first->lineno, first->col, last->end_lineno,
                       last->end_col);
    if (!j) {
        p_no_memory(P);
        return NULL;
    }
    j->u.joinedstr.values = st->values;
    return j;
}

/* fstring_find_literal: 0 at the end of the literal, 1 after a doubled
 * brace (the caller loops), -1 on error. */
static int find_literal(Parser *P, const char **str, const char *end, int raw, int lvl,
                        FState *st)
{
    const char *s = *str, *start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                    continue;
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    p_raise_last(P, "SyntaxError", "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (start != s) {
        if (raw) return state_concat(P, st, start, (size_t)(s - start)) < 0 ? -1 : result;
        Buf lit = {0};
        if (decode_unicode(P, start, (size_t)(s - start), &lit) < 0) return -1;
        if (state_concat(P, st, lit.p, lit.n) < 0) return -1;
    }
    return result;
}

static int is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

#define FSTRING_MAXLEVEL 200

/* fstring_find_expr: one {expression[=][!c][:spec]}; the FormattedValue
 * in *out, the '=' text (if any) appended to the literal. */
static int find_expr(Parser *P, const char **str, const char *end, int raw, int lvl, FState *st,
                     FCtx *cx, Node **out)
{
    if (lvl >= 2) {
        p_raise_last(P, "SyntaxError", "f-string: expressions nested too deeply");
        return -1;
    }
    *str += 1;
    const char *expr_start = *str, *expr_end;
    char quote = 0;
    int string_type = 0;
    int depth = 0;
    char stack[FSTRING_MAXLEVEL];
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            p_raise_last(P, "SyntaxError", "f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote = 0;
                        continue;
                    }
                } else {
                    quote = 0;
                    string_type = 0;
                    continue;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= FSTRING_MAXLEVEL) {
                p_raise_last(P, "SyntaxError", "f-string: too many nested parenthesis");
                return -1;
            }
            stack[depth++] = ch;
        } else if (ch == '#') {
            p_raise_last(P, "SyntaxError", "f-string expression part cannot include '#'");
            return -1;
        } else if (depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                    (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                p_raise_last(P, "SyntaxError", "f-string: unmatched '%c'", ch);
                return -1;
            }
            char opening = stack[--depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                p_raise_last(P, "SyntaxError",
                             "f-string: closing parenthesis '%c' does not match opening "
                             "parenthesis '%c'",
                             ch, opening);
                return -1;
            }
        }
    }
    expr_end = *str;
    if (quote) {
        p_raise_last(P, "SyntaxError", "f-string: unterminated string");
        return -1;
    }
    if (depth) {
        p_raise_last(P, "SyntaxError", "f-string: unmatched '%c'", stack[depth - 1]);
        return -1;
    }
    if (*str >= end) goto unexpected_end;
    Node *expr = p_fstring_expr(P, cx->t, expr_start, expr_end);
    if (!expr) return -1;
    int has_text = 0;
    if (**str == '=') {
        *str += 1;
        while (*str < end && is_ascii_space(**str)) *str += 1;
        if (*str >= end) goto unexpected_end;
        if (state_concat(P, st, expr_start, (size_t)(*str - expr_start)) < 0) return -1;
        has_text = 1;
    }
    int conversion = -1;
    if (**str == '!') {
        *str += 1;
        if (*str >= end) goto unexpected_end;
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            p_raise_last(P, "SyntaxError",
                         "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
    }
    Node *spec = NULL;
    if (*str < end && **str == ':') {
        *str += 1;
        if (*str >= end) goto unexpected_end;
        /* fstring_parse: the spec is a JoinedStr at the current token */
        FState sub = {0};
        if (fstring_concat(P, &sub, str, end, raw, lvl + 1, cx) < 0) return -1;
        spec = fstate_finish(P, &sub, cx->t, cx->t);
        if (!spec) return -1;
    }
    if (*str >= end || **str != '}') goto unexpected_end;
    *str += 1;
    if (has_text && !spec && conversion == -1) conversion = 'r';
    Node *fv = ast_node(P->arena, AST_FormattedValue, cx->first->lineno, cx->first->col,
                        cx->last->end_lineno, cx->last->end_col);
    if (!fv) {
        p_no_memory(P);
        return -1;
    }
    fv->u.fvalue.value = expr;
    fv->u.fvalue.conversion = conversion;
    fv->u.fvalue.format_spec = spec;
    *out = fv;
    return 0;
unexpected_end:
    p_raise_last(P, "SyntaxError", "f-string: expecting '}'");
    return -1;
}

/* _PyPegen_FstringParser_ConcatFstring */
static int fstring_concat(Parser *P, FState *st, const char **str, const char *end, int raw,
                          int lvl, FCtx *cx)
{
    st->fmode = 1;
    for (;;) {
        int r = find_literal(P, str, end, raw, lvl, st);
        if (r < 0) return -1;
        if (r == 1) continue;
        if (*str >= end || **str == '}') break;
        Node *expr = NULL;
        if (find_expr(P, str, end, raw, lvl, st, cx, &expr) < 0) return -1;
        if (flush_last(P, st, cx->first, cx->last) < 0) return -1;
        if (p_push(P, &st->values, expr) < 0) return -1;
    }
    if (lvl == 0 && *str < end - 1) {
        p_raise_last(P, "SyntaxError", "f-string: unexpected end of string");
        return -1;
    }
    if (lvl != 0 && (*str >= end || **str != '}')) {
        p_raise_last(P, "SyntaxError", "f-string: expecting '}'");
        return -1;
    }
    return 0;
}

/* _PyPegen_concatenate_strings over toks[first..last] */
Node *p_concatenate_strings(Parser *P, int first, int last)
{
    const PTok *ft = P->toks[first], *lt = P->toks[last];
    int bytesmode = 0;
    Buf bytes = {0};
    FState st = {0};
    for (int i = first; i <= last; i++) {
        const PTok *t = P->toks[i];
        StrTok s;
        split_string(t, &s);
        if (i != first && bytesmode != s.bytes) {
            p_raise_last(P, "SyntaxError", "cannot mix bytes and nonbytes literals");
            return NULL;
        }
        bytesmode = s.bytes;
        if (s.fmode) {
            const char *str = s.body;
            FCtx cx = {ft, t, lt};
            if (fstring_concat(P, &st, &str, s.body + s.len, s.raw, 0, &cx) < 0) return NULL;
            continue;
        }
        int raw = s.raw || !memchr(s.body, '\\', s.len);
        if (s.bytes) {
            for (size_t k = 0; k < s.len; k++)
                if ((unsigned char)s.body[k] >= 0x80) {
                    p_raise_at(P, "SyntaxError", t->lineno, t->col, t->end_lineno, t->end_col,
                               "bytes can only contain ASCII literal characters");
                    return NULL;
                }
            if (raw) {
                if (buf_put(P, &bytes, s.body, s.len) < 0) return NULL;
            } else if (decode_bytes(P, s.body, s.len, &bytes) < 0) {
                return NULL;
            }
        } else if (raw) {
            if (state_concat(P, &st, s.body, s.len) < 0) return NULL;
        } else {
            Buf lit = {0};
            if (decode_unicode(P, s.body, s.len, &lit) < 0) return NULL;
            if (state_concat(P, &st, lit.p, lit.n) < 0) return NULL;
        }
    }
    if (bytesmode) {
        Node *c = ast_node(P->arena, AST_Constant, ft->lineno, ft->col, lt->end_lineno,
                           lt->end_col);
        char *text = ast_alloc(P->arena, bytes.n + 1);
        if (!c || !text) {
            p_no_memory(P);
            return NULL;
        }
        if (bytes.n) memcpy(text, bytes.p, bytes.n);
        c->u.constant.value.kind = CONST_BYTES;
        c->u.constant.value.text = text;
        c->u.constant.value.len = bytes.n;
        return c;
    }
    return fstate_finish(P, &st, ft, lt);
}

/* ---- an f-string's expression: fstring_compile_expr ---- */


static Node *p_fstring_expr(Parser *P, const PTok *t, const char *expr_start, const char *expr_end)
{
    const char *s;
    for (s = expr_start; s != expr_end; s++)
        if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) break;
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
            return p_raise_last(P, "SyntaxError", "f-string: expression required before '%c'",
                                *expr_end);
        return p_raise_last(P, "SyntaxError", "f-string: empty expression not allowed");
    }
    size_t len = (size_t)(expr_end - expr_start);
    char *str = ast_alloc(P->scratch, len + 3);
    if (!str) {
        p_no_memory(P);
        return NULL;
    }
    memcpy(str + 1, expr_start, len);
    str[0] = '(';
    str[len + 1] = ')';
    str[len + 2] = '\0';

    /* fstring_find_expr_location */
    int lines = 0, cols = 0;
    const char *brace = expr_start - 1;
    int newline_after_brace = 1;
    for (const char *q = brace + 1; q < t->s + t->n && *q != '}' && *q != '\n'; q++)
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = 0;
            break;
        }
    if (!newline_after_brace) {
        const char *q = brace;
        while (q > t->s && *q != '\n') q--;
        cols += (int)(brace - q);
        if (*q == '\n') cols -= 1;
    }
    for (const char *q = t->s; q < brace; q++)
        if (*q == '\n') lines++;

    Parser Q;
    memset(&Q, 0, sizeof Q);
    Q.arena = P->arena;
    Q.scratch = P->scratch;
    Q.parent = P;
    Q.src = str;
    Q.len = len + 2;
    Q.filename = P->filename;
    Q.err = P->err;
    Q.fstring = 1;
    Q.starting_lineno = t->lineno + lines;
    Q.starting_col = lines ? cols : t->col + cols;
    Q.depth = P->depth;
    Q.lex = lex_new(str, len + 2, P->filename);
    if (!Q.lex) {
        p_no_memory(P);
        return NULL;
    }
    Node *res = p_run_rule(&Q, r_star_expressions);
    free(Q.toks);
    lex_free(Q.lex);
    if (!res) {
        for (Parser *R = P; R; R = R->parent) R->error = 1;
    }
    return res;
}

