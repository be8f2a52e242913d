/*
 * test_pymalloc_traces.c -- replays golden traces made by an independent
 * Python model of CPython 3.11's obmalloc (tests/model/, regenerate with
 * `python3 tests/model/gen_traces.py`).  Every allocation must land at the
 * address the model computed, every state line must match usable_arenas
 * and the arena counters, and the final report must match line for line.
 * The self-check runs after every operation.
 *
 * Format (tests/model/README.md): `profile SPEC`, then `a N ADDR`,
 * `f ADDR`, `s CURRENT TOTAL USABLE`, and `report` followed by `| line`.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"

#ifndef TRACE_DIR
#error "TRACE_DIR must name the folder of the golden traces"
#endif

static void replay(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) fail_msg("cannot open %s", path);
    char line[4096];
    SimHeap *h = NULL;
    long lineno = 0, ops = 0;
    size_t rcap = 1 << 16, rlen = 0;
    char *want = malloc(rcap);
    int in_report = 0;
    want[0] = '\0';
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0') continue;
        if (in_report) {
            if (line[0] != '|') fail_msg("%s:%ld: expected a '| ' report line", path, lineno);
            const char *text = line[1] == ' ' ? line + 2 : line + 1;
            size_t n = strlen(text);
            if (rlen + n + 2 > rcap) want = realloc(want, rcap = (rlen + n + 2) * 2);
            memcpy(want + rlen, text, n);
            rlen += n;
            want[rlen++] = '\n';
            want[rlen] = '\0';
            continue;
        }
        if (!strncmp(line, "profile ", 8)) {
            h = ts_heap(line + 8);
            continue;
        }
        if (!h) fail_msg("%s:%ld: operation before the profile line", path, lineno);
        unsigned long long n, addr, cur, total;
        char usable[2048];
        if (sscanf(line, "a %llu %llx", &n, &addr) == 2) {
            SimAddr got = sim_heap_malloc(h, n);
            if (got != addr)
                fail_msg("%s:%ld: malloc(%llu) gave 0x%llx, the model says 0x%llx", path,
                         lineno, n, (unsigned long long)got, addr);
        } else if (sscanf(line, "f %llx", &addr) == 1) {
            if (sim_heap_free(h, addr) != 0)
                fail_msg("%s:%ld: free(0x%llx) refused", path, lineno, addr);
        } else if (sscanf(line, "s %llu %llu %2047s", &cur, &total, usable) == 3) {
            char *got = ts_usable(h);
            if (cur != h->narenas_currently_allocated || total != h->ntimes_arena_allocated ||
                strcmp(got, usable))
                fail_msg("%s:%ld: arenas %llu/%llu usable %s, the model says %llu/%llu %s",
                         path, lineno, (unsigned long long)h->narenas_currently_allocated,
                         (unsigned long long)h->ntimes_arena_allocated, got, cur, total, usable);
            free(got);
        } else if (!strcmp(line, "report")) {
            in_report = 1;
            continue;
        } else {
            fail_msg("%s:%ld: cannot read '%s'", path, lineno, line);
        }
        ops++;
        ts_check(h);
    }
    fclose(f);
    if (!h) fail_msg("%s: no profile line", path);
    if (!in_report) fail_msg("%s: no report", path);
    char *got = ts_report(h);
    if (strcmp(got, want)) {
        /* name the first differing line */
        const char *g = got, *w = want;
        int ln = 1;
        while (*g && *g == *w) {
            if (*g == '\n') ln++;
            g++;
            w++;
        }
        fail_msg("%s: report differs at line %d:\n  refscope: %.80s\n  model:    %.80s", path,
                 ln, g, w);
    }
    print_message("%s: %ld operations agree\n", strrchr(path, '/') + 1, ops);
    free(got);
    free(want);
    sim_heap_destroy(h);
}

static void test_all_traces(void **state)
{
    (void)state;
    DIR *d = opendir(TRACE_DIR);
    if (!d) fail_msg("cannot open %s", TRACE_DIR);
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        size_t len = strlen(e->d_name);
        if (len > 6 && !strcmp(e->d_name + len - 6, ".trace")) names[n++] = strdup(e->d_name);
    }
    closedir(d);
    assert_true(n >= 8);
    for (int i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", TRACE_DIR, names[i]);
        replay(path);
        free(names[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_traces),
    };
    return cmocka_run_group_tests_name("pymalloc_traces", tests, NULL, NULL) != 0;
}
