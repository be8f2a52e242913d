/*
 * test_rt_text.c -- the runtime's text layer against CPython 3.11: repr,
 * str and ascii of the built-in types (runtime/repr.c), format() and its
 * mini-language (format.c), the str operators and %-formatting (strops.c)
 * and the str methods (str_methods.c).
 *
 * tests/data/runtime/text.txt (tests/runtime/gen_text.py, run by python3
 * with PYTHONHASHSEED=0) lists each case with its operands and CPython's
 * outcome: the result's repr, whether it is the first operand itself, a
 * singleton or a new object, and its sys.getsizeof -- or the exception's
 * type and message.  Each case is rebuilt here on a fresh interpreter
 * state shared by the whole run, and the refcount ledger is audited
 * every few hundred cases and at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/cfunc.h"
#include "runtime/runtime.h"
#include "runtime/strops.h"

/* ---- values from tokens ---- */

typedef struct Toks {
    char **t;
    size_t n, i;
} Toks;

static Toks split_tokens(char *s)
{
    Toks k = {0, 0, 0};
    size_t cap = 16;
    k.t = malloc(cap * sizeof *k.t);
    if (!strcmp(s, "-")) return k;
    for (char *p = strtok(s, " "); p; p = strtok(NULL, " ")) {
        if (k.n == cap) k.t = realloc(k.t, (cap *= 2) * sizeof *k.t);
        k.t[k.n++] = p;
    }
    return k;
}

static size_t unhex(const char *h, unsigned char *out)
{
    size_t n = 0;
    for (; h[2 * n] && h[2 * n + 1]; n++) sscanf(h + 2 * n, "%2hhx", &out[n]);
    return n;
}

static ExcId exc_by_name(Sim *S, const char *name)
{
    for (int i = 0; i < EXC_COUNT; i++)
        if (!strcmp(exc_type_name(S, S->exc_types[i]), name)) return (ExcId)i;
    fail_msg("unknown exception %s", name);
    return EXC_Exception;
}

static Obj parse_value(Sim *S, Toks *k);

/* Items up to the closing token, as a new list (then converted). */
static Obj parse_items(Sim *S, Toks *k, const char *close)
{
    Obj l = ts_ok(S, list_new(S, 0));
    while (strcmp(k->t[k->i], close)) {
        Obj v = parse_value(S, k);
        assert_int_equal(list_append(S, l, v), 0);
        ob_decref(S, v, HOLD_TEMP);
    }
    k->i++;
    return l;
}

static Obj list_to_tuple(Sim *S, Obj l)
{
    int64_t n = list_len(S, l);
    Obj t = n ? ts_ok(S, tuple_new(S, n)) : S->empty_tuple;
    if (!n) ob_incref(S, t, HOLD_TEMP);
    for (int64_t i = 0; i < n; i++) {
        Obj v = list_get(S, l, i);
        ob_incref(S, v, HOLD_TEMP);
        tuple_set_item(S, t, i, v);
    }
    ob_decref(S, l, HOLD_TEMP);
    return t;
}

static Obj parse_value(Sim *S, Toks *k)
{
    assert_true(k->i < k->n);
    char *t = k->t[k->i++];
    unsigned char buf[4096];
    switch (t[0]) {
    case 's': {
        size_t n = unhex(t + 1, buf);
        return ts_ok(S, str_from_utf8(S, (char *)buf, n));
    }
    case 'b': {
        size_t n = unhex(t + 1, buf);
        return ts_ok(S, bytes_from(S, buf, (int64_t)n));
    }
    case 'i': return ts_ok(S, int_from_str(S, t + 1, strlen(t + 1)));
    case 'f': {
        uint64_t bits = strtoull(t + 1, NULL, 16);
        double d;
        memcpy(&d, &bits, sizeof d);
        return ts_ok(S, float_from_double(S, d));
    }
    case 'N': ob_incref(S, S->none, HOLD_TEMP); return S->none;
    case 'T': ob_incref(S, S->true_, HOLD_TEMP); return S->true_;
    case 'F': ob_incref(S, S->false_, HOLD_TEMP); return S->false_;
    case 'E': ob_incref(S, S->ellipsis, HOLD_TEMP); return S->ellipsis;
    case 'Z': ob_incref(S, S->not_implemented, HOLD_TEMP); return S->not_implemented;
    case '(': return list_to_tuple(S, parse_items(S, k, ")"));
    case '[': return parse_items(S, k, "]");
    case '{': {
        Obj l = parse_items(S, k, "}");
        Obj d = ts_ok(S, dict_new(S));
        for (int64_t i = 0; i + 1 < list_len(S, l); i += 2)
            assert_int_equal(dict_setitem(S, d, list_get(S, l, i), list_get(S, l, i + 1)), 0);
        ob_decref(S, l, HOLD_TEMP);
        return d;
    }
    case '<': {
        Obj t2 = list_to_tuple(S, parse_items(S, k, ">"));
        Obj f = ts_ok(S, frozenset_new(S, t2));
        ob_decref(S, t2, HOLD_TEMP);
        return f;
    }
    case 'r': {
        long long a, b, c;
        assert_int_equal(sscanf(t + 1, "%lld,%lld,%lld", &a, &b, &c), 3);
        Obj x = ts_ok(S, int_from_i64(S, a)), y = ts_ok(S, int_from_i64(S, b)), z = ts_ok(S, int_from_i64(S, c));
        Obj r = ts_ok(S, range_new(S, x, y, z));
        ob_decref(S, x, HOLD_TEMP);
        ob_decref(S, y, HOLD_TEMP);
        ob_decref(S, z, HOLD_TEMP);
        return r;
    }
    case 'X': {
        ExcId id = exc_by_name(S, t + 1);
        assert_string_equal(k->t[k->i++], "(");
        Obj args = list_to_tuple(S, parse_items(S, k, ")"));
        exc_set_args(S, id, args);
        Obj e = S->exc;
        S->exc = 0;
        ob_move(S, e, HOLD_INTERNAL(0, R_CURRENT_EXC), HOLD_TEMP);
        return e;
    }
    default: fail_msg("bad token %s", t); return 0;
    }
}

