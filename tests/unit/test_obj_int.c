/*
 * test_obj_int.c -- int objects against CPython 3.11: values, getsizeof,
 * hashes, the pymalloc requests of every operation (what it leaves
 * allocated and the most it holds at once, temporaries included), the
 * size class of each result, singletons and returned operands, and the
 * exceptions.  The facts are in tests/data/objects/int.txt, produced by
 * tests/objects/gen_int.py on CPython 3.11 (see its header for how each
 * was measured).  The whole-heap audit runs after every case.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* ---- the allocation meter: request bytes live since it started ---- */

typedef struct Meter {
    struct { SimAddr addr; int64_t size; } live[4096];
    size_t n;
    int64_t cur, peak;
    int foreign_frees; /* blocks freed that the operation did not allocate */
    TsEvents seq;      /* BLOCK/RAW alloc and free events, in order */
} Meter;

static void meter_event(void *ud, const SimEvent *ev)
{
    Meter *m = ud;
    if (ev->kind == SIM_EV_BLOCK_ALLOC || ev->kind == SIM_EV_RAW_ALLOC) {
        assert_true(m->n < sizeof m->live / sizeof m->live[0]);
        m->live[m->n].addr = ev->addr;
        m->live[m->n++].size = ev->a;
        m->cur += ev->a;
        if (m->cur > m->peak) m->peak = m->cur;
    } else if (ev->kind == SIM_EV_BLOCK_FREE || ev->kind == SIM_EV_RAW_FREE) {
        size_t i = 0;
        while (i < m->n && m->live[i].addr != ev->addr) i++;
        if (i == m->n) {
            m->foreign_frees++;
        } else {
            m->cur -= m->live[i].size;
            m->live[i] = m->live[--m->n];
        }
    } else {
        return;
    }
    ts_record(&m->seq, ev);
}

static void meter_start(Sim *S, Meter *m)
{
    ts_events_free(&m->seq);
    memset(m, 0, sizeof *m);
    ev_set_sink(&S->ev, meter_event, m, SIM_EVCAT_BLOCK | SIM_EVCAT_RAW);
}

static void meter_stop(Sim *S) { ev_set_sink(&S->ev, NULL, NULL, 0); }

/* ---- operands ---- */

static size_t unhex(const char *hex, char *out)
{
    size_t n = 0;
    if (strcmp(hex, "-"))
        for (; hex[2 * n]; n++) sscanf(hex + 2 * n, "%2hhx", (unsigned char *)&out[n]);
    out[n] = '\0';
    return n;
}

