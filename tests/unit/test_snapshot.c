/*
 * test_snapshot.c -- `refscope snapshot` end to end, and its JSON.
 *
 * usage: test_snapshot REFSCOPE CASES_DIR GOLDEN_DIR SCHEMA
 *
 * Each case of CASES_DIR/CASES is snapshot twice: the two files must be
 * byte-identical, equal to GOLDEN_DIR/NAME.json, valid against the JSON
 * Schema (checked here by a small validator of the keywords the schema
 * uses: type, const, enum, pattern, minimum, required, properties,
 * additionalProperties, items, $ref) and consistent (each object's
 * holders number its refcount).  Bad requests fail with a message and
 * leave no file, not even a temporary one.  Writing a snapshot changes
 * no byte of the simulated heap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "dbg/snapshot.h"
#include "heap_support.h"
#include "sim.h"
#include "sim/inspect.h"

static const char *refscope, *cases_dir, *golden_dir, *schema_path;
static char tmpdir[256];

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    if (len) *len = got;
    return buf;
}

/* Runs `refscope snapshot ARGS` in the cases folder; its exit status, and
 * its stderr in errtext (when not NULL). */
static int snapshot(const char *args, char *errtext, size_t cap)
{
    char cmd[2048], errfile[300];
    snprintf(errfile, sizeof errfile, "%s/stderr.txt", tmpdir);
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' snapshot %s 2>'%s' >'%s/stdout.txt'", cases_dir, refscope, args,
             errfile, tmpdir);
    int st = system(cmd);
    if (errtext) {
        char *e = slurp(errfile, NULL);
        snprintf(errtext, cap, "%s", e ? e : "");
        free(e);
    }
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* ---- a validator for the schema's keywords ---- */

typedef struct Validator {
    const cJSON *root;
    int errors;
    char first[1024];
    struct { const char *pattern; regex_t re; } re[32];
    int nre;
} Validator;

static void verr(Validator *v, const char *path, const char *what)
{
    if (v->errors++ == 0) snprintf(v->first, sizeof v->first, "%.500s: %.300s", *path ? path : "/", what);
}

static const cJSON *get(const cJSON *o, const char *key) { return cJSON_GetObjectItemCaseSensitive(o, key); }

static const cJSON *resolve(Validator *v, const cJSON *schema)
{
    const cJSON *ref = get(schema, "$ref");
    if (!cJSON_IsString(ref)) return schema;
    const char *prefix = "#/$defs/";
    assert_true(!strncmp(ref->valuestring, prefix, strlen(prefix)));
    const cJSON *target = get(get(v->root, "$defs"), ref->valuestring + strlen(prefix));
    assert_non_null(target);
    return resolve(v, target);
}

static int is_type(const cJSON *x, const char *t)
{
    if (!strcmp(t, "object")) return cJSON_IsObject(x);
    if (!strcmp(t, "array")) return cJSON_IsArray(x);
    if (!strcmp(t, "string")) return cJSON_IsString(x);
    if (!strcmp(t, "boolean")) return cJSON_IsBool(x);
    if (!strcmp(t, "null")) return cJSON_IsNull(x);
    if (!strcmp(t, "number")) return cJSON_IsNumber(x);
    if (!strcmp(t, "integer")) return cJSON_IsNumber(x) && x->valuedouble == (double)(int64_t)x->valuedouble;
    fail_msg("schema type %s not supported by the validator", t);
    return 0;
}

static int same(const cJSON *a, const cJSON *b)
{
    if (cJSON_IsNumber(a) && cJSON_IsNumber(b)) return a->valuedouble == b->valuedouble;
    if (cJSON_IsString(a) && cJSON_IsString(b)) return !strcmp(a->valuestring, b->valuestring);
    if (cJSON_IsNull(a) && cJSON_IsNull(b)) return 1;
    if (cJSON_IsBool(a) && cJSON_IsBool(b)) return cJSON_IsTrue(a) == cJSON_IsTrue(b);
    return 0;
}

