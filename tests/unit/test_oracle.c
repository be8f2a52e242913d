/*
 * test_oracle.c -- the VM against CPython 3.11.7, program by program.
 *
 * Every tests/oracle/NAME.py has CPython's stdout, stderr and exit status in
 * tests/data/oracle/NAME.{out,err,status} (tests/oracle/gen_expected.py
 * writes them).  The programs listed in tests/oracle/ENABLED (one name per
 * line, '#' starts a comment) are compared exactly, one cmocka test each: a
 * difference in any stream fails the test with the first differing line.
 * The other programs run too, each in a child process with a time limit,
 * and are only reported -- "oracle: N enabled passed, M others: K pass" and
 * the names of those that already pass -- so progress shows without
 * failing the suite; a passing program belongs in ENABLED.
 *
 *   test_oracle                run ENABLED strictly, report the others
 *   test_oracle NAME[.py]...   run only these, strictly
 *   ORACLE_VERBOSE=1           also print the first difference of the others
 *   ORACLE_TIMEOUT=SECONDS     limit per reported program (default 5; an
 *                              ENABLED one may take 3x that, at least 60 s)
 *
 * The engine gets the file name "NAME.py", the name the expected tracebacks
 * carry (gen_expected.py removes python3's absolute directory prefix).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "heap_support.h"
#include "sim/engine.h"

#define ORACLE_DIR TEST_DATA_DIR "/../oracle"
#define EXPECTED_DIR TEST_DATA_DIR "/oracle"

/* ---- growable buffers and name lists ---- */

static void *xrealloc(void *p, size_t n);

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static void buf_add(Buf *b, const char *text, size_t len)
{
    if (b->n + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + len + 1) cap *= 2;
        b->p = xrealloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->n, text, len);
    b->n += len;
    b->p[b->n] = '\0';
}

/* The engine's SimWriteFn: appends to the Buf in userdata. */
static void buf_write(void *ud, const char *text, size_t len)
{
    buf_add(ud, text, len);
}

static void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(Buf *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    buf_add(b, tmp, (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1);
}

typedef struct Names {
    char **v;
    size_t n, cap;
} Names;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "test_oracle: out of memory\n");
        abort();
    }
    return p;
}

static void names_add(Names *l, const char *s, size_t len)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    char *c = xrealloc(NULL, len + 1);
    memcpy(c, s, len);
    c[len] = '\0';
    l->v[l->n++] = c;
}

static int names_has(const Names *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i], s)) return 1;
    return 0;
}

static void names_free(Names *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- the suite's state ---- */

typedef struct Oracle {
    Names programs;        /* every NAME.py in tests/oracle, sorted */
    Names strict;          /* compared exactly: ENABLED or the command line */
    Names others;          /* only reported */
    Names others_passing;
    size_t strict_passed;
    int from_command_line; /* names given: run only those */
    int verbose;
    unsigned timeout;
} Oracle;

typedef struct Case {
    Oracle *o;
    const char *name;      /* "NAME.py" */
} Case;

/* The programs in tests/oracle (gen_expected.py is the generator); 0 if
 * the folder cannot be read. */
static int list_programs(Names *out)
{
    DIR *d = opendir(ORACLE_DIR);
    if (!d) return 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 3 && !strcmp(e->d_name + len - 3, ".py") && strcmp(e->d_name, "gen_expected.py"))
            names_add(out, e->d_name, len);
    }
    closedir(d);
    qsort(out->v, out->n, sizeof *out->v, cmp_str);
    return 1;
}

/* ENABLED: one name per line ("NAME" or "NAME.py"), '#' comments, blank
 * lines.  0 with a message on stderr when it cannot be read or is bad. */
