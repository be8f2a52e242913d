/*
 * report.c -- sys._debugmallocstats() for the simulated heap.
 *
 * Byte for byte the allocator part of CPython 3.11's
 * _PyObject_DebugMallocStats: the size-class table (pools with count > 0,
 * full ones included, found by walking every arena), the arena counters,
 * the accounting block that sums to narenas * ARENA_SIZE, and -- when the
 * profile has the radix tree -- the arena map lines.  The free-list lines
 * that follow in CPython belong to the object layer.
 */
#include <stdio.h>
#include <string.h>

#include "alloc/pymalloc.h"

/* printone(): the label padded to 35 columns, '=', the value with commas
 * right-aligned in 21 columns. */
static uint64_t printone(SimWriteFn out, void *ud, const char *msg, uint64_t value)
{
    char line[128];
    size_t n = strlen(msg);
    if (n > 64) n = 64;
    memcpy(line, msg, n);
    while (n < 35) line[n++] = ' ';
    line[n++] = '=';
    char digits[32];
    int i = (int)sizeof digits;
    uint64_t v = value;
    int k = 3;
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
        if (--k == 0 && v) {
            digits[--i] = ',';
            k = 3;
        }
    } while (v);
    int len = (int)sizeof digits - i;
    for (int pad = 21 - len; pad > 0; pad--) line[n++] = ' ';
    memcpy(line + n, digits + i, (size_t)len);
    n += (size_t)len;
    line[n++] = '\n';
    out(ud, line, n);
    return value;
}

static void text(SimWriteFn out, void *ud, const char *s) { out(ud, s, strlen(s)); }

void sim_heap_report(const SimHeap *h, SimWriteFn out, void *ud)
{
    uint64_t numpools[PM_MAX_CLASSES] = {0}, numblocks[PM_MAX_CLASSES] = {0},
             numfree[PM_MAX_CLASSES] = {0};
    uint64_t numfreepools = 0, arena_alignment = 0, narenas = 0;
    char buf[160];

    snprintf(buf, sizeof buf, "Small block threshold = %u, in %u size classes.\n",
             h->prof.threshold, h->nclasses);
    text(out, ud, buf);

    for (uint32_t i = 0; i < h->maxarenas; i++) {
        const PmArena *ao = &h->arenas[i];
        if (!ao->address) continue;
        narenas++;
        numfreepools += ao->nfreepools;
        if (ao->address & h->pool_mask) arena_alignment += h->prof.pool_size;
        for (SimAddr pool = pm_arena_first_pool(h, ao->address); pool < ao->pool_address;
             pool += h->prof.pool_size) {
            const PmPool *p = pm_pool(h, pool);
            if (p->count == 0) continue;
            numpools[p->szidx]++;
            numblocks[p->szidx] += p->count;
            numfree[p->szidx] += h->nblocks[p->szidx] - p->count;
        }
    }

    text(out, ud, "\nclass   size   num pools   blocks in use  avail blocks\n"
                  "-----   ----   ---------   -------------  ------------\n");
    uint64_t allocated = 0, available = 0, headers = 0, quantization = 0;
    for (uint32_t c = 0; c < h->nclasses; c++) {
        if (numpools[c] == 0) continue;
        uint32_t size = pm_class_size(h, c);
        snprintf(buf, sizeof buf, "%5u %6u %11llu %15llu %13llu\n", c, size,
                 (unsigned long long)numpools[c], (unsigned long long)numblocks[c],
                 (unsigned long long)numfree[c]);
        text(out, ud, buf);
        allocated += numblocks[c] * size;
        available += numfree[c] * size;
        headers += numpools[c] * PM_POOL_OVERHEAD;
        quantization += numpools[c] * ((h->prof.pool_size - PM_POOL_OVERHEAD) % size);
    }
    text(out, ud, "\n");
    printone(out, ud, "# arenas allocated total", h->ntimes_arena_allocated);
    printone(out, ud, "# arenas reclaimed", h->ntimes_arena_allocated - narenas);
    printone(out, ud, "# arenas highwater mark", h->narenas_highwater);
    printone(out, ud, "# arenas allocated current", narenas);
    snprintf(buf, sizeof buf, "%llu arenas * %u bytes/arena", (unsigned long long)narenas,
             h->prof.arena_size);
    printone(out, ud, buf, narenas * h->prof.arena_size);
    text(out, ud, "\n");

    uint64_t total = printone(out, ud, "# bytes in allocated blocks", allocated);
    total += printone(out, ud, "# bytes in available blocks", available);
    snprintf(buf, sizeof buf, "%llu unused pools * %u bytes",
             (unsigned long long)numfreepools, h->prof.pool_size);
    total += printone(out, ud, buf, numfreepools * h->prof.pool_size);
    total += printone(out, ud, "# bytes lost to pool headers", headers);
    total += printone(out, ud, "# bytes lost to quantization", quantization);
    total += printone(out, ud, "# bytes lost to arena alignment", arena_alignment);
    printone(out, ud, "Total", total);

    if (!h->prof.radix_tree) return;
    /* Node sizes of 3.11's three-level map over 64-bit addresses. */
    uint64_t interior_bytes = (UINT64_C(1) << h->map_interior_bits) * 8;
    uint64_t bot_bytes = (UINT64_C(1) << h->map_bot_bits) * 8;
    text(out, ud, "\narena map counts\n");
    printone(out, ud, "# arena map mid nodes", h->map_mid_count);
    printone(out, ud, "# arena map bot nodes", h->map_bot_count);
    text(out, ud, "\n");
    total = printone(out, ud, "# bytes lost to arena map root", interior_bytes);
    total += printone(out, ud, "# bytes lost to arena map mid", interior_bytes * h->map_mid_count);
    total += printone(out, ud, "# bytes lost to arena map bot", bot_bytes * h->map_bot_count);
    printone(out, ud, "Total", total);
}
