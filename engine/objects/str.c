/* str.c -- see str.h. */
#include <stdlib.h>

#include "objects/exc.h"
#include "objects/str.h"
#include "objects/utf8.h"

#define KIND_SHIFT 2
#define COMPACT_BIT (1u << 5)
#define ASCII_BIT (1u << 6)
#define READY_BIT (1u << 7)

static uint32_t state(const Sim *S, Obj s) { return ob_get32(S, s, STR_STATE_OFF); }

unsigned str_kind(const Sim *S, Obj s) { return (state(S, s) >> KIND_SHIFT) & 7; }
int str_is_ascii(const Sim *S, Obj s) { return (state(S, s) & ASCII_BIT) != 0; }
int64_t str_len(const Sim *S, Obj s) { return (int64_t)ob_get64(S, s, STR_LENGTH_OFF); }
int str_is_interned(const Sim *S, Obj s) { return (state(S, s) & 3) != 0; }

void *str_data(const Sim *S, Obj s)
{
    return (char *)ob_ptr(S, s) + (str_is_ascii(S, s) ? STR_ASCII_DATA : STR_COMPACT_DATA);
}

uint32_t str_char(const Sim *S, Obj s, int64_t i)
{
    const void *d = str_data(S, s);
    switch (str_kind(S, s)) {
    case 1: return ((const uint8_t *)d)[i];
    case 2: return ((const uint16_t *)d)[i];
    default: return ((const uint32_t *)d)[i];
    }
}

void str_set_char(Sim *S, Obj s, int64_t i, uint32_t c)
{
    void *d = str_data(S, s);
    switch (str_kind(S, s)) {
    case 1: ((uint8_t *)d)[i] = (uint8_t)c; break;
    case 2: ((uint16_t *)d)[i] = (uint16_t)c; break;
    default: ((uint32_t *)d)[i] = c; break;
    }
}

static unsigned kind_for(uint32_t maxchar)
{
    return maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
}

/* Bytes CPython 3.11 asks for: PyUnicode_New. */
static uint64_t str_size(uint32_t maxchar, int64_t len)
{
    if (maxchar < 0x80) return STR_ASCII_DATA + (uint64_t)len + 1;
    return STR_COMPACT_DATA + ((uint64_t)len + 1) * kind_for(maxchar);
}

static void init_header(Sim *S, Obj s, uint32_t maxchar, int64_t len)
{
    uint32_t st = (kind_for(maxchar) << KIND_SHIFT) | COMPACT_BIT | READY_BIT;
    if (maxchar < 0x80) st |= ASCII_BIT;
    ob_set64(S, s, STR_LENGTH_OFF, (uint64_t)len);
    ob_set64(S, s, STR_HASH_OFF, (uint64_t)-1);
    ob_set32(S, s, STR_STATE_OFF, st);
}

Obj str_new(Sim *S, uint32_t maxchar, int64_t len)
{
    if (len < 0 || len > (INT64_C(1) << 40) || maxchar > 0x10ffff)
        return exc_set(S, len < 0 ? EXC_ValueError : EXC_OverflowError,
                       "cannot make a str of length %lld", (long long)len);
    Obj s = ob_alloc_sized(S, S->types[TI_STR].type, str_size(maxchar, len), 0);
    if (s) init_header(S, s, maxchar, len);
    return s;
}

