/*
 * rawmalloc.c -- the simulated libc malloc behind PyMem_RawMalloc.
 *
 * CPython sends requests of 0 or more than 512 bytes (and small ones when
 * no arena can be had) to the C library.  glibc itself is not the subject
 * of any lesson, so this is a small, deterministic boundary-tag heap with
 * glibc's visible traits: 16-byte aligned user addresses, a 16-byte chunk
 * header, neighbours coalesced on free, a top chunk that grows and shrinks,
 * and realloc that stays in place when it can.
 *
 * Chunk layout (c = chunk address, user address = c + 16):
 *   c+0   size | INUSE | PREV_INUSE      (size includes the header)
 *   c+8   request bytes (in use) / 0 (free)
 *   free chunks also hold: c+16 next free, c+24 prev free, c+size-8 size
 *
 * Invariants: chunks tile [SIM_RAW_BASE, top); no two free chunks touch;
 * the chunk before top is in use; PREV_INUSE mirrors the previous chunk;
 * the free list (LIFO, doubly linked) holds exactly the free chunks.
 */
#include "alloc/pymalloc.h"

#define INUSE      UINT64_C(1)
#define PREV_INUSE UINT64_C(2)
#define FLAGS      (INUSE | PREV_INUSE)
#define HDR        16u
#define MINCHUNK   48u
#define COMMIT_STEP (UINT64_C(64) << 10)

static uint64_t hdr(const SimHeap *h, SimAddr c) { return pm_load64(h, c); }
static uint64_t csize(const SimHeap *h, SimAddr c) { return hdr(h, c) & ~FLAGS; }
static void set_hdr(SimHeap *h, SimAddr c, uint64_t v) { pm_store64(h, c, v); }
static SimAddr fnext(const SimHeap *h, SimAddr c) { return pm_load64(h, c + 16); }
static SimAddr fprev(const SimHeap *h, SimAddr c) { return pm_load64(h, c + 24); }

static uint64_t chunk_for(uint64_t nbytes)
{
    uint64_t need = (nbytes + HDR + 15) & ~UINT64_C(15);
    return need < MINCHUNK ? MINCHUNK : need;
}

static void emit_raw(SimHeap *h, SimEventKind kind, SimAddr user, int64_t a, int64_t b)
{
    SimEvent ev = EV_BLANK(kind);
    ev.addr = user;
    ev.a = a;
    ev.b = b;
    ev_emit(h->ev, &ev);
}

void pm_raw_init(SimHeap *h)
{
    h->raw.top = h->raw.committed = SIM_RAW_BASE;
    h->raw.free_head = 0;
}

static void list_push(SimHeap *h, SimAddr c)
{
    pm_store64(h, c + 16, h->raw.free_head);
    pm_store64(h, c + 24, 0);
    if (h->raw.free_head) pm_store64(h, h->raw.free_head + 24, c);
    h->raw.free_head = c;
}

static void list_unlink(SimHeap *h, SimAddr c)
{
    SimAddr n = fnext(h, c), p = fprev(h, c);
    if (p) pm_store64(h, p + 16, n);
    else h->raw.free_head = n;
    if (n) pm_store64(h, n + 24, p);
}

/* Makes [c, c+size) a free chunk whose previous neighbour is in use, and
 * clears the next chunk's PREV_INUSE. */
static void make_free(SimHeap *h, SimAddr c, uint64_t size)
{
    set_hdr(h, c, size | PREV_INUSE);
    pm_store64(h, c + 8, 0);
    pm_store64(h, c + size - 8, size);
    SimAddr next = c + size;
    if (next < h->raw.top) set_hdr(h, next, hdr(h, next) & ~PREV_INUSE);
    list_push(h, c);
}

/* Releases chunk c (currently marked in use) with coalescing. */
static void release_chunk(SimHeap *h, SimAddr c)
{
    uint64_t size = csize(h, c);
    if (!(hdr(h, c) & PREV_INUSE)) {
        uint64_t psize = pm_load64(h, c - 8);
        c -= psize;
        list_unlink(h, c);
        size += psize;
    }
    SimAddr next = c + size;
    if (next == h->raw.top) {
        h->raw.top = c; /* merge into top */
        return;
    }
    if (!(hdr(h, next) & INUSE)) {
        list_unlink(h, next);
        size += csize(h, next);
    }
    make_free(h, c, size);
}

/* Splits the tail of in-use chunk c beyond `keep` bytes off as free. */
static void trim_chunk(SimHeap *h, SimAddr c, uint64_t keep)
{
    uint64_t size = csize(h, c);
    if (size - keep < MINCHUNK) return;
    set_hdr(h, c, keep | (hdr(h, c) & FLAGS));
    SimAddr rest = c + keep;
    set_hdr(h, rest, (size - keep) | INUSE | PREV_INUSE);
    release_chunk(h, rest);
}

