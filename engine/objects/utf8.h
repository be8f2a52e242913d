/*
 * objects/utf8.h -- one code point as UTF-8, the way CPython's
 * 'surrogatepass' writes it: lone surrogates become three bytes (the
 * engine's str objects may hold them; host text written from them is
 * WTF-8).  Used wherever the engine turns code points into host bytes.
 */
#ifndef ENGINE_OBJECTS_UTF8_H
#define ENGINE_OBJECTS_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Writes c (at most 0x10ffff) into out[0..3]; returns the byte count. */
static inline size_t utf8_put(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | c >> 12);
        out[1] = (char)(0x80 | (c >> 6 & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | c >> 18);
    out[1] = (char)(0x80 | (c >> 12 & 0x3f));
    out[2] = (char)(0x80 | (c >> 6 & 0x3f));
    out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

#endif /* ENGINE_OBJECTS_UTF8_H */
