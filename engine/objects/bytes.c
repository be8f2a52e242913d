/* bytes.c -- see bytes.h. */
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/str.h"

static void init(Sim *S, Obj b, const void *data, int64_t len)
{
    ob_set64(S, b, BYTES_HASH_OFF, (uint64_t)-1);
    if (len) memcpy(bytes_data(S, b), data, (size_t)len);
    bytes_data(S, b)[len] = 0;
}

Obj bytes_from(Sim *S, const void *data, int64_t len)
{
    if (len < 0 || len > (INT64_C(1) << 40))
        return exc_set(S, EXC_OverflowError, "byte string is too large");
    if (len == 0 || (len == 1 && data)) {
        Obj single = len == 0 ? S->empty_bytes : S->bytes_chars[*(const unsigned char *)data];
        ob_incref(S, single, HOLD_TEMP);
        return single;
    }
    Obj b = ob_alloc_sized(S, S->types[TI_BYTES].type, BYTES_HEADER + (uint64_t)len, len);
    if (b) {
        init(S, b, data ? data : "", data ? len : 0);
        if (!data) memset(bytes_data(S, b), 0, (size_t)len + 1);
    }
    return b;
}

/* _PyBytes_FromSize: a new object of len bytes, singletons or not. */
static Obj fresh(Sim *S, int64_t len)
{
    if (len > (INT64_C(1) << 40)) return exc_no_memory(S);
    Obj b = ob_alloc_sized(S, S->types[TI_BYTES].type, BYTES_HEADER + (uint64_t)len, len);
    if (b) {
        ob_set64(S, b, BYTES_HASH_OFF, (uint64_t)-1);
        bytes_data(S, b)[len] = 0;
    }
    return b;
}

Obj bytes_concat(Sim *S, Obj a, Obj b)
{
    int64_t na = bytes_len(S, a), nb = bytes_len(S, b);
    Obj same = na == 0 ? b : nb == 0 ? a : 0;
    if (same) {
        ob_incref(S, same, HOLD_TEMP);
        return same;
    }
    if (na > (INT64_C(1) << 40) - nb) return exc_no_memory(S);
    Obj r = fresh(S, na + nb);
    if (r) {
        memcpy(bytes_data(S, r), bytes_data(S, a), (size_t)na);
        memcpy(bytes_data(S, r) + na, bytes_data(S, b), (size_t)nb);
    }
    return r;
}

Obj bytes_repeat(Sim *S, Obj a, int64_t n)
{
    int64_t len = bytes_len(S, a);
    if (n < 0) n = 0;
    if (n > 0 && len > INT64_MAX / n) return exc_set(S, EXC_OverflowError, "repeated bytes are too long");
    if (len * n == len) {
        ob_incref(S, a, HOLD_TEMP);
        return a;
    }
    Obj r = fresh(S, len * n);
    for (int64_t i = 0; r && i < n; i++) memcpy(bytes_data(S, r) + i * len, bytes_data(S, a), (size_t)len);
    return r;
}

int64_t bytes_hash(Sim *S, Obj b)
{
    int64_t h = (int64_t)ob_get64(S, b, BYTES_HASH_OFF);
    if (h != -1) return h;
    int64_t len = bytes_len(S, b);
    h = len == 0 ? 0 : (int64_t)str_siphash13(0, 0, bytes_data(S, b), (size_t)len);
    if (h == -1) h = -2;
    ob_set64(S, b, BYTES_HASH_OFF, (uint64_t)h);
    return h;
}

int bytes_eq(const Sim *S, Obj a, Obj b)
{
    int64_t n = bytes_len(S, a);
    return n == bytes_len(S, b) && memcmp(bytes_data(S, a), bytes_data(S, b), (size_t)n) == 0;
}

int bytes_init_statics(Sim *S)
{
    Obj type = S->types[TI_BYTES].type;
    for (int c = -1; c < 256; c++) {
        int64_t len = c < 0 ? 0 : 1;
        Obj b = ob_static_new(S, type, BYTES_HEADER + (uint64_t)len, OB_STATIC_REFCNT);
        if (!b) return -1;
        ob_set_size(S, b, len);
        unsigned char byte = (unsigned char)(c < 0 ? 0 : c);
        init(S, b, &byte, len);
        if (c < 0) S->empty_bytes = b;
        else S->bytes_chars[c] = b;
    }
    return 0;
}
