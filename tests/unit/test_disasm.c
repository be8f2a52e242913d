/*
 * test_disasm.c -- vm/disasm against CPython 3.11.7's dis module.
 *
 * tests/compiler/gen_disasm.py compiled every program of
 * tests/data/compiler/disasm/ (feature programs, copies of the corpus, and
 * a few synthetic code objects made with code.replace()) and dumped every
 * code object (NAME.code) with what dis.dis printed (NAME.dis).  Here each
 * code object is rebuilt in the simulated heap from the dump, disassembled,
 * and the text compared byte for byte, code objects' addresses being their
 * simulated addresses.  The dumps' co_lines() and co_positions() check the
 * location-table decoding, printable.txt Py_UNICODE_ISPRINTABLE, deopt.txt
 * the co_code view of quickened units.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/disasm.h"
#include "vm/opcodes.h"

#define DIR TEST_DATA_DIR "/compiler/disasm/"

/* ---- small host helpers ---- */

typedef struct Text {
    char *p;
    size_t n, cap;
} Text;

static void text_put(Text *t, const char *s, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n] = '\0';
}

static void collect(void *ud, const char *s, size_t n) { text_put(ud, s, n); }

static char *read_file(const char *path)
{
    char *p = ts_read_file(path, NULL);
    if (!p) fail_msg("cannot open %s", path);
    return p;
}

/* Hex to bytes ("-" is empty); returns the length. */
static size_t unhex(const char *h, unsigned char **out)
{
    size_t n = strcmp(h, "-") ? strlen(h) / 2 : 0;
    unsigned char *b = malloc(n + 1);
    assert_non_null(b);
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        assert_int_equal(sscanf(h + 2 * i, "%2x", &v), 1);
        b[i] = (unsigned char)v;
    }
    *out = b;
    return n;
}

/* ---- rebuilding objects from the dump ---- */

/* A str from UTF-8 with surrogates passed through: str_from_utf8 when
 * it is real UTF-8, else built character by character. */
static Obj make_str(Sim *S, const char *hex)
{
    unsigned char *b;
    size_t n = unhex(hex, &b);
    uint32_t *cps = malloc((n + 1) * sizeof *cps);
    size_t len = 0;
    uint32_t maxchar = 0;
    int surrogate = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = b[i];
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        uint32_t cp = extra ? c & (0x3Fu >> extra) : c;
        for (int k = 1; k <= extra; k++) cp = cp << 6 | (b[i + (size_t)k] & 0x3F);
        i += (size_t)extra + 1;
        surrogate |= cp >= 0xD800 && cp <= 0xDFFF;
        if (cp > maxchar) maxchar = cp;
        cps[len++] = cp;
    }
    Obj s;
    if (!surrogate) {
        s = ts_ok(S, str_from_utf8(S, (const char *)b, n));
    } else {
        s = ts_ok(S, str_new(S, maxchar, (int64_t)len));
        for (size_t i = 0; i < len; i++) str_set_char(S, s, (int64_t)i, cps[i]);
    }
    free(cps);
    free(b);
    return s;
}

static Obj make_bytes(Sim *S, const char *hex)
{
    unsigned char *b;
    size_t n = unhex(hex, &b);
    Obj o = ts_ok(S, bytes_from(S, b, (int64_t)n));
    free(b);
    return o;
}

typedef struct Dump {
    Obj codes[64];
    size_t n;
    char *lines[64], *positions[64];   /* the dumped co_lines / co_positions */
} Dump;

static char *next_tok(char **save) { return strtok_r(NULL, " \n", save); }