/* All values of a field (each a new reference) into out[], their count. */
static int64_t parse_all(Sim *S, char *field, Obj *out, int64_t cap)
{
    Toks k = split_tokens(field);
    int64_t n = 0;
    while (k.i < k.n) {
        assert_true(n < cap);
        out[n++] = parse_value(S, &k);
    }
    free(k.t);
    return n;
}

static void release_all(Sim *S, Obj *v, int64_t n)
{
    for (int64_t i = 0; i < n; i++) ob_decref(S, v[i], HOLD_TEMP);
}

/* ---- outcomes ---- */

static char *hex_of(const char *s, char *out)
{
    size_t n = strlen(s);
    if (!n) {
        strcpy(out, "-");
        return out;
    }
    for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", (unsigned char)s[i]);
    return out;
}

/* The outcome line of a result (0: the pending exception), as gen_text.py
 * writes it; releases the result and clears the exception. */
static void outcome(Sim *S, Obj r, Obj first, char *out, size_t cap)
{
    static char text[1 << 16], hex[1 << 17];
    if (!r) {
        assert_non_null(S->exc);
        char tn[64];
        ob_type_name(S, S->exc, tn, sizeof tn);
        Obj args = ob_get64(S, S->exc, EXC_ARGS_OFF);
        text[0] = '\0';
        if (args && ob_size(S, args) > 0) {
            Obj a0 = tuple_item(S, args, 0);
            Obj s = ob_is(S, a0, TI_STR) ? (ob_incref(S, a0, HOLD_TEMP), a0) : rt_str(S, a0);
            assert_non_null(s);
            str_to_utf8(S, s, text, sizeof text);
            ob_decref(S, s, HOLD_TEMP);
        }
        snprintf(out, cap, "!%s %s", tn, hex_of(text, hex));
        exc_clear(S);
        return;
    }
    Obj rep = rt_repr(S, r);
    assert_non_null(rep);
    str_to_utf8(S, rep, text, sizeof text);
    ob_decref(S, rep, HOLD_TEMP);
    const char *ident = "new";
    if (r == first) ident = "self";
    else if (ob_is(S, r, TI_STR) && (r == S->empty_str || (str_len(S, r) == 1 && str_char(S, r, 0) < 256 &&
                                                          r == S->latin1[str_char(S, r, 0)])))
        ident = "single";
    snprintf(out, cap, "=%s %s %llu", hex_of(text, hex), ident, (unsigned long long)ob_getsizeof(S, r));
    ob_decref(S, r, HOLD_TEMP);
}

static CFunc method(const char *name)
{
    for (const CFuncDef *d = cf_str_methods; d->name; d++)
        if (!strcmp(d->name, name)) return d->fn;
    fail_msg("no str method %s", name);
    return NULL;
}

/* Keyword arguments "name value ...": values appended to args, names as a
 * tuple (0 when none). */
static Obj keywords(Sim *S, char *field, Obj *args, int64_t *nargs)
{
    Obj kv[16];
    int64_t n = parse_all(S, field, kv, 16);
    if (!n) return 0;
    Obj names = ts_ok(S, tuple_new(S, n / 2));
    for (int64_t i = 0; i < n; i += 2) {
        tuple_set_item(S, names, i / 2, kv[i]);
        args[(*nargs)++] = kv[i + 1];
    }
    return names;
}

