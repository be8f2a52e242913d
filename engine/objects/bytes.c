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