/* One constant from its prefix tokens.  New reference. */
static Obj make_const(Sim *S, Dump *d, char **save)
{
    char *t = next_tok(save);
    assert_non_null(t);
    Obj single = !strcmp(t, "N") ? S->none : !strcmp(t, "T") ? S->true_ : !strcmp(t, "F") ? S->false_
               : !strcmp(t, "E") ? S->ellipsis : 0;
    if (single) {
        ob_incref(S, single, HOLD_TEMP);
        return single;
    }
    const char *v = t + 2;
    switch (t[0]) {
    case 'i': return ts_ok(S, int_from_str(S, v, strlen(v)));
    case 'f': {
        uint64_t bits = strtoull(v, NULL, 16);
        double x;
        memcpy(&x, &bits, sizeof x);
        return ts_ok(S, float_from_double(S, x));
    }
    case 's': return make_str(S, *v ? v : "-");
    case 'b': return make_bytes(S, *v ? v : "-");
    case 't':
    case 'z': {
        int64_t n = atoll(v);
        Obj tup = ts_ok(S, tuple_new(S, n));
        for (int64_t i = 0; i < n; i++) tuple_set_item(S, tup, i, make_const(S, d, save));
        if (t[0] == 't') return tup;
        Obj fs = ts_ok(S, frozenset_const(S, tup));
        ob_decref(S, tup, HOLD_TEMP);
        return fs;
    }
    case 'c': {
        size_t k = (size_t)atoll(v);
        assert_true(k < d->n);
        ob_incref(S, d->codes[k], HOLD_TEMP);
        return d->codes[k];
    }
    default: fail_msg("bad constant token %s", t);
    }
    return 0;
}

/* "N HEX..." after the keyword: a tuple of str. */
static Obj make_str_tuple(Sim *S, char **save)
{
    int64_t n = atoll(next_tok(save));
    Obj t = ts_ok(S, tuple_new(S, n));
    for (int64_t i = 0; i < n; i++) tuple_set_item(S, t, i, make_str(S, next_tok(save)));
    return t;
}

static void set_field(Sim *S, Obj co, uint16_t off, uint16_t reason, Obj v)
{
    ob_set_field(S, co, off, reason, v);
}

/* Applies one "KEY VALUE..." line of a code record to *co. */
static void code_line(Sim *S, Dump *d, Obj *co, char *line)
{
    char *save = NULL;
    char *key = strtok_r(line, " \n", &save);
    if (!key) return;
    size_t k = d->n;
    if (!strcmp(key, "code")) {
        assert_int_equal(atoll(next_tok(&save)), (long long)k);
    } else if (!strcmp(key, "name")) {
        set_field(S, *co, CO_NAME_OFF, R_CO_NAME, make_str(S, next_tok(&save)));
    } else if (!strcmp(key, "qualname")) {
        set_field(S, *co, CO_QUALNAME_OFF, R_CO_QUALNAME, make_str(S, next_tok(&save)));
    } else if (!strcmp(key, "filename")) {
        set_field(S, *co, CO_FILENAME_OFF, R_CO_FILENAME, make_str(S, next_tok(&save)));
    } else if (!strcmp(key, "ints")) {
        static const uint32_t offs[] = {CO_FIRSTLINENO_OFF, CO_ARGCOUNT_OFF, CO_POSONLY_OFF,
                                        CO_KWONLY_OFF, CO_NLOCALS_OFF, CO_STACKSIZE_OFF, CO_FLAGS_OFF};
        for (size_t i = 0; i < 7; i++) ob_set32(S, *co, offs[i], (uint32_t)atoll(next_tok(&save)));
    } else if (!strcmp(key, "localsplus")) {
        Obj t = make_str_tuple(S, &save);
        ob_set32(S, *co, CO_NLOCALSPLUS_OFF, (uint32_t)ob_size(S, t));
        set_field(S, *co, CO_LOCALSPLUSNAMES_OFF, R_CO_LOCALSPLUSNAMES, t);
    } else if (!strcmp(key, "kinds")) {
        Obj b = make_bytes(S, next_tok(&save));
        uint32_t ncells = 0, nfree = 0;
        for (int64_t i = 0; i < bytes_len(S, b); i++) {
            ncells += (bytes_data(S, b)[i] & CO_FAST_CELL) != 0;
            nfree += (bytes_data(S, b)[i] & CO_FAST_FREE) != 0;
        }
        ob_set32(S, *co, CO_NCELLVARS_OFF, ncells);
        ob_set32(S, *co, CO_NFREEVARS_OFF, nfree);
        set_field(S, *co, CO_LOCALSPLUSKINDS_OFF, R_CO_LOCALSPLUSKINDS, b);
    } else if (!strcmp(key, "names")) {
        set_field(S, *co, CO_NAMES_OFF, R_CO_NAMES, make_str_tuple(S, &save));
    } else if (!strcmp(key, "bytecode")) {
        /* load_dump made the object from it: it sets the size */
    } else if (!strcmp(key, "linetable")) {
        set_field(S, *co, CO_LINETABLE_OFF, R_CO_LINETABLE, make_bytes(S, next_tok(&save)));
    } else if (!strcmp(key, "exceptiontable")) {
        set_field(S, *co, CO_EXCEPTIONTABLE_OFF, R_CO_EXCEPTIONTABLE, make_bytes(S, next_tok(&save)));
    } else if (!strcmp(key, "consts")) {
        int64_t n = atoll(next_tok(&save));
        Obj t = ts_ok(S, tuple_new(S, n));
        for (int64_t i = 0; i < n; i++) tuple_set_item(S, t, i, make_const(S, d, &save));
        set_field(S, *co, CO_CONSTS_OFF, R_CO_CONSTS, t);
    } else {
        fail_msg("unknown dump line %s", key);
    }
}

