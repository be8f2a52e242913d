/*
 * objmap.c -- which simulated addresses hold a live object.
 *
 * CPython cannot enumerate its objects (only GC-tracked ones sit on
 * lists); refscope must, to audit every refcount.  One bit per 8 bytes of
 * simulated space, in 16 KiB bitmaps made per MiB on first use: setting
 * or clearing a bit is the only cost on allocation and free.
 */
#include <stdlib.h>

#include "objects/object.h"

#define CHUNK_SHIFT 20
#define CHUNK_BITS (1u << (CHUNK_SHIFT - 3))      /* 8-byte granules per chunk */
#define CHUNK_WORDS (CHUNK_BITS / 64)

static uint64_t *chunk_for(Sim *S, Obj o, int create)
{
    uint64_t c = (o - SIM_SPACE_BASE) >> CHUNK_SHIFT;
    if (c >= S->objmap_len) return NULL;
    if (!S->objmap[c] && create) {
        S->objmap[c] = calloc(CHUNK_WORDS, sizeof(uint64_t));
        if (!S->objmap[c]) abort(); /* host out of memory */
    }
    return S->objmap[c];
}

static uint64_t granule(Obj o) { return ((o - SIM_SPACE_BASE) & ((1u << CHUNK_SHIFT) - 1)) >> 3; }

void objmap_mark(Sim *S, Obj o)
{
    uint64_t g = granule(o);
    chunk_for(S, o, 1)[g / 64] |= UINT64_C(1) << (g % 64);
}

void objmap_unmark(Sim *S, Obj o)
{
    uint64_t *m = chunk_for(S, o, 0);
    uint64_t g = granule(o);
    if (m) m[g / 64] &= ~(UINT64_C(1) << (g % 64));
}

int objmap_is_live(const Sim *S, Obj o)
{
    if (o < SIM_SPACE_BASE || (o & 7)) return 0;
    uint64_t c = (o - SIM_SPACE_BASE) >> CHUNK_SHIFT;
    if (c >= S->objmap_len || !S->objmap[c]) return 0;
    uint64_t g = granule(o);
    return (S->objmap[c][g / 64] >> (g % 64)) & 1;
}

void objmap_each(Sim *S, void (*fn)(Sim *S, Obj o, void *ud), void *ud)
{
    for (size_t c = 0; c < S->objmap_len; c++) {
        uint64_t *m = S->objmap[c];
        if (!m) continue;
        for (uint32_t w = 0; w < CHUNK_WORDS; w++) {
            uint64_t bits = m[w];
            while (bits) {
                unsigned b = (unsigned)__builtin_ctzll(bits);
                bits &= bits - 1;
                fn(S, SIM_SPACE_BASE + ((uint64_t)c << CHUNK_SHIFT) + ((uint64_t)w * 64 + b) * 8, ud);
            }
        }
    }
}
