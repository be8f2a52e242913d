/*
 * test_rt_num.c -- the numeric runtime (runtime/numops.h) against CPython
 * 3.11: every operator on ints, bools and floats (special values,
 * mixed operands, big ints), comparisons (exact int/float), unary
 * operators, truth, int()/float()/bool(), the int and float methods and
 * the numeric builtins with good and bad arguments.  The expectations
 * (tests/data/runtime/num.txt) come from tests/runtime/gen_num.py run by
 * python3: the result's type, repr, sys.getsizeof and identity with an
 * operand, or the exception's type and str(), or "declined" where CPython
 * returns NotImplemented.  The heap audit runs every few hundred cases
 * and at the end; every reference is released.
 *
 * sum, min and max iterate through the runtime protocols (rt_iter,
 * rt_next, rt_compare_bool, rt_binop of runtime/ops.c), so their cases
 * test those protocols too.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/numops.h"
#include "runtime/runtime.h"

#define MAXLINE 20000

static Obj retain(Sim *S, Obj o)
{
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

static void release(Sim *S, Obj o) { ob_decref(S, o, HOLD_TEMP); }

/* The generator's escapes, applied to actual text before comparing. */
static void esc_append(char *out, size_t cap, size_t *k, const char *s, size_t n)
{
    for (size_t i = 0; i < n && *k + 5 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\') *k += (size_t)snprintf(out + *k, cap - *k, "\\\\");
        else if (c == '\t') *k += (size_t)snprintf(out + *k, cap - *k, "\\t");
        else if (c == '\n') *k += (size_t)snprintf(out + *k, cap - *k, "\\n");
        else if (c == '\r') *k += (size_t)snprintf(out + *k, cap - *k, "\\r");
        else if (c < 0x20 || c == 0x7f) *k += (size_t)snprintf(out + *k, cap - *k, "\\x%02x", c);
        else out[(*k)++] = (char)c;
    }
    out[*k] = '\0';
}

/* A value from the generator's encoding: a new reference. */
static Obj make_value(Sim *S, const char *tok)
{
    const char *v = tok + 2;
    switch (tok[0]) {
    case 'i': return ts_ok(S, int_from_str(S, v, strlen(v)));
    case 'f': return ts_ok(S, float_from_double(S, strtod(v, NULL)));
    case 'b': return retain(S, v[0] == '1' ? S->true_ : S->false_);
    case 'n': return retain(S, S->none);
    case 's': {
        char *buf = malloc(strlen(v) + 1);
        size_t n = ts_unescape(v, buf);
        Obj o = ts_ok(S, str_from_utf8(S, buf, n));
        free(buf);
        return o;
    }
    case 'y': {
        size_t n = strlen(v) / 2;
        unsigned char *buf = malloc(n + 1);
        for (size_t i = 0; i < n; i++) sscanf(v + 2 * i, "%2hhx", &buf[i]);
        Obj o = ts_ok(S, bytes_from(S, buf, (int64_t)n));
        free(buf);
        return o;
    }
    case 'l': { /* a list of comma-separated values */
        Obj l = ts_ok(S, list_new(S, 0));
        char buf[4096], *save = NULL;
        snprintf(buf, sizeof buf, "%s", v);
        for (char *p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
            Obj x = make_value(S, p);
            assert_int_equal(list_append(S, l, x), 0);
            release(S, x);
        }
        return l;
    }
    default: fail_msg("bad value %s", tok); return 0;
    }
}

/* KIND|TEXT of a result (tuples: items joined by ';'). */
static void describe_item(Sim *S, Obj r, char *out, size_t cap, size_t *k)
{
    char name[80];
    *k += (size_t)snprintf(out + *k, cap - *k, "%s|", ob_type_name(S, r, name, sizeof name));
    if (ob_is(S, r, TI_BOOL)) {
        *k += (size_t)snprintf(out + *k, cap - *k, "%s", r == S->true_ ? "True" : "False");
    } else if (ob_is(S, r, TI_INT)) {
        *k += int_to_decimal(S, r, out + *k, cap - *k);
    } else if (ob_is(S, r, TI_FLOAT)) {
        *k += (size_t)float_repr_buf(float_value(S, r), out + *k, cap - *k);
    } else if (ob_is(S, r, TI_STR)) {
        char buf[4096];
        size_t n = str_to_utf8(S, r, buf, sizeof buf);
        esc_append(out, cap, k, buf, n < sizeof buf ? n : sizeof buf - 1);
    } else if (ob_is(S, r, TI_BYTES)) {
        for (int64_t i = 0; i < bytes_len(S, r); i++)
            *k += (size_t)snprintf(out + *k, cap - *k, "%02x", bytes_data(S, r)[i]);
    } else if (r == S->none) {
        *k += (size_t)snprintf(out + *k, cap - *k, "None");
    } else if (ob_is(S, r, TI_TUPLE)) {
        for (int64_t i = 0; i < ob_size(S, r); i++) {
            if (i) out[(*k)++] = ';';
            describe_item(S, tuple_item(S, r, i), out, cap, k);
        }
    } else {
        *k += (size_t)snprintf(out + *k, cap - *k, "?");
    }
    out[*k] = '\0';
}