/* Reads NAME.code: every code object, children first; the module last
 * (held by the embedder, the others by their parents' co_consts). */
static Obj load_dump(Sim *S, const char *name, Dump *d)
{
    char path[512];
    snprintf(path, sizeof path, DIR "%s.code", name);
    FILE *f = fopen(path, "r");
    if (!f) fail_msg("cannot open %s", path);
    memset(d, 0, sizeof *d);
    char *line = NULL;
    size_t cap = 0;
    char **record = NULL;
    size_t nrec = 0;
    while (getline(&line, &cap, f) > 0) {
        if (strncmp(line, "end", 3)) {
            record = realloc(record, (nrec + 1) * sizeof *record);
            record[nrec++] = strdup(line);
            continue;
        }
        /* The code units first: they size the object. */
        Obj co = 0;
        for (size_t i = 0; i < nrec && !co; i++) {
            if (strncmp(record[i], "bytecode ", 9)) continue;
            char *arg = record[i] + 9;
            arg[strcspn(arg, "\n")] = '\0';
            unsigned char *units;
            size_t n = unhex(arg, &units);
            co = ts_ok(S, code_new(S, (int64_t)(n / 2)));
            memcpy((char *)ob_ptr(S, co) + CO_CODE_OFF, units, n);
            free(units);
        }
        assert_true(co != 0);
        for (size_t i = 0; i < nrec; i++) {
            if (!strncmp(record[i], "lines ", 6)) d->lines[d->n] = record[i];
            else if (!strncmp(record[i], "positions ", 10)) d->positions[d->n] = record[i];
            else {
                code_line(S, d, &co, record[i]);
                free(record[i]);
            }
        }
        nrec = 0;
        assert_true(d->n < 64);
        d->codes[d->n++] = co;
    }
    free(record);
    free(line);
    fclose(f);
    assert_true(d->n > 0);
    Obj module = d->codes[d->n - 1];
    sim_hold(S, module);
    for (size_t k = 0; k + 1 < d->n; k++) ob_decref(S, d->codes[k], HOLD_TEMP);
    ts_obcheck(S);
    return module;
}

static void free_dump(Sim *S, Dump *d)
{
    sim_unhold(S, d->codes[d->n - 1]);
    for (size_t k = 0; k < d->n; k++) {
        free(d->lines[k]);
        free(d->positions[k]);
    }
    ts_obcheck(S);
}

/* The expected text with {ADDR:K} replaced by code object K's address. */
static char *expected_text(const char *file, const Dump *d)
{
    char *raw = read_file(file);
    Text t = {0};
    text_put(&t, "", 0);
    for (const char *p = raw; *p;) {
        const char *q = strstr(p, "{ADDR:");
        if (!q) {
            text_put(&t, p, strlen(p));
            break;
        }
        text_put(&t, p, (size_t)(q - p));
        size_t k = (size_t)strtoul(q + 6, NULL, 10);
        assert_true(k < d->n);
        char addr[32];
        snprintf(addr, sizeof addr, "%#llx", (unsigned long long)d->codes[k]);
        text_put(&t, addr, strlen(addr));
        p = strchr(q, '}') + 1;
    }
    free(raw);
    return t.p;
}

