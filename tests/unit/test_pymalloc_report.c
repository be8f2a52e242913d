/*
 * test_pymalloc_report.c -- sys._debugmallocstats() for known traces.
 * The expected texts are computed by hand from CPython 3.11's formulas
 * (reference §1.5): NUMBLOCKS = 16336 // size, quantization = 16336 % size
 * per pool in use, 48 header bytes per pool in use, one pool lost to
 * alignment per arena; printone pads labels to 35 columns and prints the
 * value with commas right-aligned in 21.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"

/* Three floats and a 512-byte block, then one float freed:
 *   class 1 (32 B):  1 pool, 2 in use, 510-2 = 508 available
 *   class 31 (512 B): 1 pool, 1 in use, 31-1 = 30 available
 *   allocated 2*32 + 512 = 576; available 508*32 + 30*512 = 31,616
 *   unused pools 63-2 = 61 -> 999,424; headers 96; quantization
 *   16336%32 + 16336%512 = 16 + 464 = 480; alignment 16,384
 *   Total 576 + 31,616 + 999,424 + 96 + 480 + 16,384 = 1,048,576. */
static const char known_311[] =
    "Small block threshold = 512, in 32 size classes.\n"
    "\n"
    "class   size   num pools   blocks in use  avail blocks\n"
    "-----   ----   ---------   -------------  ------------\n"
    "    1     32           1               2           508\n"
    "   31    512           1               1            30\n"
    "\n"
    "# arenas allocated total           =                    1\n"
    "# arenas reclaimed                 =                    0\n"
    "# arenas highwater mark            =                    1\n"
    "# arenas allocated current         =                    1\n"
    "1 arenas * 1048576 bytes/arena     =            1,048,576\n"
    "\n"
    "# bytes in allocated blocks        =                  576\n"
    "# bytes in available blocks        =               31,616\n"
    "61 unused pools * 16384 bytes      =              999,424\n"
    "# bytes lost to pool headers       =                   96\n"
    "# bytes lost to quantization       =                  480\n"
    "# bytes lost to arena alignment    =               16,384\n"
    "Total                              =            1,048,576\n"
    "\n"
    "arena map counts\n"
    "# arena map mid nodes              =                    1\n"
    "# arena map bot nodes              =                    1\n"
    "\n"
    "# bytes lost to arena map root     =              262,144\n"
    "# bytes lost to arena map mid      =              262,144\n"
    "# bytes lost to arena map bot      =              131,072\n"
    "Total                              =              655,360\n";

static void test_known_trace_311(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr f1 = ts_alloc(h, 24);
    ts_alloc(h, 24);
    ts_alloc(h, 24);
    ts_alloc(h, 512);
    ts_free(h, f1);
    ts_alloc(h, 600); /* raw: not in the report */
    char *r = ts_report(h);
    assert_string_equal(r, known_311);
    free(r);
    sim_heap_destroy(h);
}

/* classic: 64 classes of 8 bytes, 4 KiB pools of 4048 usable bytes, 64
 * pools per arena, no alignment loss, no arena map.  Ten 24-byte blocks
 * (class 2, 168 per pool), one 8-byte block (class 0, 506 per pool):
 *   allocated 10*24 + 8 = 248; available 158*24 + 505*8 = 3,792 + 4,040
 *   = 7,832; 62 unused pools = 253,952; headers 96; quantization
 *   4048%24 + 4048%8 = 16 + 0 = 16; Total 262,144. */
static const char known_classic[] =
    "Small block threshold = 512, in 64 size classes.\n"
    "\n"
    "class   size   num pools   blocks in use  avail blocks\n"
    "-----   ----   ---------   -------------  ------------\n"
    "    0      8           1               1           505\n"
    "    2     24           1              10           158\n"
    "\n"
    "# arenas allocated total           =                    1\n"
    "# arenas reclaimed                 =                    0\n"
    "# arenas highwater mark            =                    1\n"
    "# arenas allocated current         =                    1\n"
    "1 arenas * 262144 bytes/arena      =              262,144\n"
    "\n"
    "# bytes in allocated blocks        =                  248\n"
    "# bytes in available blocks        =                7,832\n"
    "62 unused pools * 4096 bytes       =              253,952\n"
    "# bytes lost to pool headers       =                   96\n"
    "# bytes lost to quantization       =                   16\n"
    "# bytes lost to arena alignment    =                    0\n"
    "Total                              =              262,144\n";