/* The pending exception as E:TYPE:str(e), then cleared. */
static void describe_exc(Sim *S, char *out, size_t cap)
{
    char name[80], msg[2048];
    Obj e = S->exc, args = ob_get64(S, e, EXC_ARGS_OFF);
    size_t k = (size_t)snprintf(out, cap, "E:%s:", ob_type_name(S, e, name, sizeof name));
    if (args && ob_size(S, args) == 1 && ob_is(S, tuple_item(S, args, 0), TI_STR)) {
        size_t n = str_to_utf8(S, tuple_item(S, args, 0), msg, sizeof msg);
        esc_append(out, cap, &k, msg, n < sizeof msg ? n : sizeof msg - 1);
    } else if (args && ob_size(S, args) == 2 && ob_is(S, tuple_item(S, args, 0), TI_INT)) {
        /* OSError-style (errno, text): str(e) is the args' repr */
        char num[32];
        int_to_decimal(S, tuple_item(S, args, 0), num, sizeof num);
        str_to_utf8(S, tuple_item(S, args, 1), msg, sizeof msg);
        snprintf(out + k, cap - k, "(%s, '%s')", num, msg);
    }
    exc_clear(S);
}

/* The expectation text for result r (0: failure or declined). */
static void describe(Sim *S, Obj r, Obj a, Obj b, char *out, size_t cap)
{
    if (!r) {
        if (S->exc) describe_exc(S, out, cap);
        else snprintf(out, cap, "NI");
        return;
    }
    assert_null(S->exc);
    size_t k = 0;
    describe_item(S, r, out, cap, &k);
    k += (size_t)snprintf(out + k, cap - k, "|%llu|%s", (unsigned long long)ob_getsizeof(S, r),
                          r == a ? "a" : r == b ? "b" : "-");
    /* the small-int cache: every result in -5..256 is the singleton */
    if (ob_is(S, r, TI_INT) && ob_size(S, r) >= -1 && ob_size(S, r) <= 1) {
        char dec[32];
        int_to_decimal(S, r, dec, sizeof dec);
        long v = strtol(dec, NULL, 10);
        if (v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) assert_true(r == int_small(S, v));
    }
}

static const CFuncDef *find_fn(const CFuncDef *t, const char *name)
{
    for (; t->name; t++)
        if (!strcmp(t->name, name)) return t;
    return NULL;
}

typedef struct Counts {
    int cases, failures;
} Counts;

static void check(Counts *c, const char *line, const char *got, const char *want)
{
    c->cases++;
    if (strcmp(got, want)) {
        if (c->failures++ < 40) print_error("%s\n    got  %s\n    want %s\n", line, got, want);
    }
}

/* One "call" line: FUNC N ARGS... KW EXPECT. */
static void run_call(Sim *S, Counts *c, char **f, int nf, const char *line)
{
    const char *func = f[1];
    int n = atoi(f[2]);
    assert_true(nf == 5 + n);
    Obj args[16];
    int total = 0;
    for (int i = 0; i < n; i++) args[total++] = make_value(S, f[3 + i]);
    const char *kw = f[3 + n];
    Obj kwnames = 0;
    if (strcmp(kw, "-")) {
        char buf[512], *save = NULL;
        Obj names[8];
        int nk = 0;
        snprintf(buf, sizeof buf, "%s", kw);
        for (char *p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
            char *eq = strchr(p, '=');
            *eq = '\0';
            names[nk++] = ts_ok(S, str_from_cstr(S, p));
            args[total++] = make_value(S, eq + 1);
        }
        kwnames = ts_ok(S, tuple_new(S, nk));
        for (int i = 0; i < nk; i++) tuple_set_item(S, kwnames, i, names[i]);
    }
    Obj r = 0;
    const CFuncDef *d;
    if (!strcmp(func, "int")) r = cf_new_int(S, S->types[TI_INT].type, args, n, kwnames);
    else if (!strcmp(func, "float")) r = cf_new_float(S, S->types[TI_FLOAT].type, args, n, kwnames);
    else if (!strcmp(func, "bool")) r = cf_new_bool(S, S->types[TI_BOOL].type, args, n, kwnames);
    else if (!strncmp(func, "int.", 4) && (d = find_fn(cf_int_methods, func + 4)))
        r = d->fn(S, args[0], args + 1, n - 1, kwnames);
    else if (!strncmp(func, "float.", 6) && (d = find_fn(cf_float_methods, func + 6)))
        r = d->fn(S, args[0], args + 1, n - 1, kwnames);
    else if ((d = find_fn(cf_builtins_num, func)))
        r = d->fn(S, 0, args, n, kwnames);
    else
        fail_msg("unknown function %s", func);
    char got[MAXLINE];
    describe(S, r, n > 0 ? args[0] : 0, n > 1 ? args[1] : 0, got, sizeof got);
    check(c, line, got, f[4 + n]);
    if (r) release(S, r);
    for (int i = 0; i < total; i++) release(S, args[i]);
    if (kwnames) release(S, kwnames);
}