/* Fails with the first differing line. */
static void compare_text(const char *what, const char *want, const char *got)
{
    if (!strcmp(want, got)) return;
    size_t line = 1, i = 0;
    while (want[i] && want[i] == got[i]) {
        if (want[i] == '\n') line++;
        i++;
    }
    size_t a = i;
    while (a > 0 && want[a - 1] != '\n') a--;
    fail_msg("%s: line %zu differs\nwant: %.*s\ngot:  %.*s", what, line,
             (int)strcspn(want + a, "\n"), want + a, (int)strcspn(got + a, "\n"), got + a);
}

/* A heap fingerprint: disassembling must leave the heap as it was. */
typedef struct Print {
    SimHeapStats st;
    int64_t objects, refs;
} Print;

static void count_obj(Sim *S, Obj o, void *ud)
{
    Print *p = ud;
    p->objects++;
    p->refs += ob_refcnt(S, o);
}

static Print fingerprint(Sim *S)
{
    Print p;
    memset(&p, 0, sizeof p);
    sim_heap_stats(S->heap, &p.st);
    objmap_each(S, count_obj, &p);
    return p;
}

/* ---- co_lines / co_positions / addr2line against the dump ---- */

static int64_t num_or_none(const char *s) { return *s == '-' ? -1 : atoll(s); }

static void check_lines(Sim *S, Obj co, const char *dumped, const char *where)
{
    char *copy = strdup(dumped), *save = NULL;
    strtok_r(copy, " \n", &save);
    long long n = atoll(next_tok(&save));
    DisasmLines it;
    disasm_lines_begin(&it, S, co);
    for (long long i = 0; i < n; i++) {
        char *tok = next_tok(&save);
        long long a, b;
        char l[32];
        assert_int_equal(sscanf(tok, "%lld:%lld:%31s", &a, &b, l), 3);
        if (!disasm_lines_next(&it)) fail_msg("%s: co_lines ends at %lld of %lld", where, i, n);
        if (it.start != a || it.end != b || it.line != num_or_none(l))
            fail_msg("%s: co_lines[%lld] is %s, got %lld:%lld:%lld", where, i, tok, (long long)it.start,
                     (long long)it.end, (long long)it.line);
        for (long long off = a; off < b; off++)
            assert_int_equal(disasm_addr2line(S, co, off), num_or_none(l));
    }
    assert_false(disasm_lines_next(&it));
    assert_int_equal(disasm_addr2line(S, co, -1), (int32_t)ob_get32(S, co, CO_FIRSTLINENO_OFF));
    assert_int_equal(disasm_addr2line(S, co, 2 * ob_size(S, co) + 1000), -1);
    free(copy);
}

static void check_positions(Sim *S, Obj co, const char *dumped, const char *where)
{
    char *copy = strdup(dumped), *save = NULL;
    strtok_r(copy, " \n", &save);
    long long n = atoll(next_tok(&save));
    DisasmPositions it;
    disasm_positions_begin(&it, S, co);
    for (long long i = 0; i < n; i++) {
        char *tok = next_tok(&save), *s2 = NULL;
        int64_t want[4];
        char *part = strtok_r(tok, ":", &s2);
        for (int k = 0; k < 4; k++, part = strtok_r(NULL, ":", &s2)) want[k] = num_or_none(part);
        if (!disasm_positions_next(&it)) fail_msg("%s: co_positions ends at %lld", where, i);
        if (it.line != want[0] || it.endline != want[1] || it.col != want[2] || it.endcol != want[3])
            fail_msg("%s: co_positions[%lld] want %lld:%lld:%lld:%lld got %lld:%lld:%lld:%lld", where, i,
                     (long long)want[0], (long long)want[1], (long long)want[2], (long long)want[3],
                     (long long)it.line, (long long)it.endline, (long long)it.col, (long long)it.endcol);
    }
    assert_false(disasm_positions_next(&it));
    free(copy);
}

/* ---- the tests ---- */

/* Every program of index.txt: dis.dis and dis.disassemble(lasti) output,
 * and each code object's location table. */