static void test_known_trace_classic(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("classic");
    for (int i = 0; i < 10; i++) ts_alloc(h, 24);
    ts_alloc(h, 3);
    char *r = ts_report(h);
    assert_string_equal(r, known_classic);
    free(r);
    sim_heap_destroy(h);
}

/* Full pools are counted (they are on no list, found by walking arenas);
 * released arenas count as reclaimed; the highwater mark stays. */
static void test_full_pools_and_reclaimed(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr *b = calloc(64 * 31, sizeof *b);
    for (int i = 0; i < 64 * 31; i++) b[i] = ts_alloc(h, 500);   /* 63 full pools + 1 */
    /* free the whole first arena: not the last usable arena -> released */
    for (int i = 0; i < 63 * 31; i++) ts_free(h, b[i]);
    char *r = ts_report(h);
    assert_non_null(strstr(r, "   31    512           1              31             0\n"));
    assert_non_null(strstr(r, "# arenas allocated total           =                    2\n"));
    assert_non_null(strstr(r, "# arenas reclaimed                 =                    1\n"));
    assert_non_null(strstr(r, "# arenas highwater mark            =                    2\n"));
    assert_non_null(strstr(r, "# arenas allocated current         =                    1\n"));
    assert_non_null(strstr(r, "62 unused pools * 16384 bytes      =            1,015,808\n"));
    free(r);
    free(b);
    sim_heap_destroy(h);
}

/* The accounting block sums to narenas * ARENA_SIZE for many states. */
static void test_total_always_sums(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11,arena=64K,pool=4K");
    SimAddr live[3000];
    int n = 0;
    srand(7);
    for (int i = 0; i < 6000; i++) {
        if (n < 3000 && (n == 0 || rand() % 3)) {
            live[n++] = ts_alloc(h, (size_t)(rand() % 512) + 1);
        } else {
            int k = rand() % n;
            ts_free(h, live[k]);
            live[k] = live[--n];
        }
        if (i % 250 == 0) {
            char *r = ts_report(h);
            unsigned long long arenas = 0, arena_size = 0;
            const char *line = strstr(r, " arenas * ");
            assert_non_null(line);
            while (line > r && line[-1] != '\n') line--;
            assert_int_equal(sscanf(line, "%llu arenas * %llu", &arenas, &arena_size), 2);
            /* the first Total line is the accounting block's */
            const char *total = strstr(r, "Total");
            char digits[32] = {0};
            size_t k = 0;
            for (const char *p = strchr(total, '='); *p && *p != '\n'; p++)
                if (*p >= '0' && *p <= '9') digits[k++] = *p;
            assert_int_equal(strtoull(digits, NULL, 10), arenas * arena_size);
            free(r);
        }
    }
    sim_heap_destroy(h);
}

/* A fresh heap: no classes, no arenas, all zeros. */
static void test_empty_heap(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    char *r = ts_report(h);
    assert_non_null(strstr(r, "------------\n\n# arenas allocated total"));
    assert_non_null(strstr(r, "0 arenas * 1048576 bytes/arena     =                    0\n"));
    free(r);
    sim_heap_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_trace_311),
        cmocka_unit_test(test_known_trace_classic),
        cmocka_unit_test(test_full_pools_and_reclaimed),
        cmocka_unit_test(test_total_always_sums),
        cmocka_unit_test(test_empty_heap),
    };
    return cmocka_run_group_tests_name("pymalloc_report", tests, NULL, NULL) != 0;
}