static void test_against_cpython(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    FILE *fp = fopen(TEST_DATA_DIR "/runtime/num.txt", "r");
    assert_non_null(fp);
    static char line[MAXLINE], copy[MAXLINE];
    Counts c = {0, 0};
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || !line[0]) continue;
        snprintf(copy, sizeof copy, "%s", line);
        char *f[32];
        int nf = 0;
        for (char *p = line; nf < 32;) {
            f[nf++] = p;
            char *t = strchr(p, '\t');
            if (!t) break;
            *t = '\0';
            p = t + 1;
        }
        char got[MAXLINE];
        if (!strcmp(f[0], "binop") || !strcmp(f[0], "cmp")) {
            Obj a = make_value(S, f[1]), b = make_value(S, f[3]);
            int op = atoi(f[2]);
            Obj r = f[0][0] == 'b' ? numop_binop(S, a, b, op) : numop_richcompare(S, a, b, op);
            describe(S, r, a, b, got, sizeof got);
            check(&c, copy, got, f[4]);
            if (r) release(S, r);
            release(S, a);
            release(S, b);
        } else if (!strcmp(f[0], "unary")) {
            Obj a = make_value(S, f[1]);
            Obj r = numop_unary(S, a, atoi(f[2]));
            describe(S, r, a, 0, got, sizeof got);
            check(&c, copy, got, f[3]);
            if (r) release(S, r);
            release(S, a);
        } else if (!strcmp(f[0], "truth")) {
            Obj a = make_value(S, f[1]);
            snprintf(got, sizeof got, "%d", numop_truth(S, a));
            check(&c, copy, got, f[2]);
            release(S, a);
        } else if (!strcmp(f[0], "call")) {
            run_call(S, &c, f, nf, copy);
        } else {
            fail_msg("bad line %s", copy);
        }
        assert_null(S->exc);
        if (c.cases % 500 == 0) ts_obcheck(S);
    }
    fclose(fp);
    ts_obcheck(S);
    print_message("%d cases, %d failures\n", c.cases, c.failures);
    assert_int_equal(c.failures, 0);
    assert_true(c.cases > 10000);
    sim_free(S);
}

/* Results come from the float free list and the small-int cache as in
 * CPython; a float operand dead after the operation is reused. */
static void test_identity_and_freelist(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj a = ts_ok(S, int_from_i64(S, 100)), b = ts_ok(S, int_from_i64(S, 156));
    Obj r = ts_ok(S, numop_binop(S, a, b, 0));
    assert_true(r == int_small(S, 256)); /* 100 + 156 is 256 */
    release(S, r);
    r = ts_ok(S, numop_binop(S, b, a, 13 + 0)); /* += */
    assert_true(r == int_small(S, 256));
    release(S, r);
    Obj big = ts_ok(S, numop_binop(S, int_small(S, 200), int_small(S, 57), 0));
    assert_false(ob_static_base(S, big)); /* 257 is a fresh int */
    release(S, big);
    release(S, a);
    release(S, b);
    /* x + 1.0 then dropping it: the next float takes the same block */
    Obj x = ts_ok(S, float_from_double(S, 2.5));
    Obj y = ts_ok(S, numop_binop(S, x, int_small(S, 1), 0));
    Obj addr = y;
    release(S, y);
    y = ts_ok(S, numop_unary(S, x, 11));
    assert_true(y == addr);
    assert_true(float_value(S, y) == -2.5);
    Obj p = ts_ok(S, numop_unary(S, x, 10));
    assert_true(p == x); /* +float is the float itself */
    release(S, p);
    release(S, y);
    release(S, x);
    /* not numbers: declined without an exception */
    Obj s = ts_ok(S, str_from_cstr(S, "ab"));
    assert_true(numop_binop(S, s, int_small(S, 1), 0) == 0 && !S->exc);
    assert_true(numop_richcompare(S, int_small(S, 1), s, CMP_LT) == 0 && !S->exc);
    assert_true(numop_unary(S, s, 11) == 0 && !S->exc);
    assert_int_equal(numop_truth(S, s), -1);
    release(S, s);
    ts_obcheck(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_identity_and_freelist),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