static void test_programs(void **state)
{
    (void)state;
    FILE *idx = fopen(DIR "index.txt", "r");
    assert_non_null(idx);
    char kind[16], name[128];
    int programs = 0, lastis = 0;
    while (fscanf(idx, "%15s %127s", kind, name) == 2) {
        long long lasti = -1;
        int is_lasti = !strcmp(kind, "lasti");
        if (is_lasti) assert_int_equal(fscanf(idx, "%lld", &lasti), 1);
        Sim *S = ts_sim("cpython-3.11");
        Dump d;
        Obj module = load_dump(S, name, &d);
        char file[600];
        if (is_lasti) snprintf(file, sizeof file, DIR "%s.lasti.%lld.dis", name, lasti);
        else snprintf(file, sizeof file, DIR "%s.dis", name);
        char *want = expected_text(file, &d);
        Text got = {0};
        text_put(&got, "", 0);
        Print before = fingerprint(S);
        int rc = is_lasti ? disasm_one(S, module, lasti, collect, &got) : disasm_code(S, module, collect, &got);
        if (rc) {
            char msg[256];
            fail_msg("%s: disasm failed: %s", name, exc_message(S, msg, sizeof msg));
        }
        Print after = fingerprint(S);
        assert_memory_equal(&before, &after, sizeof before);
        compare_text(file, want, got.p);
        if (!is_lasti) {
            for (size_t k = 0; k < d.n; k++) {
                char where[200];
                snprintf(where, sizeof where, "%s code %zu", name, k);
                check_lines(S, d.codes[k], d.lines[k], where);
                check_positions(S, d.codes[k], d.positions[k], where);
            }
            programs++;
        } else {
            lastis++;
        }
        free(want);
        free(got.p);
        free_dump(S, &d);
        sim_free(S);
    }
    fclose(idx);
    assert_true(programs >= 40);
    assert_true(lastis >= 2);
}

static void test_printable(void **state)
{
    (void)state;
    FILE *f = fopen(DIR "printable.txt", "r");
    assert_non_null(f);
    uint32_t next = 0;
    unsigned long a, b;
    while (fscanf(f, " np %lu %lu", &a, &b) == 2) {
        for (uint32_t c = next; c < a; c++)
            if (!disasm_isprintable(c)) fail_msg("U+%04X should be printable", c);
        for (uint32_t c = (uint32_t)a; c <= b; c++)
            if (disasm_isprintable(c)) fail_msg("U+%04X should not be printable", c);
        next = (uint32_t)b + 1;
    }
    fclose(f);
    for (uint32_t c = next; c <= 0x10FFFF; c++) assert_true(disasm_isprintable(c));
    assert_int_equal(next, 0x110000);
}

static void test_deopt(void **state)
{
    (void)state;
    FILE *f = fopen(DIR "deopt.txt", "r");
    assert_non_null(f);
    int raw, op, n = 0;
    while (fscanf(f, " deopt %d %d", &raw, &op) == 2) {
        if (disasm_deopt(raw) != op) fail_msg("raw %d: CPython's co_code shows %d, got %d", raw, op, disasm_deopt(raw));
        n++;
    }
    fclose(f);
    assert_int_equal(n, 256);
}

/* A code object of the given units, with consts (borrowed, each gains a
 * reference), one name and one local; no tables.  New reference. */
static Obj mini_code(Sim *S, const uint8_t *units, size_t n, const Obj *consts, int64_t nconsts)
{
    Obj co = ts_ok(S, code_new(S, (int64_t)(n / 2)));
    memcpy((char *)ob_ptr(S, co) + CO_CODE_OFF, units, n);
    ob_set_field(S, co, CO_CONSTS_OFF, R_CO_CONSTS, ts_ok(S, tuple_pack(S, nconsts, consts)));
    Obj nm = ts_ok(S, str_from_cstr(S, "n"));
    ob_set_field(S, co, CO_NAMES_OFF, R_CO_NAMES, ts_ok(S, tuple_pack(S, 1, &nm)));
    ob_set_field(S, co, CO_LOCALSPLUSNAMES_OFF, R_CO_LOCALSPLUSNAMES, ts_ok(S, tuple_pack(S, 1, &nm)));
    ob_decref(S, nm, HOLD_TEMP);
    ob_set_field(S, co, CO_NAME_OFF, R_CO_NAME, ts_ok(S, str_from_cstr(S, "m")));
    ob_set_field(S, co, CO_FILENAME_OFF, R_CO_FILENAME, ts_ok(S, str_from_cstr(S, "m.py")));
    return co;
}

/* dis raises where an oparg indexes past a table; what came before is
 * printed, the heap is left alone but for the exception. */
