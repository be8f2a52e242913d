/*
 * test_pymalloc_profile.c -- the profiles: presets, overrides, defaults
 * derived from them, and every rejected parameter with a message that
 * names it and says why.
 */
#include <string.h>

#include "heap_support.h"

static void test_presets(void **state)
{
    (void)state;
    SimProfile p;
    char err[256];
    assert_int_equal(sim_profile_parse("cpython-3.11", &p, err, sizeof err), 0);
    assert_string_equal(p.name, "cpython-3.11");
    assert_int_equal(p.arena_size, 1 << 20);
    assert_int_equal(p.pool_size, 16 << 10);
    assert_int_equal(p.alignment, 16);
    assert_int_equal(p.threshold, 512);
    assert_int_equal(p.arena_offset, 4096);
    assert_true(p.keep_last_arena);
    assert_true(p.radix_tree);
    assert_int_equal(sim_profile_parse(NULL, &p, err, sizeof err), 0); /* default */
    assert_string_equal(p.name, "cpython-3.11");

    assert_int_equal(sim_profile_parse("classic", &p, err, sizeof err), 0);
    assert_int_equal(p.arena_size, 256 << 10);
    assert_int_equal(p.pool_size, 4 << 10);
    assert_int_equal(p.alignment, 8);
    assert_int_equal(p.arena_offset, 0);
    assert_false(p.keep_last_arena);
    assert_false(p.radix_tree);
}

static void test_overrides(void **state)
{
    (void)state;
    SimProfile p;
    char err[256];
    assert_int_equal(sim_profile_parse("cpython-3.11,arena=16K,pool=1K,threshold=128",
                                       &p, err, sizeof err), 0);
    assert_string_equal(p.name, "custom");
    assert_int_equal(p.arena_size, 16384);
    assert_int_equal(p.pool_size, 1024);
    assert_int_equal(p.threshold, 128);
    assert_int_equal(p.arena_offset, 0);            /* pools fit a page: aligned */
    assert_int_equal(sim_profile_pools_per_arena(&p), 16);
    assert_int_equal(sim_profile_nclasses(&p), 8);

    assert_int_equal(sim_profile_parse("classic,pool=8K,arena=1M", &p, err, sizeof err), 0);
    assert_int_equal(p.arena_offset, 4096);         /* bigger than a page: one off */
    assert_int_equal(sim_profile_pools_per_arena(&p), 127);

    assert_int_equal(sim_profile_parse("cpython-3.11,offset=0", &p, err, sizeof err), 0);
    assert_int_equal(sim_profile_pools_per_arena(&p), 64);
    assert_int_equal(sim_profile_parse("cpython-3.11,keeplast=0,align=8", &p, err, sizeof err), 0);
    assert_false(p.keep_last_arena);
    assert_int_equal(sim_profile_nclasses(&p), 64);

    /* the limit is a run setting: the name stays */
    assert_int_equal(sim_profile_parse("classic,limit=64M", &p, err, sizeof err), 0);
    assert_string_equal(p.name, "classic");
    assert_int_equal(p.heap_limit, 64u << 20);
}

/* Each bad spec is rejected with a message containing `want`. */
static void expect_rejected(const char *spec, const char *want)
{
    SimProfile p;
    char err[256] = "";
    assert_int_equal(sim_profile_parse(spec, &p, err, sizeof err), -1);
    if (!strstr(err, want)) fail_msg("spec '%s': message '%s' lacks '%s'", spec, err, want);
}

static void test_rejected_parameters(void **state)
{
    (void)state;
    expect_rejected("cpython-3.12", "unknown profile 'cpython-3.12'");
    expect_rejected("cpython-3.11,align=4", "align=4: the alignment must be 8 or 16");
    expect_rejected("cpython-3.11,align=32", "align=32");
    expect_rejected("cpython-3.11,threshold=0", "threshold=0");
    expect_rejected("cpython-3.11,threshold=520", "threshold=520");
    expect_rejected("cpython-3.11,threshold=100", "multiple of the alignment (16)");
    expect_rejected("cpython-3.11,pool=3000", "pool=3000: the pool size must be a power of two");
    expect_rejected("cpython-3.11,pool=128", "pool=128");
    expect_rejected("cpython-3.11,arena=5M", "arena=5242880: the arena size must be a power of two");
    expect_rejected("cpython-3.11,arena=128M", "at most 64 MiB");
    expect_rejected("cpython-3.11,arena=32K", "at least two whole pools");   /* 16K pools, offset */
    expect_rejected("classic,arena=4K", "at least two whole pools");
    expect_rejected("cpython-3.11,pool=1K", "at least two blocks of the largest class");
    expect_rejected("cpython-3.11,pool=1K", "threshold=480 or less");
    expect_rejected("cpython-3.11,offset=8", "offset=8: the arena offset must be a multiple of "
                                             "the alignment (16)");
    expect_rejected("cpython-3.11,offset=16K", "smaller than the pool size");
    expect_rejected("cpython-3.11,limit=1000", "limit=1000: the heap limit must allow at least "
                                               "one arena");
    expect_rejected("cpython-3.11,limit=17G", "at most 16G");
    expect_rejected("cpython-3.11,colour=red", "unknown profile key 'colour'");
    expect_rejected("cpython-3.11,arena", "'arena': expected key=value");
    expect_rejected("cpython-3.11,arena=16Q", "arena=16Q: expected a number of bytes");
    expect_rejected("cpython-3.11,arena=", "arena=: expected a number");
    expect_rejected("cpython-3.11,arena=99999999999999999999", "expected a number");
    expect_rejected("cpython-3.11,pool=8G", "pool=8G: too large");
    expect_rejected("cpython-3.11,keeplast=2", "keeplast=2: expected 0 or 1");
}

/* A heap refuses an invalid profile given directly, too. */
static void test_heap_new_validates(void **state)
{
    (void)state;
    SimProfile p;
    char err[256];
    assert_int_equal(sim_profile_parse("cpython-3.11", &p, err, sizeof err), 0);
    p.pool_size = 1000;
    assert_null(sim_heap_new(&p, err, sizeof err));
    assert_non_null(strstr(err, "pool=1000"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_presets),
        cmocka_unit_test(test_overrides),
        cmocka_unit_test(test_rejected_parameters),
        cmocka_unit_test(test_heap_new_validates),
    };
    return cmocka_run_group_tests_name("pymalloc_profile", tests, NULL, NULL) != 0;
}