static Obj retain(Sim *S, Obj o)
{
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

/* A token of the data file as a new reference. */
static Obj operand(Sim *S, const char *tok)
{
    if (!strcmp(tok, "True")) return retain(S, S->true_);
    if (!strcmp(tok, "False")) return retain(S, S->false_);
    if (!strcmp(tok, "None")) return retain(S, S->none);
    if (!strncmp(tok, "s:", 2)) {
        char *buf = malloc(strlen(tok) / 2 + 2);
        size_t n = unhex(tok + 2, buf);
        Obj s = ts_ok(S, str_from_utf8(S, buf, n));
        free(buf);
        return s;
    }
    return ts_ok(S, int_from_str_limit(S, tok, strlen(tok), 0));
}

static double bits_to_double(const char *hex)
{
    uint64_t bits = strtoull(hex, NULL, 16);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static void double_bits(double d, char *out)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    sprintf(out, "%016llx", (unsigned long long)bits);
}

/* Floats and 2-tuples waiting on their free lists, as the generator
 * arranged for CPython. */
static void fill_free_lists(Sim *S)
{
    Obj f[4], t[2];
    for (int i = 0; i < 4; i++) f[i] = ts_ok(S, float_from_double(S, i + 0.25));
    for (int i = 0; i < 2; i++) t[i] = ts_ok(S, tuple_new(S, 2));
    for (int i = 0; i < 4; i++) ob_decref(S, f[i], HOLD_TEMP);
    for (int i = 0; i < 2; i++) ob_decref(S, t[i], HOLD_TEMP);
}

/* ---- operations by name ---- */

typedef Obj (*BinFn)(Sim *S, Obj a, Obj b);
typedef Obj (*UnFn)(Sim *S, Obj a);

static BinFn binary(const char *name)
{
    static const struct { const char *name; BinFn fn; } ops[] = {
        {"add", int_add}, {"sub", int_sub}, {"mul", int_mul}, {"sq", int_mul},
        {"floordiv", int_floordiv}, {"mod", int_mod}, {"divmod", int_divmod},
        {"truediv", int_truediv}, {"pow", int_pow}, {"lshift", int_lshift},
        {"rshift", int_rshift}, {"and", int_and}, {"or", int_or}, {"xor", int_xor}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (!strcmp(ops[i].name, name)) return ops[i].fn;
    return NULL;
}

static UnFn unary(const char *name)
{
    static const struct { const char *name; UnFn fn; } ops[] = {
        {"neg", int_neg}, {"pos", int_pos}, {"abs", int_abs}, {"invert", int_invert}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (!strcmp(ops[i].name, name)) return ops[i].fn;
    return NULL;
}

static int exc_id(const char *name)
{
    static const char *names[] = {
#define X(n, base) #n,
        EXCEPTION_TYPES(X)
#undef X
    };
    for (int i = 0; i < EXC_COUNT; i++)
        if (!strcmp(names[i], name)) return i;
    fail_msg("unknown exception %s", name);
    return -1;
}

/* ---- checks ---- */

typedef struct Case {
    Sim *S;
    const char *line;  /* the data line, for messages */
    Meter m;
} Case;

static void expect_str(Case *c, const char *what, const char *got, const char *want)
{
    if (strcmp(got, want)) fail_msg("%.300s\n  %s: refscope %.200s, CPython %.200s", c->line, what, got, want);
}

static void expect_num(Case *c, const char *what, long long got, const char *want)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", got);
    expect_str(c, what, buf, want);
}

/* The value (through int_repr), getsizeof, hash and identity of r. */
static void check_int(Case *c, Obj r, const char *value, const char *size, const char *hash,
                      const char *kind, Obj a, Obj b)
{
    Sim *S = c->S;
    if (!strcmp(kind, "bool")) {
        expect_num(c, "bool identity", r == (strcmp(value, "True") ? S->false_ : S->true_), "1");
        return;
    }
    Obj text = ts_ok(S, int_repr_limit(S, r, 0));
    size_t len = (size_t)str_len(S, text);
    char *buf = malloc(len + 1);
    str_to_utf8(S, text, buf, len + 1);
    expect_str(c, "value", buf, value);
    free(buf);
    ob_decref(S, text, HOLD_TEMP);
    expect_num(c, "getsizeof", (long long)int_sizeof(S, r), size);
    expect_num(c, "hash", (long long)int_hash(S, r), hash);
    if (!strcmp(kind, "small")) {
        int64_t v = 0;
        assert_int_equal(int_as_i64(S, r, &v), 0);
        expect_num(c, "singleton", r == int_small(S, v), "1");
    } else if (!strcmp(kind, "a") || !strcmp(kind, "b")) {
        expect_num(c, "returned operand", r == (kind[0] == 'a' ? a : b), "1");
    } else {
        expect_str(c, "kind", kind, "new");
        expect_num(c, "fresh object", ob_static_base(S, r) == 0 && ob_refcnt(S, r) == 1 && r != a && r != b, "1");
    }
}

/* What the operation left allocated, its peak, and r's size class. */
static void check_memory(Case *c, Obj r, const char *net, const char *peak, const char *cls)
{
    expect_num(c, "frees of older blocks", c->m.foreign_frees, "0");
    expect_num(c, "net bytes", c->m.cur, net);
    if (peak) expect_num(c, "peak bytes", c->m.peak, peak);
    if (!strcmp(cls, "-")) return;
    SimBlockInfo bi;
    assert_int_equal(sim_heap_locate(c->S->heap, r, &bi), 0);
    if (!strcmp(cls, "raw")) expect_num(c, "raw block", !bi.small, "1");
    else expect_num(c, "size class", bi.small ? (long long)bi.size : -1, cls);
}

static void release_all(Sim *S, Obj *objs, int n)
{
    for (int i = 0; i < n; i++)
        if (objs[i]) ob_decref(S, objs[i], HOLD_TEMP);
}

/* ---- one handler per kind of line (f = the fields) ---- */

/* op NAME A B R SIZEOF HASH NET PEAK CLASS KIND */
static void case_op(Case *c, char **f)
{
    Sim *S = c->S;
    Obj a = operand(S, f[2]), b = strcmp(f[1], "sq") ? operand(S, f[3]) : retain(S, a);
    meter_start(S, &c->m);
    Obj r = binary(f[1])(S, a, b);
    meter_stop(S);
    ts_ok(S, r);
    check_int(c, r, f[4], f[5], f[6], f[10], a, b);
    check_memory(c, r, f[7], f[8], f[9]);
    release_all(S, (Obj[]){r, a, b}, 3);
}

/* un NAME A R SIZEOF HASH NET PEAK CLASS KIND */
static void case_un(Case *c, char **f)
{
    Sim *S = c->S;
    Obj a = operand(S, f[2]);
    meter_start(S, &c->m);
    Obj r = unary(f[1])(S, a);
    meter_stop(S);
    ts_ok(S, r);
    check_int(c, r, f[3], f[4], f[5], f[9], a, 0);
    check_memory(c, r, f[6], f[7], f[8]);
    release_all(S, (Obj[]){r, a}, 2);
}

/* divmod A B Q QSIZEOF QHASH R RSIZEOF RHASH NET PEAK QKIND RKIND; the
 * tuple comes from the free list, so the bytes are the two ints'. */
static void case_divmod(Case *c, char **f)
{
    Sim *S = c->S;
    Obj a = operand(S, f[1]), b = operand(S, f[2]);
    fill_free_lists(S);
    meter_start(S, &c->m);
    Obj t = int_divmod(S, a, b);
    meter_stop(S);
    ts_ok(S, t);
    check_int(c, tuple_item(S, t, 0), f[3], f[4], f[5], f[11], a, b);
    check_int(c, tuple_item(S, t, 1), f[6], f[7], f[8], f[12], a, b);
    check_memory(c, t, f[9], f[10], "-");
    release_all(S, (Obj[]){t, a, b}, 3);
}

/* fop NAME A B BITS HASH NET PEAK */
static void case_fop(Case *c, char **f)
{
    Sim *S = c->S;
    Obj a = operand(S, f[2]), b = operand(S, f[3]);
    fill_free_lists(S);
    meter_start(S, &c->m);
    Obj r = binary(f[1])(S, a, b);
    meter_stop(S);
    ts_ok(S, r);
    assert_true(ob_is(S, r, TI_FLOAT));
    char bits[32];
    double_bits(float_value(S, r), bits);
    expect_str(c, "float bits", bits, f[4]);
    expect_num(c, "hash", (long long)float_hash(float_value(S, r)), f[5]);
    check_memory(c, r, f[6], f[7], "-");
    release_all(S, (Obj[]){r, a, b}, 3);
}

/* str LIMIT HEX R SIZEOF HASH NET PEAK CLASS KIND */
static void case_str(Case *c, char **f)
{
    Sim *S = c->S;
    char *text = malloc(strlen(f[2]) / 2 + 2);
    size_t n = unhex(f[2], text);
    meter_start(S, &c->m);
    Obj r = int_from_str_limit(S, text, n, strtoll(f[1], NULL, 10));
    meter_stop(S);
    free(text);
    ts_ok(S, r);
    check_int(c, r, f[3], f[4], f[5], f[9], 0, 0);
    check_memory(c, r, f[6], f[7], f[8]);
    release_all(S, (Obj[]){r}, 1);
}

/* i64 V R SIZEOF HASH NET CLASS KIND */
static void case_i64(Case *c, char **f)
{
    Sim *S = c->S;
    meter_start(S, &c->m);
    Obj r = int_from_i64(S, strtoll(f[1], NULL, 10));
    meter_stop(S);
    ts_ok(S, r);
    check_int(c, r, f[2], f[3], f[4], f[7], 0, 0);
    check_memory(c, r, f[5], NULL, f[6]);
    release_all(S, (Obj[]){r}, 1);
}

/* fromf BITS R SIZEOF HASH NET PEAK CLASS KIND */
static void case_fromf(Case *c, char **f)
{
    Sim *S = c->S;
    meter_start(S, &c->m);
    Obj r = int_from_double(S, bits_to_double(f[1]));
    meter_stop(S);
    ts_ok(S, r);
    check_int(c, r, f[2], f[3], f[4], f[8], 0, 0);
    check_memory(c, r, f[5], f[6], f[7]);
    release_all(S, (Obj[]){r}, 1);
}

/* repr LIMIT A LEN NET PEAK */
static void case_repr(Case *c, char **f)
{
    Sim *S = c->S;
    Obj a = operand(S, f[2]);
    meter_start(S, &c->m);
    Obj r = int_repr_limit(S, a, strtoll(f[1], NULL, 10));
    meter_stop(S);
    ts_ok(S, r);
    expect_num(c, "length", str_len(S, r), f[3]);
    expect_num(c, "ascii", str_is_ascii(S, r), "1");
    size_t len = (size_t)str_len(S, r);
    char *buf = malloc(len + 1);
    str_to_utf8(S, r, buf, len + 1);
    expect_str(c, "text", buf, f[2]);
    free(buf);
    expect_num(c, "fresh str", ob_static_base(S, r) == 0, "1");
    check_memory(c, r, f[4], f[5], "-");
    release_all(S, (Obj[]){r, a}, 2);
}

/* asf A BITS, asi64 A V, cmp A B SIGN, bool A 0|1 */
static void case_small(Case *c, char **f)
{
    Sim *S = c->S;
    Obj a = operand(S, f[1]), b = 0;
    char got[40];
    if (!strcmp(f[0], "asf")) {
        double d;
        assert_int_equal(int_as_double(S, a, &d), 0);
        double_bits(d, got);
    } else if (!strcmp(f[0], "asi64")) {
        int64_t v;
        assert_int_equal(int_as_i64(S, a, &v), 0);
        snprintf(got, sizeof got, "%lld", (long long)v);
    } else if (!strcmp(f[0], "cmp")) {
        b = operand(S, f[2]);
        snprintf(got, sizeof got, "%d", int_compare(S, a, b));
    } else {
        snprintf(got, sizeof got, "%d", int_bool(S, a));
    }
    expect_str(c, f[0], got, f[!strcmp(f[0], "cmp") ? 3 : 2]);
    release_all(S, (Obj[]){a, b}, 2);
}

/* err NAME A B EXC MESSAGE... */
static void case_err(Case *c, char **f, const char *message)
{
    Sim *S = c->S;
    const char *name = f[1];
    Obj a = 0, b = 0, r = 0;
    int failed;
    if (!strcmp(name, "str")) {
        a = operand(S, f[2]);
        char *text = malloc((size_t)str_len(S, a) * 4 + 1);
        size_t n = str_to_utf8(S, a, text, (size_t)str_len(S, a) * 4 + 1);
        r = int_from_str_limit(S, text, n, strtoll(f[3], NULL, 10));
        free(text);
        failed = r == 0;
    } else if (!strcmp(name, "fromf")) {
        failed = (r = int_from_double(S, bits_to_double(f[2]))) == 0;
    } else if (!strcmp(name, "repr")) {
        a = operand(S, f[2]);
        failed = (r = int_repr_limit(S, a, strtoll(f[3], NULL, 10))) == 0;
    } else if (!strcmp(name, "asf")) {
        double d;
        a = operand(S, f[2]);
        failed = int_as_double(S, a, &d) != 0;
    } else if (!strcmp(name, "asi64")) {
        int64_t v;
        a = operand(S, f[2]);
        failed = int_as_i64(S, a, &v) != 0;
    } else if (unary(name)) {
        a = operand(S, f[2]);
        failed = (r = unary(name)(S, a)) == 0;
    } else {
        a = operand(S, f[2]);
        b = operand(S, f[3]);
        failed = (r = binary(name)(S, a, b)) == 0;
    }
    if (!failed) fail_msg("%.300s\n  no exception", c->line);
    char got[512];
    expect_num(c, f[4], exc_matches(S, exc_id(f[4])), "1");
    expect_str(c, "message", exc_message(S, got, sizeof got), message);
    exc_clear(S);
    release_all(S, (Obj[]){r, a, b}, 3);
}

/* Splits line in place; returns the field count.  An err line stops
 * after its fifth field: *rest is the message, spaces and all. */
static int split(char *line, char **f, int max, const char **rest)
{
    int n = 0;
    char *p = line;
    *rest = "";
    while (*p && n < max) {
        while (*p == ' ') p++;
        f[n++] = p;
        while (*p && *p != ' ') p++;
        if (*p) *p++ = '\0';
        if (n == 5 && !strcmp(f[0], "err")) {
            *rest = p;
            break;
        }
    }
    return n;
}

static void run_case(Case *c, char *line)
{
    char *f[16] = {0};
    const char *message;
    c->line = strdup(line);
    int n = split(line, f, 16, &message);
    assert_true(n >= 3);
    if (!strcmp(f[0], "op")) case_op(c, f);
    else if (!strcmp(f[0], "un")) case_un(c, f);
    else if (!strcmp(f[0], "divmod")) case_divmod(c, f);
    else if (!strcmp(f[0], "fop")) case_fop(c, f);
    else if (!strcmp(f[0], "str")) case_str(c, f);
    else if (!strcmp(f[0], "i64")) case_i64(c, f);
    else if (!strcmp(f[0], "fromf")) case_fromf(c, f);
    else if (!strcmp(f[0], "repr")) case_repr(c, f);
    else if (!strcmp(f[0], "err")) case_err(c, f, message);
    else if (!strcmp(f[0], "asf") || !strcmp(f[0], "asi64") || !strcmp(f[0], "cmp") ||
             !strcmp(f[0], "bool"))
        case_small(c, f);
    else fail_msg("unknown fact kind %s", f[0]);
    free((void *)c->line);
}

/* Every fact CPython gave us, rebuilt here; the audit after each. */
static void test_against_cpython(void **state)
{
    (void)state;
    Case *c = calloc(1, sizeof *c);
    c->S = ts_sim("cpython-3.11");
    FILE *fp = fopen(TEST_DATA_DIR "/objects/int.txt", "r");
    assert_non_null(fp);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int checked = 0;
    while ((len = getline(&line, &cap, fp)) > 0) {
        if (line[len - 1] == '\n') line[--len] = '\0';
        run_case(c, line);
        ts_obcheck(c->S);
        checked++;
    }
    free(line);
    fclose(fp);
    assert_true(checked > 1000);
    ts_events_free(&c->m.seq);
    sim_free(c->S);
    free(c);
}

/* The order of x_divrem's requests, from longobject.c: v (size_v + 1
 * digits), w (size_w), the quotient (k digits); then v and the zero
 * remainder w go, in that order. */
static void test_divrem_temporaries(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Meter *m = calloc(1, sizeof *m);
    Obj a = ts_ok(S, int_from_str(S, "1267650600228229401496703205376", 31)); /* 2**100 */
    Obj b = ts_ok(S, int_from_str(S, "1099511627776", 13));                    /* 2**40 */
    meter_start(S, m);
    Obj q = ts_ok(S, int_floordiv(S, a, b));
    meter_stop(S);
    static const struct { SimEventKind kind; int64_t bytes; } want[] = {
        {SIM_EV_BLOCK_ALLOC, 44}, {SIM_EV_BLOCK_ALLOC, 32}, {SIM_EV_BLOCK_ALLOC, 36},
        {SIM_EV_BLOCK_FREE, 0}, {SIM_EV_BLOCK_FREE, 0}};
    assert_int_equal(m->seq.n, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(m->seq.ev[i].kind, want[i].kind);
        if (want[i].bytes) assert_int_equal(m->seq.ev[i].a, want[i].bytes);
    }
    assert_int_equal(m->seq.ev[3].addr, m->seq.ev[0].addr); /* v, then w */
    assert_int_equal(m->seq.ev[4].addr, m->seq.ev[1].addr);
    assert_int_equal(m->seq.ev[2].addr, q);
    ts_events_free(&m->seq);
    free(m);
    ob_decref(S, q, HOLD_TEMP);
    ob_decref(S, a, HOLD_TEMP);
    ob_decref(S, b, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* 5 + 300 is made by the medium fast path (32 bytes); int('305') by
 * _PyLong_New(1) (28 bytes): both in the 32-byte class. */
static void test_medium_and_new_requests(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Meter *m = calloc(1, sizeof *m);
    Obj a = int_small(S, 5), b = ts_ok(S, int_from_str(S, "300", 3));
    meter_start(S, m);
    Obj sum = ts_ok(S, int_add(S, a, b));
    Obj lit = ts_ok(S, int_from_str(S, "305", 3));
    meter_stop(S);
    assert_int_equal(m->seq.n, 2);
    assert_int_equal(m->seq.ev[0].a, 32);
    assert_int_equal(m->seq.ev[1].a, 28);
    assert_int_equal(m->seq.ev[0].szclass, m->seq.ev[1].szclass);
    assert_int_equal(int_compare(S, sum, lit), 0);
    assert_int_equal(int_sizeof(S, sum), 28);
    ts_events_free(&m->seq);
    free(m);
    Obj all[] = {sum, lit, b};
    for (int i = 0; i < 3; i++) ob_decref(S, all[i], HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* Exponents past what any heap can hold fail at once; |a| <= 1 still
 * runs CPython's window method for exponents of 2**60 and more. */
static void test_pow_limits(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj two = int_small(S, 2), minus_one = int_small(S, -1);
    Obj e = ts_ok(S, int_from_str(S, "4611686018427387904", 19)); /* 2**62 */
    assert_int_equal(int_pow(S, two, e), 0);
    assert_true(exc_matches(S, EXC_MemoryError));
    exc_clear(S);
    Obj r = ts_ok(S, int_pow(S, minus_one, e));
    assert_int_equal(r, int_small(S, 1));
    ob_decref(S, r, HOLD_TEMP);
    Obj big = ts_ok(S, int_from_str(S, "1000000", 7));
    Obj p = ts_ok(S, int_pow(S, int_small(S, 10), ts_ok(S, int_small(S, 100))));
    assert_int_equal(int_sizeof(S, p), 24 + 4 * 12); /* 10**100: 333 bits */
    ob_decref(S, p, HOLD_TEMP);
    ob_decref(S, big, HOLD_TEMP);
    ob_decref(S, e, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* The host-side formatter needs no heap and truncates cleanly. */
static void test_to_decimal(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    const char *text = "-123456789012345678901234567890";
    Obj v = ts_ok(S, int_from_str(S, text, strlen(text)));
    char buf[64];
    assert_int_equal(int_to_decimal(S, v, buf, sizeof buf), strlen(text));
    assert_string_equal(buf, text);
    assert_int_equal(int_to_decimal(S, v, buf, 5), strlen(text));
    assert_string_equal(buf, "-123");
    assert_int_equal(int_to_decimal(S, int_small(S, 0), buf, sizeof buf), 1);
    assert_string_equal(buf, "0");
    assert_int_equal(int_to_decimal(S, S->true_, buf, sizeof buf), 1);
    assert_string_equal(buf, "1");
    ob_decref(S, v, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* Text CPython cannot hand us (bytes that are not UTF-8) and a message
 * longer than exc_set's buffer: both are ValueErrors, nothing worse. */
static void test_odd_text(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    char msg[1024], text[3 * 300];
    assert_int_equal(int_from_str(S, "\xff" "1", 2), 0);
    assert_true(exc_matches(S, EXC_ValueError));
    assert_string_equal(exc_message(S, msg, sizeof msg), "invalid literal for int() with base 10: '\xc3\xbf" "1'");
    exc_clear(S);
    for (int i = 0; i < 300; i++) memcpy(text + 3 * i, "\xe2\x82\xac", 3); /* U+20AC */
    assert_int_equal(int_from_str(S, text, sizeof text), 0);
    assert_true(exc_matches(S, EXC_ValueError));
    exc_message(S, msg, sizeof msg);
    assert_true(strncmp(msg, "invalid literal for int() with base 10: '\xe2\x82\xac", 44) == 0);
    exc_clear(S);
    assert_int_equal(int_from_str(S, NULL, 0), 0);
    assert_true(exc_matches(S, EXC_ValueError));
    exc_clear(S);
    Obj v = ts_ok(S, int_from_str(S, " \xef\xbc\x91_2\xe3\x80\x80", 9)); /* fullwidth 1, _2, ideographic space */
    assert_int_equal(v, int_small(S, 12));
    ob_decref(S, v, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_divrem_temporaries),
        cmocka_unit_test(test_medium_and_new_requests),
        cmocka_unit_test(test_pow_limits),
        cmocka_unit_test(test_to_decimal),
        cmocka_unit_test(test_odd_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