static int read_enabled(Names *out)
{
    size_t len;
    char *text = ts_read_file(ORACLE_DIR "/ENABLED", &len);
    if (!text) {
        fprintf(stderr, "test_oracle: cannot read %s\n", ORACLE_DIR "/ENABLED");
        return 0;
    }
    char *line = text;
    while (*line) {
        char *end = strchr(line, '\n');
        char *next = end ? end + 1 : line + strlen(line);
        if (!end) end = next;
        char *hash = memchr(line, '#', (size_t)(end - line));
        if (hash) end = hash;
        while (line < end && (*line == ' ' || *line == '\t')) line++;
        while (end > line && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) end--;
        if (end > line) {
            char name[512];
            size_t n = (size_t)(end - line);
            if (n + 4 > sizeof name) {
                fprintf(stderr, "test_oracle: ENABLED: a name too long\n");
                free(text);
                return 0;
            }
            memcpy(name, line, n);
            name[n] = '\0';
            if (n < 3 || strcmp(name + n - 3, ".py")) strcat(name, ".py");
            if (names_has(out, name)) {
                fprintf(stderr, "test_oracle: ENABLED lists %s twice\n", name);
                free(text);
                return 0;
            }
            names_add(out, name, strlen(name));
        }
        line = next;
    }
    free(text);
    return 1;
}

/* ---- running one program and comparing ---- */

typedef struct Expected {
    char *out, *err;
    size_t out_n, err_n;
    int status;
} Expected;

/* 0 on success; otherwise a message in msg. */
static int load_expected(const char *name, Expected *x, Buf *msg)
{
    char path[1024];
    size_t stem = strlen(name) - 3;
    memset(x, 0, sizeof *x);
    snprintf(path, sizeof path, "%s/%.*s.out", EXPECTED_DIR, (int)stem, name);
    x->out = ts_read_file(path, &x->out_n);
    snprintf(path, sizeof path, "%s/%.*s.err", EXPECTED_DIR, (int)stem, name);
    x->err = ts_read_file(path, &x->err_n);
    snprintf(path, sizeof path, "%s/%.*s.status", EXPECTED_DIR, (int)stem, name);
    size_t sn;
    char *st = ts_read_file(path, &sn);
    if (!x->out || !x->err || !st) {
        buf_printf(msg, "%s: expected output missing in %s (run tests/oracle/gen_expected.py)\n",
                   name, EXPECTED_DIR);
        free(st);
        return 1;
    }
    char *end;
    long v = strtol(st, &end, 10);
    if (end == st || v < 0 || v > 255) {
        buf_printf(msg, "%s: bad status file\n", name);
        free(st);
        return 1;
    }
    x->status = (int)v;
    free(st);
    return 0;
}

static void expected_free(Expected *x)
{
    free(x->out);
    free(x->err);
}

/* A line of text for a message: at most 160 bytes, escapes for control
 * characters, "<end of output>" past the end. */
static void show_line(Buf *msg, const char *s, size_t n, int present)
{
    if (!present) {
        buf_printf(msg, "<end of output>");
        return;
    }
    buf_add(msg, "\"", 1);
    size_t shown = n < 160 ? n : 160;
    for (size_t i = 0; i < shown; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '"') buf_printf(msg, "\\%c", c);
        else if (c < 0x20 || c == 0x7f) buf_printf(msg, "\\x%02x", c);
        else buf_add(msg, s + i, 1);
    }
    buf_add(msg, "\"", 1);
    if (shown < n) buf_printf(msg, "... (%zu bytes)", n);
}

/* Compares one stream; on a difference appends "NAME: STREAM differs at
 * line L" with both lines and returns 1. */
static int compare_stream(const char *name, const char *stream, const char *want, size_t wn,
                          const char *got, size_t gn, Buf *msg)
{
    if (wn == gn && !memcmp(want, got, wn)) return 0;
    size_t line = 1, i = 0, ls = 0;
    while (i < wn && i < gn && want[i] == got[i]) {
        if (want[i] == '\n') {
            line++;
            ls = i + 1;
        }
        i++;
    }
    /* The differing line on each side, from its start to its newline. */
    const char *w = want + ls, *g = got + ls;
    const char *we = memchr(w, '\n', wn - ls), *ge = memchr(g, '\n', gn - ls);
    size_t wl = we ? (size_t)(we - w) : wn - ls, gl = ge ? (size_t)(ge - g) : gn - ls;
    buf_printf(msg, "--- %s: %s differs at line %zu (expected %zu bytes, got %zu)\n", name, stream,
               line, wn, gn);
    buf_printf(msg, "  expected: ");
    show_line(msg, w, wl, ls < wn);
    if (we == NULL && ls < wn) buf_printf(msg, " (no newline)");
    buf_printf(msg, "\n  got:      ");
    show_line(msg, g, gl, ls < gn);
    if (ge == NULL && ls < gn) buf_printf(msg, " (no newline)");
    buf_printf(msg, "\n");
    return 1;
}