/* Moves top up by `extra` bytes; 0 past the region or the heap limit. */
static int extend_top(SimHeap *h, uint64_t extra)
{
    if (extra > h->raw.cap - (h->raw.top - SIM_RAW_BASE)) return 0;
    if (pm_heap_bytes(h) + extra > h->prof.heap_limit) return 0;
    SimAddr end = h->raw.top + extra;
    if (end > h->raw.committed) {
        uint64_t want = (end - h->raw.committed + COMMIT_STEP - 1) & ~(COMMIT_STEP - 1);
        uint64_t room = SIM_RAW_BASE + h->raw.cap - h->raw.committed;
        if (want > room) want = room;
        if (pm_region_commit(h, h->raw.committed, want) != 0) return 0;
        h->raw.committed += want;
    }
    h->raw.top = end;
    return 1;
}

/* A new in-use chunk of `need` bytes carved from top; 0 if none. */
static SimAddr take_top(SimHeap *h, uint64_t need)
{
    SimAddr c = h->raw.top;
    if (!extend_top(h, need)) return 0;
    set_hdr(h, c, need | INUSE | PREV_INUSE);
    return c;
}

/* First fit on the free list, else the top. */
static SimAddr alloc_chunk(SimHeap *h, uint64_t need)
{
    for (SimAddr c = h->raw.free_head; c; c = fnext(h, c)) {
        uint64_t size = csize(h, c);
        if (size < need) continue;
        list_unlink(h, c);
        set_hdr(h, c, size | INUSE | PREV_INUSE);
        SimAddr next = c + size;
        if (next < h->raw.top) set_hdr(h, next, hdr(h, next) | PREV_INUSE);
        trim_chunk(h, c, need);
        return c;
    }
    return take_top(h, need);
}

SimAddr pm_raw_malloc(SimHeap *h, uint64_t nbytes)
{
    if (nbytes > h->raw.cap) return 0;
    uint64_t need = chunk_for(nbytes);
    SimAddr c = alloc_chunk(h, need);
    if (!c) return 0;
    pm_store64(h, c + 8, nbytes);
    h->raw.nchunks++;
    h->raw.requested += nbytes;
    h->raw.in_chunks += csize(h, c);
    if (ev_on(h->ev, SIM_EVCAT_RAW))
        emit_raw(h, SIM_EV_RAW_ALLOC, c + HDR, (int64_t)nbytes, (int64_t)csize(h, c));
    return c + HDR;
}

void pm_raw_free(SimHeap *h, SimAddr user)
{
    SimAddr c = user - HDR;
    uint64_t size = csize(h, c);
    if (ev_on(h->ev, SIM_EVCAT_RAW)) emit_raw(h, SIM_EV_RAW_FREE, user, (int64_t)size, 0);
    h->raw.nchunks--;
    h->raw.requested -= pm_load64(h, c + 8);
    h->raw.in_chunks -= size;
    release_chunk(h, c);
}

/* Grows chunk c in place to `need` bytes if top or a free neighbour
 * allows; returns 1 on success. */
static int grow_in_place(SimHeap *h, SimAddr c, uint64_t need)
{
    uint64_t size = csize(h, c);
    SimAddr next = c + size;
    if (next == h->raw.top) {
        if (!extend_top(h, need - size)) return 0;
        set_hdr(h, c, need | (hdr(h, c) & FLAGS));
        return 1;
    }
    if (hdr(h, next) & INUSE) return 0;
    uint64_t nsize = csize(h, next);
    if (size + nsize < need) return 0;
    list_unlink(h, next);
    set_hdr(h, c, (size + nsize) | (hdr(h, c) & FLAGS));
    SimAddr after = c + size + nsize;
    if (after < h->raw.top) set_hdr(h, after, hdr(h, after) | PREV_INUSE);
    trim_chunk(h, c, need);
    return 1;
}

