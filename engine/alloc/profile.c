/*
 * profile.c -- allocator profiles: the presets, `key=value` overrides and
 * the checks that keep obmalloc's arithmetic valid.
 *
 * cpython-3.11  1 MiB arenas, 16 KiB pools, 16-byte alignment, 32 classes,
 *               arenas mmapped one page past a pool boundary (63 pools),
 *               keep the last wholly free arena (bpo-37257), radix tree.
 * classic       256 KiB arenas, 4 KiB pools, 8-byte alignment, 64 classes
 *               (CPython <= 3.7.3), 64 pools, free an arena as soon as it
 *               is wholly free, no radix tree.
 *
 * Unless `offset=` is given, an arena starts one 4 KiB page past a pool
 * boundary when pools are larger than a page (mmap gives page alignment
 * only), and on a pool boundary otherwise.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc/pymalloc.h"

#define DEFAULT_HEAP_LIMIT (UINT64_C(4) << 30)
#define MAX_ARENA_SIZE     (UINT32_C(64) << 20)

/* name, arena, pool, alignment, threshold, offset, keep_last, radix_tree, limit */
static const SimProfile presets[] = {
    {"cpython-3.11", 1u << 20, 16u << 10, 16, 512, 4096, 1, 1, DEFAULT_HEAP_LIMIT},
    {"classic", 256u << 10, 4u << 10, 8, 512, 0, 0, 0, DEFAULT_HEAP_LIMIT},
};

#define KEYS_HELP "keys: arena, pool, align, threshold, offset, limit, keeplast"

static int is_pow2(uint64_t v) { return v && !(v & (v - 1)); }

unsigned sim_profile_nclasses(const SimProfile *p)
{
    return p->alignment ? p->threshold / p->alignment : 0;
}

unsigned sim_profile_blocks_per_pool(const SimProfile *p, unsigned c)
{
    return (p->pool_size - PM_POOL_OVERHEAD) / ((c + 1) * p->alignment);
}

unsigned sim_profile_pools_per_arena(const SimProfile *p)
{
    unsigned n = p->arena_size / p->pool_size;
    return (p->arena_offset % p->pool_size) ? n - 1 : n;
}

int sim_profile_validate(const SimProfile *p, char *err, size_t cap)
{
    if (p->alignment != 8 && p->alignment != 16)
        return -pm_fail(err, cap, "align=%u: the alignment must be 8 or 16 "
                        "(a free block must hold an 8-byte link)", p->alignment);
    if (p->threshold == 0 || p->threshold > 512 || p->threshold % p->alignment)
        return -pm_fail(err, cap, "threshold=%u: the small-request threshold must be "
                        "a multiple of the alignment (%u) between %u and 512",
                        p->threshold, p->alignment, p->alignment);
    if (!is_pow2(p->pool_size) || p->pool_size < 256 || p->pool_size > (1u << 20))
        return -pm_fail(err, cap, "pool=%u: the pool size must be a power of two "
                        "from 256 bytes to 1 MiB (a block's pool is found by masking "
                        "its address)", p->pool_size);
    if (!is_pow2(p->arena_size) || p->arena_size > MAX_ARENA_SIZE)
        return -pm_fail(err, cap, "arena=%u: the arena size must be a power of two "
                        "of at most 64 MiB", p->arena_size);
    if (p->arena_offset % p->alignment || p->arena_offset >= p->pool_size)
        return -pm_fail(err, cap, "offset=%u: the arena offset must be a multiple of "
                        "the alignment (%u) and smaller than the pool size (%u)",
                        p->arena_offset, p->alignment, p->pool_size);
    /* With a single pool an arena would go from full straight to wholly
     * free, a path CPython never takes (its arenas hold 63 or 64 pools). */
    unsigned need = p->arena_offset ? 3 : 2;
    if (p->arena_size / p->pool_size < need)
        return -pm_fail(err, cap, "arena=%u: an arena must hold at least two whole pools "
                        "of %u bytes%s; use arena=%u or more", p->arena_size,
                        p->pool_size, p->arena_offset ? " after its alignment offset" : "",
                        p->pool_size * (need == 3 ? 4 : 2));
    if (p->arena_size / p->pool_size > 65536)
        return -pm_fail(err, cap, "pool=%u: an arena of %u bytes would hold more than "
                        "65536 pools", p->pool_size, p->arena_size);
    /* pymalloc initialises a pool by handing out its first block and
     * linking the second one: the largest class needs two blocks. */
    unsigned top = sim_profile_nclasses(p) - 1;
    if (sim_profile_blocks_per_pool(p, top) < 2) {
        unsigned max_thr = ((p->pool_size - PM_POOL_OVERHEAD) / 2) / p->alignment * p->alignment;
        return -pm_fail(err, cap, "pool=%u: a pool must hold at least two blocks of the "
                        "largest class (%u bytes) but holds %u; use a pool of at least "
                        "%u bytes or threshold=%u or less", p->pool_size, p->threshold,
                        sim_profile_blocks_per_pool(p, top),
                        PM_POOL_OVERHEAD + 2 * p->threshold, max_thr);
    }
    if (p->heap_limit < p->arena_size)
        return -pm_fail(err, cap, "limit=%llu: the heap limit must allow at least one "
                        "arena (%u bytes)", (unsigned long long)p->heap_limit, p->arena_size);
    if (p->heap_limit > SIM_ARENA_CAP)
        return -pm_fail(err, cap, "limit=%llu: the heap limit is at most 16G",
                        (unsigned long long)p->heap_limit);
    return 0;
}