/* Decodes one UTF-8 sequence at s[*i]; -1 when malformed. */
static int64_t utf8_next(const unsigned char *s, size_t n, size_t *i)
{
    static const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
    unsigned c = s[*i];
    int extra = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2
              : (c & 0xf8) == 0xf0 ? 3 : -1;
    if (extra < 0 || *i + (size_t)extra >= n) return -1;
    uint32_t cp = extra == 0 ? c : c & (0x3fu >> extra);
    for (int k = 1; k <= extra; k++) {
        unsigned b = s[*i + (size_t)k];
        if ((b & 0xc0) != 0x80) return -1;
        cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
    *i += (size_t)extra + 1;
    return cp;
}

Obj str_from_utf8(Sim *S, const char *src, size_t n)
{
    const unsigned char *s = (const unsigned char *)src;
    uint32_t maxchar = 0;
    int64_t len = 0;
    for (size_t i = 0; i < n;) {
        int64_t c = utf8_next(s, n, &i);
        if (c < 0) return exc_set(S, EXC_ValueError, "invalid UTF-8 at byte %zu", i);
        if ((uint32_t)c > maxchar) maxchar = (uint32_t)c;
        len++;
    }
    if (len == 0 || (len == 1 && maxchar < 256)) {
        Obj single = len == 0 ? S->empty_str : S->latin1[maxchar];
        ob_incref(S, single, HOLD_TEMP);
        return single;
    }
    Obj o = str_new(S, maxchar, len);
    if (!o) return 0;
    int64_t k = 0;
    for (size_t i = 0; i < n;) str_set_char(S, o, k++, (uint32_t)utf8_next(s, n, &i));
    return o;
}

Obj str_from_cstr(Sim *S, const char *s) { return str_from_utf8(S, s, strlen(s)); }

size_t str_to_utf8(const Sim *S, Obj s, char *buf, size_t cap)
{
    size_t n = 0;
    int64_t len = str_len(S, s);
    for (int64_t i = 0; i < len; i++) {
        uint32_t c = str_char(S, s, i);
        char tmp[4];
        size_t k = utf8_put(tmp, c);
        for (size_t j = 0; j < k; j++, n++)
            if (buf && n + 1 < cap) buf[n] = tmp[j];
    }
    if (buf && cap) buf[n < cap ? n : cap - 1] = '\0';
    return n;
}

/* ---- hashing: SipHash-1-3, as Python/pyhash.c ---- */

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b; c += d; b = ROTL(b, s) ^ a; d = ROTL(d, t) ^ c; a = ROTL(a, 32);
#define SIPROUND(v0, v1, v2, v3)              \
    HALF_ROUND(v0, v1, v2, v3, 13, 16);       \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

uint64_t str_siphash13(uint64_t k0, uint64_t k1, const void *src, size_t len)
{
    const uint8_t *in = src;
    uint64_t b = (uint64_t)len << 56;
    uint64_t v0 = k0 ^ UINT64_C(0x736f6d6570736575), v1 = k1 ^ UINT64_C(0x646f72616e646f6d);
    uint64_t v2 = k0 ^ UINT64_C(0x6c7967656e657261), v3 = k1 ^ UINT64_C(0x7465646279746573);
    size_t n = len;
    while (n >= 8) {
        uint64_t mi;
        memcpy(&mi, in, 8); /* little-endian host */
        in += 8;
        n -= 8;
        v3 ^= mi;
        SIPROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < n; i++) t |= (uint64_t)in[i] << (8 * i);
    b |= t;
    v3 ^= b;
    SIPROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

int64_t str_hash(Sim *S, Obj s)
{
    int64_t h = (int64_t)ob_get64(S, s, STR_HASH_OFF);
    if (h != -1) return h;
    int64_t len = str_len(S, s);
    h = len == 0 ? 0 : (int64_t)str_siphash13(0, 0, str_data(S, s), (size_t)len * str_kind(S, s));
    if (h == -1) h = -2;
    ob_set64(S, s, STR_HASH_OFF, (uint64_t)h);
    return h;
}

int str_equals_ascii(const Sim *S, Obj s, const char *t)
{
    size_t n = strlen(t);
    return str_kind(S, s) == 1 && (size_t)str_len(S, s) == n && memcmp(str_data(S, s), t, n) == 0;
}

int str_eq(const Sim *S, Obj a, Obj b)
{
    if (a == b) return 1;
    int64_t n = str_len(S, a);
    if (n != str_len(S, b) || str_kind(S, a) != str_kind(S, b)) return 0;
    return memcmp(str_data(S, a), str_data(S, b), (size_t)n * str_kind(S, a)) == 0;
}

/* ---- interning: a host-side set; its references are not counted ---- */

static uint64_t slot_of(const InternTable *t, int64_t h) { return (uint64_t)h & (t->cap - 1); }

static int intern_grow(Sim *S)
{
    InternTable *t = &S->interned;
    uint64_t cap = t->cap ? t->cap * 2 : 1024;
    Obj *slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (uint64_t i = 0; i < t->cap; i++) {
        Obj o = t->slots[i];
        if (!o) continue;
        uint64_t j = (uint64_t)str_hash(S, o) & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = o;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 0;
}

void str_intern(Sim *S, Obj *ps)
{
    Obj s = *ps;
    if (str_is_interned(S, s)) return;
    InternTable *t = &S->interned;
    if ((t->used + 1) * 2 > t->cap && intern_grow(S) != 0) return; /* stays uninterned */
    int64_t h = str_hash(S, s);
    uint64_t i = slot_of(t, h);
    for (; t->slots[i]; i = (i + 1) & (t->cap - 1)) {
        Obj o = t->slots[i];
        if (str_eq(S, o, s)) {
            ob_incref(S, o, HOLD_TEMP);
            ob_decref(S, s, HOLD_TEMP);
            *ps = o;
            return;
        }
    }
    t->slots[i] = s;
    t->used++;
    ob_set32(S, s, STR_STATE_OFF, (state(S, s) & ~3u) | STR_INTERNED_MORTAL);
}

static void intern_remove(Sim *S, Obj s)
{
    InternTable *t = &S->interned;
    uint64_t i = slot_of(t, str_hash(S, s));
    while (t->slots[i] != s) i = (i + 1) & (t->cap - 1);
    /* backward-shift deletion keeps probe chains intact */
    uint64_t j = i;
    for (;;) {
        t->slots[i] = 0;
        for (;;) {
            j = (j + 1) & (t->cap - 1);
            if (!t->slots[j]) {
                t->used--;
                return;
            }
            uint64_t k = slot_of(t, str_hash(S, t->slots[j]));
            if ((i <= j) ? (i < k && k <= j) : (i < k || k <= j)) continue;
            break;
        }
        t->slots[i] = t->slots[j];
        i = j;
    }
}

void str_dealloc(Sim *S, Obj o)
{
    if (str_is_interned(S, o)) intern_remove(S, o);
    ob_free_memory(S, o);
}

/* ---- static singletons ---- */

static Obj static_str(Sim *S, uint32_t maxchar, int64_t len)
{
    Obj s = ob_static_new(S, S->types[TI_STR].type, str_size(maxchar, len), OB_STATIC_REFCNT);
    if (s) init_header(S, s, maxchar, len);
    return s;
}

/* The interned str equal to the ASCII text s[0..n), or 0: hashed and
 * compared on the host, so that looking a name up allocates nothing
 * (CPython's _Py_ID strings are static; a probe str made here would be
 * an allocation, and trace events, that CPython does not have). */
static Obj intern_find_ascii(Sim *S, const char *s, size_t n)
{
    const InternTable *t = &S->interned;
    if (!t->cap) return 0;
    int64_t h = n == 0 ? 0 : (int64_t)str_siphash13(0, 0, s, n);
    if (h == -1) h = -2;
    for (uint64_t i = slot_of(t, h); t->slots[i]; i = (i + 1) & (t->cap - 1)) {
        Obj o = t->slots[i];
        if (str_kind(S, o) == 1 && (size_t)str_len(S, o) == n && memcmp(str_data(S, o), s, n) == 0)
            return o;
    }
    return 0;
}

Obj str_static_id(Sim *S, const char *s)
{
    size_t n = strlen(s);
    /* already made (or interned by the program): that one */
    Obj found = intern_find_ascii(S, s, n);
    if (found) return found;
    Obj st = static_str(S, 0x7f, (int64_t)n);
    if (!st) return exc_no_memory(S);
    for (size_t i = 0; i < n; i++) str_set_char(S, st, (int64_t)i, (uint8_t)s[i]);
    str_intern(S, &st);
    return st;
}

int str_init_statics(Sim *S)
{
    S->empty_str = static_str(S, 0, 0);
    if (!S->empty_str) return -1;
    for (uint32_t c = 0; c < 256; c++) {
        Obj s = static_str(S, c, 1);
        if (!s) return -1;
        str_set_char(S, s, 0, c);
        S->latin1[c] = s;
    }
    /* CPython 3.11 starts with these one-character identifiers already
     * interned as copies from its deep-frozen modules, not as the Latin-1
     * singletons: so chr(97) is 'a' is False but chr(103) is 'g' is True
     * (measured: python3 FILE.py, any PYTHONHASHSEED). */
    static const char frozen_chars[] = "abcdefhijklmnopqrstvwxyBCLST_";
    for (const char *p = frozen_chars; *p; p++) {
        Obj s = static_str(S, (uint32_t)(unsigned char)*p, 1);
        if (!s) return -1;
        str_set_char(S, s, 0, (uint32_t)(unsigned char)*p);
        str_intern(S, &s);
    }
    return 0;
}