static regex_t *regex(Validator *v, const char *pattern)
{
    for (int i = 0; i < v->nre; i++)
        if (v->re[i].pattern == pattern) return &v->re[i].re;
    assert_true(v->nre < 32);
    assert_int_equal(regcomp(&v->re[v->nre].re, pattern, REG_EXTENDED | REG_NOSUB), 0);
    v->re[v->nre].pattern = pattern;
    return &v->re[v->nre++].re;
}

static const char *const known[] = {"$ref", "type", "const", "enum", "pattern", "minimum", "required",
                                    "properties", "additionalProperties", "items", "description", "$schema",
                                    "$id", "title", "$defs"};

static void validate(Validator *v, const cJSON *schema, const cJSON *x, const char *path)
{
    char msg[300], sub[512];
    schema = resolve(v, schema);
    for (const cJSON *k = schema->child; k; k = k->next) { /* the validator must know every keyword */
        size_t i = 0;
        while (i < sizeof known / sizeof *known && strcmp(known[i], k->string)) i++;
        if (i == sizeof known / sizeof *known) fail_msg("schema keyword %s not supported by the validator", k->string);
    }
    const cJSON *t = get(schema, "type");
    if (t) {
        int ok = 0;
        if (cJSON_IsString(t)) ok = is_type(x, t->valuestring);
        for (const cJSON *e = cJSON_IsArray(t) ? t->child : NULL; e; e = e->next) ok |= is_type(x, e->valuestring);
        if (!ok) {
            verr(v, path, "wrong type");
            return;
        }
    }
    const cJSON *c = get(schema, "const");
    if (c && !same(c, x)) verr(v, path, "not the constant");
    const cJSON *en = get(schema, "enum");
    if (en) {
        int ok = 0;
        for (const cJSON *e = en->child; e; e = e->next) ok |= same(e, x);
        if (!ok) verr(v, path, "not in the enum");
    }
    const cJSON *pat = get(schema, "pattern");
    if (pat && cJSON_IsString(x) && regexec(regex(v, pat->valuestring), x->valuestring, 0, NULL, 0) != 0) {
        snprintf(msg, sizeof msg, "'%.100s' does not match %s", x->valuestring, pat->valuestring);
        verr(v, path, msg);
    }
    const cJSON *min = get(schema, "minimum");
    if (min && cJSON_IsNumber(x) && x->valuedouble < min->valuedouble) verr(v, path, "below the minimum");
    if (cJSON_IsObject(x)) {
        const cJSON *req = get(schema, "required");
        for (const cJSON *r = req ? req->child : NULL; r; r = r->next) {
            if (!get(x, r->valuestring)) {
                snprintf(msg, sizeof msg, "missing key %s", r->valuestring);
                verr(v, path, msg);
            }
        }
        const cJSON *props = get(schema, "properties"), *extra = get(schema, "additionalProperties");
        for (const cJSON *m = x->child; m; m = m->next) {
            const cJSON *ps = props ? get(props, m->string) : NULL;
            snprintf(sub, sizeof sub, "%s/%s", path, m->string);
            if (ps) validate(v, ps, m, sub);
            else if (cJSON_IsFalse(extra)) verr(v, sub, "unknown key");
        }
    }
    const cJSON *items = get(schema, "items");
    if (items && cJSON_IsArray(x)) {
        int i = 0;
        for (const cJSON *e = x->child; e; e = e->next, i++) {
            snprintf(sub, sizeof sub, "%s/%d", path, i);
            validate(v, items, e, sub);
        }
    }
}

/* 0 when `doc` is valid; otherwise the number of errors, the first in v->first. */
static int check_schema(const char *doc, size_t len, char *first, size_t cap)
{
    char *stext = slurp(schema_path, NULL);
    assert_non_null(stext);
    cJSON *schema = cJSON_Parse(stext);
    assert_non_null(schema);
    const char *end = NULL;
    /* the length counts the NUL: cJSON then rejects trailing garbage */
    cJSON *x = cJSON_ParseWithLengthOpts(doc, len + 1, &end, 1);
    Validator *v = calloc(1, sizeof *v);
    v->root = schema;
    if (!x) {
        v->errors = 1;
        snprintf(v->first, sizeof v->first, "not JSON (at byte %ld)", end ? (long)(end - doc) : -1L);
    } else {
        validate(v, schema, x, "");
    }
    int n = v->errors;
    snprintf(first, cap, "%.500s", v->first);
    for (int i = 0; i < v->nre; i++) regfree(&v->re[i].re);
    free(v);
    cJSON_Delete(x);
    cJSON_Delete(schema);
    free(stext);
    return n;
}