static Obj iterate(Sim *S, Obj s)
{
    Obj it = strop_iter(S, s);
    if (!it) return 0;
    assert_int_equal(tp_index(S, ob_type(S, it)), str_is_ascii(S, s) ? TI_STR_ASCII_ITER : TI_STR_ITER);
    Obj l = ts_ok(S, list_new(S, 0));
    Obj c;
    while ((c = strop_iter_next(S, it)) != 0) {
        assert_int_equal(list_append(S, l, c), 0);
        ob_decref(S, c, HOLD_TEMP);
    }
    assert_null(S->exc);
    assert_int_equal(ob_get64(S, it, SEQITER_SEQ_OFF), 0); /* the str is dropped at the end */
    assert_null(strop_iter_next(S, it));
    ob_decref(S, it, HOLD_TEMP);
    return list_to_tuple(S, l);
}

static void test_against_cpython(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    size_t len;
    char *data = ts_read_file(TEST_DATA_DIR "/runtime/text.txt", &len);
    assert_non_null(data);
    int cases = 0, failures = 0;
    static char got[1 << 18];
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[8];
        int nf = 0;
        char *copy = strdup(line);
        for (char *p = copy; nf < 8;) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = '\0';
            p = tab + 1;
        }
        const char *kind = f[0], *want = f[nf - 1];
        Obj v[64], r = 0, first = 0;
        int64_t n = 0;
        if (!strcmp(kind, "M")) {
            Obj self;
            parse_all(S, f[2], &self, 1);
            n = parse_all(S, f[3], v, 60);
            int64_t npos = n;
            Obj kw = keywords(S, f[4], v, &n);
            r = method(f[1])(S, self, v, npos, kw);
            if (kw) ob_decref(S, kw, HOLD_TEMP);
            first = self;
            v[n++] = self;
        } else if (!strcmp(kind, "R") || !strcmp(kind, "S") || !strcmp(kind, "A")) {
            n = parse_all(S, f[1], v, 1);
            r = kind[0] == 'R' ? rt_repr(S, v[0]) : kind[0] == 'S' ? rt_str(S, v[0]) : rt_ascii(S, v[0]);
            first = kind[0] == 'S' ? v[0] : 0;
        } else if (!strcmp(kind, "FMT")) {
            n = parse_all(S, f[1], v, 1);
            n += parse_all(S, f[2], v + 1, 1);
            r = rt_format(S, v[0], v[1]);
            first = ob_is(S, v[0], TI_STR) ? v[0] : 0;
        } else if (!strcmp(kind, "MOD")) {
            n = parse_all(S, f[1], v, 1);
            n += parse_all(S, f[2], v + 1, 1);
            r = strop_mod(S, v[0], v[1]);
            first = v[0];
        } else if (!strcmp(kind, "ADD") || !strcmp(kind, "CMP") || !strcmp(kind, "IN")) {
            n = parse_all(S, f[1], v, 1);
            n += parse_all(S, f[2], v + 1, 1);
            if (kind[0] == 'A') {
                r = strop_concat(S, v[0], v[1]);
                first = v[0];
            } else if (kind[0] == 'C') {
                int c = strop_compare(S, v[0], v[1]);
                r = int_from_i64(S, c < 0 ? -1 : c > 0);
            } else {
                int c = strop_contains(S, v[1], v[0]);
                r = c < 0 ? 0 : (ob_incref(S, c ? S->true_ : S->false_, HOLD_TEMP), c ? S->true_ : S->false_);
            }
        } else if (!strcmp(kind, "MUL")) {
            n = parse_all(S, f[1], v, 1);
            n += parse_all(S, f[2], v + 1, 1);
            int64_t times;
            assert_int_equal(int_as_i64(S, v[1], &times), 0);
            r = strop_repeat(S, v[0], times);
            first = v[0];
        } else if (!strcmp(kind, "ITER")) {
            n = parse_all(S, f[1], v, 1);
            r = iterate(S, v[0]);
        } else if (!strcmp(kind, "SUB")) {
            n = parse_all(S, f[1], v, 1);
            n += parse_all(S, f[2], v + 1, 1);
            r = strop_subscript(S, v[0], v[1]);
            first = v[0];
        } else if (!strcmp(kind, "SLICE")) {
            n = parse_all(S, f[1], v, 1);
            n += parse_all(S, f[2], v + 1, 3);
            Obj sl = ts_ok(S, slice_new(S, v[1], v[2], v[3]));
            r = strop_subscript(S, v[0], sl);
            ob_decref(S, sl, HOLD_TEMP);
            first = v[0];
        } else if (!strcmp(kind, "NEW")) {
            n = parse_all(S, f[1], v, 60);
            int64_t npos = n;
            Obj kw = keywords(S, f[2], v, &n);
            r = cf_new_str(S, S->types[TI_STR].type, v, npos, kw);
            if (kw) ob_decref(S, kw, HOLD_TEMP);
            first = npos ? v[0] : 0;
        } else {
            fail_msg("unknown kind %s", kind);
        }
        outcome(S, r, first, got, sizeof got);
        release_all(S, v, n);
        cases++;
        if (strcmp(got, want)) {
            if (failures++ < 60) print_error("MISMATCH %s\n   got  %s\n", line, got);
        }
        free(copy);
        if (cases % 500 == 0) ts_obcheck(S);
    }
    free(data);
    print_message("%d cases, %d mismatches\n", cases, failures);
    ts_obcheck(S);
    sim_free(S);
    assert_int_equal(failures, 0);
    assert_true(cases > 6000);
}