static void test_errors(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    static const struct { uint8_t units[4]; ExcId exc; } cases[] = {
        {{OP_LOAD_CONST, 1, OP_RETURN_VALUE, 0}, EXC_IndexError},
        {{OP_LOAD_CONST, 0, OP_LOAD_NAME, 1}, EXC_IndexError},
        {{OP_LOAD_CONST, 0, OP_LOAD_FAST, 3}, EXC_IndexError},
        {{OP_LOAD_CONST, 0, OP_COMPARE_OP, 6}, EXC_IndexError},
        {{OP_LOAD_CONST, 0, OP_BINARY_OP, 26}, EXC_IndexError},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj co = mini_code(S, cases[i].units, 4, &S->none, 1);
        Text got = {0};
        text_put(&got, "", 0);
        assert_int_equal(disasm_code(S, co, collect, &got), -1);
        assert_true(exc_matches(S, cases[i].exc));
        exc_clear(S);
        if (i > 0) assert_string_equal(got.p, "          0 LOAD_CONST               0 (None)\n");
        free(got.p);
        ob_decref(S, co, HOLD_TEMP);
    }
    /* Negative opargs index from the end, as Python's lists do. */
    static const uint8_t neg[] = {OP_EXTENDED_ARG, 255, OP_EXTENDED_ARG, 255, OP_EXTENDED_ARG, 255,
                                  OP_EXTENDED_ARG, 255, OP_COMPARE_OP, 255, 0, 0, 0, 0};
    Obj co = mini_code(S, neg, sizeof neg, &S->none, 1);
    Text got = {0};
    text_put(&got, "", 0);
    assert_int_equal(disasm_code(S, co, collect, &got), 0);
    assert_non_null(strstr(got.p, "COMPARE_OP              -1 (>=)\n"));
    free(got.p);
    ob_decref(S, co, HOLD_TEMP);
    /* Not a code object. */
    Text none = {0};
    assert_int_equal(disasm_code(S, S->none, collect, &none), -1);
    assert_true(exc_matches(S, EXC_TypeError));
    assert_int_equal(none.n, 0);
    exc_clear(S);
    /* An int over sys.get_int_max_str_digits() has no repr. */
    char digits[4302];
    memset(digits, '7', 4301);
    digits[4301] = '\0';
    Obj big = ts_ok(S, int_from_str_limit(S, digits, 4301, 0));
    static const uint8_t load[] = {OP_LOAD_CONST, 0, OP_RETURN_VALUE, 0};
    co = mini_code(S, load, sizeof load, &big, 1);
    Text t = {0};
    assert_int_equal(disasm_code(S, co, collect, &t), -1);
    assert_true(exc_matches(S, EXC_ValueError));
    exc_clear(S);
    digits[4300] = '\0';
    Obj ok = ts_ok(S, int_from_str(S, digits, 4300));
    assert_int_equal(disasm_repr(S, ok, collect, &t), 0);
    assert_int_equal(t.n, 4300);
    free(t.p);
    ob_decref(S, ok, HOLD_TEMP);
    ob_decref(S, co, HOLD_TEMP);
    ob_decref(S, big, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* repr() of what dis never meets in co_consts but the debugger may show:
 * sets (repr(set()) == 'set()', repr({1}) == '{1}'), frozenset(). */
static void test_repr_sets(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj s = ts_ok(S, set_new(S));
    Obj fs = ts_ok(S, frozenset_new(S, 0));
    Text t = {0};
    text_put(&t, "", 0);
    assert_int_equal(disasm_repr(S, s, collect, &t), 0);
    text_put(&t, " ", 1);
    assert_int_equal(disasm_repr(S, fs, collect, &t), 0);
    text_put(&t, " ", 1);
    Obj one = ts_ok(S, int_from_i64(S, 1));
    assert_int_equal(set_add(S, s, one), 0);
    assert_int_equal(disasm_repr(S, s, collect, &t), 0);
    assert_string_equal(t.p, "set() frozenset() {1}");
    free(t.p);
    Obj objs[] = {s, fs, one};
    for (size_t i = 0; i < 3; i++) ob_decref(S, objs[i], HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_programs),
        cmocka_unit_test(test_printable),
        cmocka_unit_test(test_deopt),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_repr_sets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