/* Runs tests/oracle/NAME.py on a fresh engine and compares stdout, stderr
 * and the exit status with CPython's.  0 when all three agree; otherwise
 * the differences in msg. */
static int run_program(const char *name, Buf *msg)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", ORACLE_DIR, name);
    size_t len;
    char *src = ts_read_file(path, &len);
    if (!src) {
        buf_printf(msg, "%s: cannot read %s\n", name, path);
        return 1;
    }
    Expected x;
    if (load_expected(name, &x, msg)) {
        free(src);
        return 1;
    }
    Buf out = {0}, err = {0};
    buf_add(&out, "", 0);
    buf_add(&err, "", 0);
    int status = sim_run_source(NULL, src, len, name, buf_write, &out, buf_write, &err);
    int bad = 0;
    bad |= compare_stream(name, "stdout", x.out, x.out_n, out.p, out.n, msg);
    bad |= compare_stream(name, "stderr", x.err, x.err_n, err.p, err.n, msg);
    if (status != x.status) {
        buf_printf(msg, "--- %s: exit status %d, expected %d\n", name, status, x.status);
        bad = 1;
    }
    free(out.p);
    free(err.p);
    free(src);
    expected_free(&x);
    return bad;
}

/* ---- the tests ---- */

/* The data is whole: every program has its expected files, every ENABLED
 * name is a program. */
static void test_listing(void **state)
{
    Oracle *o = *state;
    Buf msg = {0};
    assert_true(o->programs.n > 0);
    for (size_t i = 0; i < o->strict.n; i++)
        if (!names_has(&o->programs, o->strict.v[i]))
            buf_printf(&msg, "%s is listed but tests/oracle has no such program\n", o->strict.v[i]);
    for (size_t i = 0; i < o->programs.n; i++) {
        Expected x;
        if (!load_expected(o->programs.v[i], &x, &msg)) expected_free(&x);
    }
    if (msg.n) {
        print_error("%s", msg.p);
        free(msg.p);
        fail();
    }
}

/* One program of ENABLED, exactly. */
static void test_strict(void **state)
{
    Case *c = *state;
    Buf msg = {0};
    /* A program that never ends kills the suite (SIGALRM) after three
     * times the reported programs' limit (at least a minute), its name
     * last in the log. */
    alarm(c->o->timeout * 3 > 60 ? c->o->timeout * 3 : 60);
    int bad = run_program(c->name, &msg);
    alarm(0);
    if (bad) {
        print_error("%s", msg.p);
        free(msg.p);
        fail_msg("oracle: %s differs from CPython 3.11", c->name);
    }
    c->o->strict_passed++;
}

/* The child's side of a reported run: default signal dispositions (cmocka's
 * handlers must not resume the suite in the child), a time limit, exit 0 on
 * a match. */
static void run_child(const Oracle *o, const char *name)
{
    signal(SIGSEGV, SIG_DFL);
    signal(SIGBUS, SIG_DFL);
    signal(SIGILL, SIG_DFL);
    signal(SIGFPE, SIG_DFL);
    signal(SIGABRT, SIG_DFL);
    signal(SIGALRM, SIG_DFL);
    alarm(o->timeout);
    Buf msg = {0};
    int bad = run_program(name, &msg);
    if (bad && o->verbose) {
        fputs(msg.p, stderr);
        fflush(stderr);
    }
    _exit(bad ? 1 : 0);
}