/* "64K" -> 65536.  -1 on syntax error or overflow. */
static int parse_size(const char *s, size_t len, uint64_t *out)
{
    uint64_t v = 0;
    size_t i = 0;
    if (len == 0 || !isdigit((unsigned char)s[0])) return -1;
    for (; i < len && isdigit((unsigned char)s[i]); i++) {
        if (v > (UINT64_MAX - 9) / 10) return -1;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    unsigned shift = 0;
    if (i < len) {
        switch (toupper((unsigned char)s[i])) {
        case 'K': shift = 10; break;
        case 'M': shift = 20; break;
        case 'G': shift = 30; break;
        default: return -1;
        }
        i++;
    }
    if (i != len || (shift && v > (UINT64_MAX >> shift))) return -1;
    *out = v << shift;
    return 0;
}

int sim_profile_parse(const char *spec, SimProfile *out, char *err, size_t cap)
{
    if (!spec || !*spec) spec = "cpython-3.11";
    const char *comma = strchr(spec, ',');
    size_t nlen = comma ? (size_t)(comma - spec) : strlen(spec);
    const SimProfile *base = NULL;
    for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++)
        if (nlen == strlen(presets[i].name) && !strncmp(spec, presets[i].name, nlen))
            base = &presets[i];
    if (!base)
        return -pm_fail(err, cap, "unknown profile '%.*s' (expected cpython-3.11 or "
                        "classic, optionally followed by ,key=value overrides)",
                        (int)nlen, spec);
    *out = *base;
    int overridden = 0, offset_set = 0;
    while (comma) {
        const char *item = comma + 1;
        comma = strchr(item, ',');
        size_t ilen = comma ? (size_t)(comma - item) : strlen(item);
        const char *eq = memchr(item, '=', ilen);
        if (!eq)
            return -pm_fail(err, cap, "'%.*s': expected key=value (" KEYS_HELP ")",
                            (int)ilen, item);
        size_t klen = (size_t)(eq - item);
        const char *val = eq + 1;
        size_t vlen = ilen - klen - 1;
        static const char *const keys[] = {"arena", "pool", "align", "threshold", "offset",
                                           "limit", "keeplast"};
        int known = 0;
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            known |= klen == strlen(keys[k]) && !strncmp(item, keys[k], klen);
        if (!known)
            return -pm_fail(err, cap, "unknown profile key '%.*s' (" KEYS_HELP ")",
                            (int)klen, item);
        uint64_t v;
        if (parse_size(val, vlen, &v) != 0)
            return -pm_fail(err, cap, "%.*s=%.*s: expected a number of bytes such as "
                            "4096, 16K or 1M", (int)klen, item, (int)vlen, val);
#define KEY(k) (klen == strlen(k) && !strncmp(item, k, klen))
        if (KEY("limit")) {
            out->heap_limit = v;
            continue;  /* the limit is a run setting, not a layout change */
        }
        if (v > UINT32_MAX)
            return -pm_fail(err, cap, "%.*s=%.*s: too large", (int)klen, item, (int)vlen, val);
        if (KEY("arena")) out->arena_size = (uint32_t)v;
        else if (KEY("pool")) out->pool_size = (uint32_t)v;
        else if (KEY("align")) out->alignment = (uint32_t)v;
        else if (KEY("threshold")) out->threshold = (uint32_t)v;
        else if (KEY("offset")) {
            out->arena_offset = (uint32_t)v;
            offset_set = 1;
        }
        else if (KEY("keeplast")) {
            if (v > 1)
                return -pm_fail(err, cap, "keeplast=%.*s: expected 0 or 1", (int)vlen, val);
            out->keep_last_arena = (int)v;
        }
#undef KEY
        overridden = 1;
    }
    if (overridden) snprintf(out->name, sizeof out->name, "custom");
    /* mmap returns page-aligned memory: an arena starts one page past a
     * pool boundary only when pools are larger than a page. */
    if (!offset_set) out->arena_offset = out->pool_size > 4096 ? 4096 : 0;
    return sim_profile_validate(out, err, cap);
}