/* Facts the schema cannot say: counts, address order, holders. */
static void check_consistent(const char *doc)
{
    cJSON *x = cJSON_Parse(doc);
    assert_non_null(x);
    const cJSON *objs = get(x, "objects");
    int nested = (int)get(get(x, "at"), "nested")->valuedouble;
    uint64_t prev = 0, refs = 0;
    int n = 0;
    for (const cJSON *o = objs->child; o; o = o->next, n++) {
        uint64_t id = strtoull(get(o, "id")->valuestring, NULL, 16);
        assert_true(id > prev);
        prev = id;
        int holders = cJSON_GetArraySize(get(o, "holders"));
        refs += (uint64_t)holders;
        if (nested == 0 &&
            get(o, "refcount")->valuedouble - get(o, "static_base")->valuedouble != holders)
            fail_msg("%s: refcount %g, %d holders", get(o, "id")->valuestring, get(o, "refcount")->valuedouble, holders);
    }
    const cJSON *counts = get(x, "counts");
    assert_int_equal((int)get(counts, "objects")->valuedouble, n);
    assert_int_equal((uint64_t)get(counts, "references")->valuedouble, refs);
    cJSON_Delete(x);
}

/* ---- tests ---- */

static void test_golden_snapshots(void **state)
{
    (void)state;
    char path[512], line[512], err[2048];
    snprintf(path, sizeof path, "%s/CASES", cases_dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    int ncases = 0;
    while (fgets(line, sizeof line, f)) {
        char name[64], args[400];
        if (line[0] == '#' || sscanf(line, "%63s %399[^\n]", name, args) != 2) continue;
        char cmd[1024], out1[400], out2[400], golden[400];
        snprintf(out1, sizeof out1, "%s/%s.1.json", tmpdir, name);
        snprintf(out2, sizeof out2, "%s/%s.2.json", tmpdir, name);
        snprintf(golden, sizeof golden, "%s/%s.json", golden_dir, name);
        snprintf(cmd, sizeof cmd, "%s -o '%s'", args, out1);
        if (snapshot(cmd, err, sizeof err) != 0) fail_msg("%s: %s", name, err);
        snprintf(cmd, sizeof cmd, "%s -o '%s'", args, out2);
        assert_int_equal(snapshot(cmd, NULL, 0), 0);
        size_t n1 = 0, n2 = 0, ng = 0;
        char *a = slurp(out1, &n1), *b = slurp(out2, &n2), *g = slurp(golden, &ng);
        assert_non_null(a);
        assert_non_null(b);
        if (n1 != n2 || memcmp(a, b, n1)) fail_msg("%s: two runs differ", name);
        if (!g) fail_msg("%s: no golden file %s (tests/snapshot/regen-golden makes it)", name, golden);
        if (n1 != ng || memcmp(a, g, n1)) {
            size_t i = 0, lineno = 1;
            while (i < n1 && i < ng && a[i] == g[i]) lineno += a[i++] == '\n';
            fail_msg("%s differs from %s from line %zu on; if the change is intended, run "
                     "tests/snapshot/regen-golden build/refscope and review the diff",
                     name, golden, lineno);
        }
        char first[512];
        if (check_schema(a, n1, first, sizeof first)) fail_msg("%s: schema: %s", name, first);
        check_consistent(a);
        free(a);
        free(b);
        free(g);
        remove(out1);
        remove(out2);
        ncases++;
    }
    fclose(f);
    assert_true(ncases >= 3);
}

/* stdout (no -o, or -o -) gets the same bytes as a file. */
static void test_stdout_is_the_same(void **state)
{
    (void)state;
    char out[300], so[300];
    snprintf(out, sizeof out, "%s/f.json", tmpdir);
    snprintf(so, sizeof so, "%s/stdout.txt", tmpdir);
    char args[400];
    snprintf(args, sizeof args, "frames.py --tick 30 -o '%s'", out);
    assert_int_equal(snapshot(args, NULL, 0), 0);
    assert_int_equal(snapshot("frames.py --tick 30", NULL, 0), 0);
    size_t n1 = 0, n2 = 0;
    char *a = slurp(out, &n1), *b = slurp(so, &n2);
    assert_true(n1 > 1000 && n1 == n2 && !memcmp(a, b, n1));
    free(b);
    assert_int_equal(snapshot("frames.py --tick 30 -o -", NULL, 0), 0);
    b = slurp(so, &n2);
    assert_true(n1 == n2 && !memcmp(a, b, n1));
    char first[512];
    assert_int_equal(check_schema(a, n1, first, sizeof first), 0);
    free(a);
    free(b);
    remove(out);
}

/* Only the files the test made itself are in tmpdir. */
static int stray_files(void)
{
    DIR *d = opendir(tmpdir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    return n;
}

static void test_bad_requests(void **state)
{
    (void)state;
    char out[300], args[600], err[2048];
    snprintf(out, sizeof out, "%s/old.json", tmpdir);
    FILE *f = fopen(out, "w");
    fputs("old contents\n", f);
    fclose(f);

    /* a tick past the end: the message says how far the program goes */
    snprintf(args, sizeof args, "cycle.py --tick 100000 -o '%s'", out);
    assert_int_equal(snapshot(args, err, sizeof err), 1);
    assert_non_null(strstr(err, "tick 100000 is past the end"));
    assert_non_null(strstr(err, "instructions"));
    /* a line that never runs (a comment) */
    snprintf(args, sizeof args, "cycle.py --line 2 -o '%s'", out);
    assert_int_equal(snapshot(args, err, sizeof err), 1);
    assert_non_null(strstr(err, "line 2 of 'cycle.py' never runs"));
    snprintf(args, sizeof args, "cycle.py --line 9999 -o '%s'", out);
    assert_int_equal(snapshot(args, err, sizeof err), 1);
    /* nothing half-written: the old file is untouched, no temporary left */
    char *old = slurp(out, NULL);
    assert_string_equal(old, "old contents\n");
    free(old);
    assert_int_equal(stray_files(), 0);

    /* unwritable output: a missing folder, a folder */
    snprintf(args, sizeof args, "cycle.py -o '%s/no/such/dir/x.json'", tmpdir);
    assert_int_equal(snapshot(args, err, sizeof err), 1);
    assert_non_null(strstr(err, "cannot write"));
    snprintf(args, sizeof args, "cycle.py -o '%s'", tmpdir);
    assert_int_equal(snapshot(args, err, sizeof err), 1);
    assert_non_null(strstr(err, "cannot write"));
    assert_int_equal(stray_files(), 0);

    /* usage errors */
    assert_int_equal(snapshot("cycle.py --tick", err, sizeof err), 2);
    assert_int_equal(snapshot("cycle.py --tick -3", err, sizeof err), 2);
    assert_int_equal(snapshot("cycle.py --tick 3 --line 4", err, sizeof err), 2);
    assert_int_equal(snapshot("cycle.py --bogus", err, sizeof err), 2);
    assert_int_equal(snapshot("no_such_file.py", err, sizeof err), 2);
    assert_non_null(strstr(err, "can't open file"));
    remove(out);

    /* the last tick of a program is fine, one more is not */
    assert_int_equal(snapshot("cycle.py --at-end", NULL, 0), 0);
    char so[300];
    snprintf(so, sizeof so, "%s/stdout.txt", tmpdir);
    char *doc = slurp(so, NULL);
    cJSON *x = cJSON_Parse(doc);
    assert_non_null(x);
    unsigned long long end = (unsigned long long)get(get(x, "at"), "tick")->valuedouble;
    cJSON_Delete(x);
    free(doc);
    snprintf(args, sizeof args, "cycle.py --tick %llu", end);
    assert_int_equal(snapshot(args, NULL, 0), 0);
    snprintf(args, sizeof args, "cycle.py --tick %llu", end + 1);
    assert_int_equal(snapshot(args, NULL, 0), 1);
}

/* The validator is not a rubber stamp. */
static void test_schema_rejects_bad_snapshots(void **state)
{
    (void)state;
    char golden[300], first[512];
    snprintf(golden, sizeof golden, "%s/cycle.json", golden_dir);
    size_t n = 0;
    char *doc = slurp(golden, &n);
    assert_non_null(doc);
    assert_int_equal(check_schema(doc, n, first, sizeof first), 0);
    static const char *const edits[][2] = {
        {"\"version\": 1", "\"version\": 2"},
        {"\"stop\": \"end\"", "\"stop\": \"later\""},
        {"{\"id\":\"0x", "{\"id\":\"7x"},
        {"\"refcount\":", "\"refcount\":\"3\",\"x\":"},
        {"\"repr_truncated\":false", "\"repr_truncated\":0"},
        {"\"kind\":\"dict value\"", "\"kind\":\"dict valu\""},
        {"\"counts\": {", "\"counts\": {\"extra\": 1, "},
        {"\"heap_limit\": 4294967296", "\"heap_limit\": -1"},
    };
    for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
        char *at = strstr(doc, edits[i][0]);
        assert_non_null(at);
        size_t la = strlen(edits[i][0]), lb = strlen(edits[i][1]);
        char *bad = malloc(n + lb + 1);
        size_t pre = (size_t)(at - doc);
        memcpy(bad, doc, pre);
        memcpy(bad + pre, edits[i][1], lb);
        memcpy(bad + pre + lb, at + la, n - pre - la + 1);
        if (check_schema(bad, n - la + lb, first, sizeof first) == 0)
            fail_msg("the schema accepts %s", edits[i][1]);
        free(bad);
    }
    free(doc);
}

/* ---- snap_write in process: no observer effect ---- */

static void count_events(void *ud, const SimEvent *ev)
{
    (void)ev;
    ++*(int *)ud;
}

static void discard(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
}

static void test_writing_changes_nothing(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/frames.py", cases_dir);
    size_t len = 0;
    char *src = slurp(path, &len);
    assert_non_null(src);
    char msg[256];
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    sim_engine_set_output(e, discard, NULL, discard, NULL);
    assert_int_equal(sim_engine_load(e, src, len, "frames.py"), 0);
    SnapAt at = {SNAP_AT_TICK, 0, 0};
    int step = 0, events = 0;
    do {
        if (step++ % 7) continue;
        uint64_t before = ts_heap_hash(e, 1);
        sim_engine_set_event_sink(e, count_events, &events, SIM_EVCAT_ALL);
        FILE *f = tmpfile();
        at.tick = sim_engine_tick(e);
        assert_int_equal(snap_write(e, "frames.py", &at, f), 0);
        assert_true(ftell(f) > 10000);
        fclose(f);
        sim_engine_set_event_sink(e, NULL, NULL, 0);
        assert_int_equal(events, 0);
        assert_int_equal(ts_heap_hash(e, 1), before);
    } while (sim_engine_step(e) == SIM_STEP_RUNNING);
    sim_engine_free(e);
    free(src);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: test_snapshot REFSCOPE CASES_DIR GOLDEN_DIR SCHEMA\n");
        return 2;
    }
    refscope = argv[1];
    cases_dir = argv[2];
    golden_dir = argv[3];
    schema_path = argv[4];
    snprintf(tmpdir, sizeof tmpdir, "/tmp/refscope-snapshot-XXXXXX");
    if (!mkdtemp(tmpdir)) return 2;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_snapshots),
        cmocka_unit_test(test_stdout_is_the_same),
        cmocka_unit_test(test_bad_requests),
        cmocka_unit_test(test_schema_rejects_bad_snapshots),
        cmocka_unit_test(test_writing_changes_nothing),
    };
    int failed = cmocka_run_group_tests_name("snapshot", tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
    return failed != 0;
}