SimAddr pm_raw_realloc(SimHeap *h, SimAddr user, uint64_t nbytes)
{
    if (nbytes > h->raw.cap) return 0;
    SimAddr c = user - HDR;
    uint64_t need = chunk_for(nbytes), size = csize(h, c);
    uint64_t old_req = pm_load64(h, c + 8);
    SimAddr out = user;
    if (need <= size) {
        trim_chunk(h, c, need);
    } else if (!grow_in_place(h, c, need)) {
        out = pm_raw_malloc(h, nbytes);
        if (!out) return 0;
        memcpy(pm_host(h, out), pm_host(h, user), old_req < nbytes ? old_req : nbytes);
        pm_raw_free(h, user);
        if (ev_on(h->ev, SIM_EVCAT_RAW))
            emit_raw(h, SIM_EV_RAW_REALLOC, out, (int64_t)nbytes, (int64_t)user);
        return out;
    }
    h->raw.in_chunks += csize(h, c);
    h->raw.in_chunks -= size;
    h->raw.requested += nbytes;
    h->raw.requested -= old_req;
    pm_store64(h, c + 8, nbytes);
    if (ev_on(h->ev, SIM_EVCAT_RAW))
        emit_raw(h, SIM_EV_RAW_REALLOC, out, (int64_t)nbytes, (int64_t)user);
    return out;
}

int pm_raw_is_live(const SimHeap *h, SimAddr user)
{
    if (user < SIM_RAW_BASE + HDR || user >= h->raw.top || (user & 15)) return 0;
    for (SimAddr c = SIM_RAW_BASE; c < h->raw.top; c += csize(h, c)) {
        if (c + HDR == user) return (hdr(h, c) & INUSE) != 0;
        if (c + HDR > user) return 0;
    }
    return 0;
}

uint64_t pm_raw_chunk_size(const SimHeap *h, SimAddr user) { return csize(h, user - HDR); }
uint64_t pm_raw_request(const SimHeap *h, SimAddr user) { return pm_load64(h, user - HDR + 8); }

int pm_raw_check(const SimHeap *h, char *msg, size_t cap)
{
    uint64_t nfree = 0, nused = 0, req = 0, bytes = 0;
    int prev_inuse = 1;
    SimAddr c = SIM_RAW_BASE;
    while (c < h->raw.top) {
        uint64_t v = hdr(h, c), size = v & ~FLAGS;
        if (size < MINCHUNK || size % 16 || size > h->raw.top - c)
            return pm_fail(msg, cap, "raw chunk 0x%llx has a bad size %llu",
                           (unsigned long long)c, (unsigned long long)size);
        if (!!(v & PREV_INUSE) != prev_inuse)
            return pm_fail(msg, cap, "raw chunk 0x%llx: PREV_INUSE disagrees with its "
                           "neighbour", (unsigned long long)c);
        if (v & INUSE) {
            nused++;
            bytes += size;
            req += pm_load64(h, c + 8);
            if (pm_load64(h, c + 8) > size - HDR)
                return pm_fail(msg, cap, "raw chunk 0x%llx: request larger than the chunk",
                               (unsigned long long)c);
        } else {
            if (!prev_inuse)
                return pm_fail(msg, cap, "raw chunks before 0x%llx are both free "
                               "(not coalesced)", (unsigned long long)c);
            if (pm_load64(h, c + size - 8) != size)
                return pm_fail(msg, cap, "free raw chunk 0x%llx: footer disagrees",
                               (unsigned long long)c);
            nfree++;
        }
        prev_inuse = (v & INUSE) != 0;
        c += size;
    }
    if (c != h->raw.top)
        return pm_fail(msg, cap, "raw chunks overrun top");
    if (!prev_inuse)
        return pm_fail(msg, cap, "the raw chunk before top is free (should have merged)");
    if (nused != h->raw.nchunks || bytes != h->raw.in_chunks || req != h->raw.requested)
        return pm_fail(msg, cap, "raw accounting: %llu chunks/%llu bytes/%llu requested "
                       "found, %llu/%llu/%llu recorded",
                       (unsigned long long)nused, (unsigned long long)bytes,
                       (unsigned long long)req, (unsigned long long)h->raw.nchunks,
                       (unsigned long long)h->raw.in_chunks,
                       (unsigned long long)h->raw.requested);
    uint64_t listed = 0;
    SimAddr prev = 0;
    for (SimAddr f = h->raw.free_head; f; f = fnext(h, f)) {
        if (++listed > nfree || f < SIM_RAW_BASE || f >= h->raw.top)
            return pm_fail(msg, cap, "raw free list is longer than the free chunks or "
                           "leaves the region");
        if (hdr(h, f) & INUSE)
            return pm_fail(msg, cap, "raw chunk 0x%llx is on the free list but in use",
                           (unsigned long long)f);
        if (fprev(h, f) != prev)
            return pm_fail(msg, cap, "raw free list back link broken at 0x%llx",
                           (unsigned long long)f);
        prev = f;
    }
    if (listed != nfree)
        return pm_fail(msg, cap, "%llu free raw chunks but %llu on the free list",
                       (unsigned long long)nfree, (unsigned long long)listed);
    return 0;
}