/* Identities and shapes the data file cannot show directly. */
static void test_identities(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj abc = ts_ok(S, str_from_cstr(S, "abc"));
    /* s + '' and '' + s are s */
    Obj r = ts_ok(S, strop_concat(S, abc, S->empty_str));
    assert_int_equal(r, abc);
    ob_decref(S, r, HOLD_TEMP);
    r = ts_ok(S, strop_concat(S, S->empty_str, abc));
    assert_int_equal(r, abc);
    ob_decref(S, r, HOLD_TEMP);
    /* s[1] is the Latin-1 singleton; iteration yields singletons */
    Obj one = ts_ok(S, int_from_i64(S, 1));
    r = ts_ok(S, strop_subscript(S, abc, one));
    assert_int_equal(r, S->latin1['b']);
    ob_decref(S, r, HOLD_TEMP);
    ob_decref(S, one, HOLD_TEMP);
    /* the iterator holds the str until exhausted */
    int64_t before = ob_refcnt(S, abc);
    Obj it = ts_ok(S, strop_iter(S, abc));
    assert_int_equal(ob_refcnt(S, abc), before + 1);
    for (int i = 0; i < 3; i++) {
        Obj c = ts_ok(S, strop_iter_next(S, it));
        ob_decref(S, c, HOLD_TEMP);
    }
    assert_null(strop_iter_next(S, it));
    assert_int_equal(ob_refcnt(S, abc), before);
    ob_decref(S, it, HOLD_TEMP);
    /* str(s) is s; format(s, '') is s */
    r = ts_ok(S, rt_str(S, abc));
    assert_int_equal(r, abc);
    ob_decref(S, r, HOLD_TEMP);
    r = ts_ok(S, rt_format(S, abc, 0));
    assert_int_equal(r, abc);
    ob_decref(S, r, HOLD_TEMP);
    /* a list containing itself: [[...]] */
    Obj l = ts_ok(S, list_new(S, 0));
    assert_int_equal(list_append(S, l, l), 0);
    r = ts_ok(S, rt_repr(S, l));
    char buf[64];
    str_to_utf8(S, r, buf, sizeof buf);
    assert_string_equal(buf, "[[...]]");
    ob_decref(S, r, HOLD_TEMP);
    Obj d = ts_ok(S, dict_new(S));
    assert_int_equal(dict_setitem(S, d, abc, d), 0);
    r = ts_ok(S, rt_repr(S, d));
    str_to_utf8(S, r, buf, sizeof buf);
    assert_string_equal(buf, "{'abc': {...}}");
    ob_decref(S, r, HOLD_TEMP);
    /* break the cycles by hand: no collector in this test */
    Obj popped = ts_ok(S, list_pop(S, l, 0));
    ob_decref(S, popped, HOLD_TEMP);
    dict_clear(S, d);
    ob_decref(S, d, HOLD_TEMP);
    ob_decref(S, l, HOLD_TEMP);
    /* nesting deeper than the recursion limit: RecursionError, no leak */
    Obj outer = ts_ok(S, list_new(S, 0));
    for (int i = 0; i < 1200; i++) {
        Obj w = ts_ok(S, list_new(S, 0));
        assert_int_equal(list_append(S, w, outer), 0);
        ob_decref(S, outer, HOLD_TEMP);
        outer = w;
    }
    assert_null(rt_repr(S, outer));
    assert_true(exc_matches(S, EXC_RecursionError));
    char msg[128];
    assert_string_equal(exc_message(S, msg, sizeof msg),
                        "maximum recursion depth exceeded while getting the repr of an object");
    exc_clear(S);
    ob_decref(S, outer, HOLD_TEMP);
    ob_decref(S, abc, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_identities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