/* The others, each in a child process; reported, never failing. */
static void test_report_others(void **state)
{
    Oracle *o = *state;
    size_t crashed = 0, timed_out = 0;
    for (size_t i = 0; i < o->others.n; i++) {
        const char *name = o->others.v[i];
        fflush(stdout);
        fflush(stderr);
        pid_t pid = fork();
        if (pid < 0) {
            print_message("oracle: fork failed; others not run\n");
            break;
        }
        if (pid == 0) run_child(o, name);
        int st = 0;
        pid_t r;
        do {
            r = waitpid(pid, &st, 0);
        } while (r < 0 && errno == EINTR);
        if (r < 0) {
            crashed++;
            continue;
        }
        if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
            names_add(&o->others_passing, name, strlen(name));
        } else if (WIFSIGNALED(st)) {
            if (WTERMSIG(st) == SIGALRM) timed_out++;
            else crashed++;
            if (o->verbose)
                print_message("--- %s: %s (signal %d)\n", name,
                              WTERMSIG(st) == SIGALRM ? "timed out" : "crashed", WTERMSIG(st));
        }
    }
    print_message("oracle: %zu enabled passed, %zu others: %zu pass", o->strict_passed,
                  o->others.n, o->others_passing.n);
    if (crashed || timed_out)
        print_message(" (%zu crashed, %zu timed out after %u s)", crashed, timed_out, o->timeout);
    print_message("\n");
    if (o->others_passing.n) {
        print_message("oracle: passing but not in ENABLED:");
        for (size_t i = 0; i < o->others_passing.n; i++)
            print_message(" %s", o->others_passing.v[i]);
        print_message("\n");
    }
}

int main(int argc, char **argv)
{
    Oracle o;
    memset(&o, 0, sizeof o);
    const char *v = getenv("ORACLE_VERBOSE");
    o.verbose = v && *v && strcmp(v, "0");
    const char *t = getenv("ORACLE_TIMEOUT");
    o.timeout = t && atoi(t) > 0 ? (unsigned)atoi(t) : 5;
    if (!list_programs(&o.programs)) {
        fprintf(stderr, "test_oracle: cannot open %s\n", ORACLE_DIR);
        return 1;
    }
    if (argc > 1) {
        o.from_command_line = 1;
        for (int i = 1; i < argc; i++) {
            char name[512];
            const char *base = strrchr(argv[i], '/');
            base = base ? base + 1 : argv[i];
            size_t n = strlen(base);
            snprintf(name, sizeof name, "%s%s", base, n > 3 && !strcmp(base + n - 3, ".py") ? "" : ".py");
            if (!names_has(&o.strict, name)) names_add(&o.strict, name, strlen(name));
        }
    } else {
        if (!read_enabled(&o.strict)) return 1;
        for (size_t i = 0; i < o.programs.n; i++)
            if (!names_has(&o.strict, o.programs.v[i]))
                names_add(&o.others, o.programs.v[i], strlen(o.programs.v[i]));
    }

    size_t n = 0, cap = o.strict.n + 2;
    struct CMUnitTest *tests = calloc(cap, sizeof *tests);
    Case *cases = calloc(o.strict.n + 1, sizeof *cases);
    if (!tests || !cases) return 1;
    tests[n++] = (struct CMUnitTest){.name = "listing", .test_func = test_listing, .initial_state = &o};
    for (size_t i = 0; i < o.strict.n; i++) {
        cases[i] = (Case){.o = &o, .name = o.strict.v[i]};
        tests[n++] = (struct CMUnitTest){.name = o.strict.v[i], .test_func = test_strict,
                                         .initial_state = &cases[i]};
    }
    if (!o.from_command_line)
        tests[n++] = (struct CMUnitTest){.name = "report_others", .test_func = test_report_others,
                                         .initial_state = &o};
    int rc = _cmocka_run_group_tests("oracle", tests, n, NULL, NULL);
    free(tests);
    free(cases);
    names_free(&o.programs);
    names_free(&o.strict);
    names_free(&o.others);
    names_free(&o.others_passing);
    return rc;
}
