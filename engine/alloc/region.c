/*
 * region.c -- host memory behind the simulated address space.
 *
 * One PROT_NONE reservation covers the static, arena and raw regions, so a
 * simulated address maps to a host address by one add.  Ranges become
 * readable and writable the first time an arena slot or the raw top needs
 * them (mprotect).  A released arena keeps its host pages for the next
 * arena in its slot, the way glibc keeps freed memory: pymalloc never
 * relies on fresh arena memory being zero, and the simulated view (which
 * arenas exist) is unaffected.  Touching simulated memory that was never
 * committed faults at once instead of corrupting.
 */
#include <stdarg.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "alloc/pymalloc.h"

#define HOST_PAGE 4096u

int pm_fail(char *msg, size_t cap, const char *fmt, ...)
{
    if (msg && cap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, cap, fmt, ap);
        va_end(ap);
    }
    return 1;
}

int pm_region_reserve(SimHeap *h, char *err, size_t errcap)
{
    h->raw.cap = h->prof.heap_limit < SIM_RAW_CAP_MAX ? h->prof.heap_limit : SIM_RAW_CAP_MAX;
    h->raw.cap = (h->raw.cap + HOST_PAGE - 1) & ~(uint64_t)(HOST_PAGE - 1);
    h->host_len = (SIM_RAW_BASE - SIM_SPACE_BASE) + h->raw.cap;
    void *p = mmap(NULL, h->host_len, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        pm_fail(err, errcap, "cannot reserve %llu bytes of host address space "
                "for the simulated heap", (unsigned long long)h->host_len);
        h->host = NULL;
        return -1;
    }
    h->host = p;
    h->bias = (uintptr_t)p - SIM_SPACE_BASE;
    return 0;
}

void pm_region_release_all(SimHeap *h)
{
    if (h->host) munmap(h->host, h->host_len);
    h->host = NULL;
}

int pm_region_commit(SimHeap *h, SimAddr a, uint64_t len)
{
    uint64_t lo = (a - SIM_SPACE_BASE) & ~(uint64_t)(HOST_PAGE - 1);
    uint64_t hi = (a - SIM_SPACE_BASE + len + HOST_PAGE - 1) & ~(uint64_t)(HOST_PAGE - 1);
    if (hi > h->host_len) return -1;
    return mprotect(h->host + lo, hi - lo, PROT_READ | PROT_WRITE) == 0 ? 0 : -1;
}

SimAddr pm_static_alloc(SimHeap *h, uint64_t size, uint64_t align)
{
    uint64_t off = (h->static_used + align - 1) & ~(align - 1);
    if (off + size > SIM_STATIC_CAP) return 0;
    if (off + size > h->static_committed) {
        uint64_t want = (off + size + 0xffff) & ~(uint64_t)0xffff;
        if (want > SIM_STATIC_CAP) want = SIM_STATIC_CAP;
        if (pm_region_commit(h, SIM_STATIC_BASE + h->static_committed,
                             want - h->static_committed) != 0)
            return 0;
        h->static_committed = want;
    }
    h->static_used = off + size;
    return SIM_STATIC_BASE + off;
}
