/* compile.c -- see compile.h and cfg.h: the driver, compiler units,
 * names, the constant cache (_PyCode_ConstantKey, merge_consts_recursive,
 * merge_const_one) and makecode(), after Python/compile.c and
 * Objects/codeobject.c of CPython 3.11. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cfg.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* ---- host tables ---- */

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x *= UINT64_C(0xc4ceb9fe1a85ec53);
    return x ^ (x >> 33);
}

static int ptrmap_grow(PtrMap *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    uint64_t *keys = calloc(ncap, sizeof *keys);
    Obj *vals = calloc(ncap, sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = mix64(m->keys[i]) & (ncap - 1);
        while (keys[j]) j = (j + 1) & (ncap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = ncap;
    return 0;
}

int ptrmap_put(PtrMap *m, uint64_t key, Obj v)
{
    if ((m->used + 1) * 2 > m->cap) {
        if (ptrmap_grow(m) < 0) return -1;
        uint64_t *order = realloc(m->order, m->cap / 2 * sizeof *order);
        if (!order) return -1;
        m->order = order;
    }
    size_t j = mix64(key) & (m->cap - 1);
    while (m->keys[j] && m->keys[j] != key) j = (j + 1) & (m->cap - 1);
    if (!m->keys[j]) m->order[m->used++] = key;
    m->keys[j] = key;
    m->vals[j] = v;
    return 0;
}

Obj ptrmap_get(const PtrMap *m, uint64_t key)
{
    if (!m->cap) return 0;
    size_t j = mix64(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == key) return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

void ptrmap_free(PtrMap *m)
{
    free(m->keys);
    free(m->vals);
    free(m->order);
    memset(m, 0, sizeof *m);
}

/* Releases the TEMP reference behind every value of the map, in
 * insertion order. */
static void ptrmap_release(Sim *S, PtrMap *m)
{
    for (size_t i = 0; i < m->used; i++) {
        Obj v = ptrmap_get(m, m->order[i]);
        if (v) ob_decref(S, v, HOLD_TEMP);
    }
    ptrmap_free(m);
}

static uint64_t str_hash_host(const char *s)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (; *s; s++) h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    return h;
}

static int names_rehash(NameList *l, int ncap)
{
    int *slots = calloc((size_t)ncap, sizeof *slots);
    if (!slots) return -1;
    for (int i = 0; i < l->n; i++) {
        int j = (int)(str_hash_host(l->names[i]) & (uint64_t)(ncap - 1));
        while (slots[j]) j = (j + 1) & (ncap - 1);
        slots[j] = i + 1;
    }
    free(l->hslots);
    l->hslots = slots;
    l->hcap = ncap;
    return 0;
}

int names_find(const NameList *l, const char *name)
{
    if (!l->hcap) return -1;
    int j = (int)(str_hash_host(name) & (uint64_t)(l->hcap - 1));
    while (l->hslots[j]) {
        int i = l->hslots[j] - 1;
        if (!strcmp(l->names[i], name)) return i;
        j = (j + 1) & (l->hcap - 1);
    }
    return -1;
}

/* compiler_add_o for a dict of names: the existing index or a new one. */
static int names_append(NameList *l, const char *name)
{
    int i = names_find(l, name);
    if (i >= 0) return i;
    if (l->n == l->cap) {
        int ncap = l->cap ? l->cap * 2 : 8;
        const char **p = realloc(l->names, (size_t)ncap * sizeof *p);
        if (!p) return -1;
        l->names = p;
        l->cap = ncap;
    }
    l->names[l->n++] = name;
    if (l->n * 2 > l->hcap) {
        if (names_rehash(l, l->hcap ? l->hcap * 2 : 16) < 0) return -1;
    } else {
        int j = (int)(str_hash_host(name) & (uint64_t)(l->hcap - 1));
        while (l->hslots[j]) j = (j + 1) & (l->hcap - 1);
        l->hslots[j] = l->n;
    }
    return l->n - 1;
}

int names_add(Compiler *c, NameList *l, const char *name)
{
    int i = names_append(l, name);
    if (i < 0) cg_no_memory(c);
    return i;
}

void names_free(NameList *l)
{
    free(l->names);
    free(l->hslots);
    memset(l, 0, sizeof *l);
}

/* ---- errors ---- */

static void set_error(Compiler *c, const char *type, const char *msg, int lineno, int col, int end_lineno,
                      int end_col)
{
    if (c->failed) return;
    c->failed = 1;
    c->err->type = type;
    snprintf(c->err->msg, sizeof c->err->msg, "%s", msg);
    c->err->lineno = lineno;
    c->err->offset = col + 1;
    c->err->end_lineno = end_lineno;
    c->err->end_offset = end_col + 1;
}

int cg_error(Compiler *c, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Unit *u = c->u;
    if (u) set_error(c, "SyntaxError", buf, u->lineno, u->col, u->end_lineno, u->end_col);
    else set_error(c, "SyntaxError", buf, 0, -1, 0, -1);
    return 0;
}

int cg_warn(Compiler *c, const char *fmt, ...)
{
    if (!c->warnings) return 1;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (synwarn_add(c->warnings, "SyntaxWarning", c->u->lineno, "%s", buf) != 0) return cg_no_memory(c);
    return 1;
}

int cg_error_at(Compiler *c, const Node *at, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    set_error(c, "SyntaxError", buf, at->lineno, at->col, at->end_lineno, at->end_col);
    return 0;
}

int cg_exc_error(Compiler *c, const char *type, const char *msg)
{
    set_error(c, type, msg, 0, -1, 0, -1);
    return 0;
}

int cg_sim_error(Compiler *c)
{
    Sim *S = c->S;
    char msg[256];
    const char *type = "MemoryError";
    if (S->exc) {
        const char *t = exc_type_name(S, ob_type(S, S->exc));
        if (t) type = t;
        exc_message(S, msg, sizeof msg);
        exc_clear(S);
    } else {
        snprintf(msg, sizeof msg, "out of memory");
    }
    set_error(c, type, msg, 0, -1, 0, -1);
    return 0;
}

int cg_no_memory(Compiler *c)
{
    set_error(c, "MemoryError", "out of memory", 0, -1, 0, -1);
    return 0;
}

/* ---- identifiers and the values of Constant nodes ---- */

Obj cg_ident(Compiler *c, const char *name)
{
    uint64_t key = (uint64_t)(uintptr_t)name;
    Obj o = ptrmap_get(&c->idents, key);
    if (o) return o;
    o = str_from_cstr(c->S, name);
    if (!o) return cg_sim_error(c);
    str_intern(c->S, &o);
    if (ptrmap_put(&c->idents, key, o) < 0) {
        ob_decref(c->S, o, HOLD_TEMP);
        return cg_no_memory(c);
    }
    return o;
}

/* A str the compiler does not intern ("<module>", "<lambda>", a
 * qualname): one object per distinct string literal of this file. */
static Obj plain_str(Compiler *c, const char *text)
{
    uint64_t key = (uint64_t)(uintptr_t)text | (UINT64_C(1) << 63);
    Obj o = ptrmap_get(&c->idents, key);
    if (o) return o;
    o = str_from_cstr(c->S, text);
    if (!o) return cg_sim_error(c);
    if (ptrmap_put(&c->idents, key, o) < 0) {
        ob_decref(c->S, o, HOLD_TEMP);
        return cg_no_memory(c);
    }
    return o;
}

Obj cg_str_from_wtf8(Sim *S, const char *text, size_t n)
{
    const unsigned char *p = (const unsigned char *)text;
    int surrogates = 0;
    for (size_t i = 0; i + 1 < n; i++) surrogates |= p[i] == 0xED && p[i + 1] >= 0xA0;
    if (!surrogates) return str_from_utf8(S, text, n);
    /* a lone surrogate (the parser writes '\udXXX' as ED A0..BF xx):
     * decode by hand, str_from_utf8 rightly refuses it */
    uint32_t maxchar = 0;
    int64_t len = 0;
    for (size_t i = 0; i < n; len++) {
        uint32_t c = p[i];
        int k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (k > 1) c &= 0xFFu >> (k + 1);
        for (int j = 1; j < k && i + (size_t)j < n; j++) c = c << 6 | (p[i + (size_t)j] & 0x3F);
        if (c > maxchar) maxchar = c;
        i += (size_t)k;
    }
    Obj o = str_new(S, maxchar, len);
    if (!o) return 0;
    int64_t at = 0;
    for (size_t i = 0; i < n; at++) {
        uint32_t c = p[i];
        int k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (k > 1) c &= 0xFFu >> (k + 1);
        for (int j = 1; j < k && i + (size_t)j < n; j++) c = c << 6 | (p[i + (size_t)j] & 0x3F);
        str_set_char(S, o, at, c);
        i += (size_t)k;
    }
    return o;
}

/* The object for a parser constant (new reference; 0 with the exception
 * set). */
static Obj astconst_to_obj(Compiler *c, const AstConst *k)
{
    Sim *S = c->S;
    Obj o = 0;
    switch (k->kind) {
    case CONST_NONE: o = S->none; break;
    case CONST_TRUE: o = S->true_; break;
    case CONST_FALSE: o = S->false_; break;
    case CONST_ELLIPSIS: o = S->ellipsis; break;
    case CONST_INT: return int_from_str_limit(S, k->text, k->len, 0);
    case CONST_FLOAT: return float_from_double(S, k->f);
    case CONST_STR: return cg_str_from_wtf8(S, k->text ? k->text : "", k->len);
    case CONST_BYTES: return bytes_from(S, k->text ? k->text : "", (int64_t)k->len);
    case CONST_COMPLEX: return exc_set(S, EXC_ValueError, "complex numbers are not supported by refscope");
    case CONST_TUPLE:
    case CONST_FROZENSET: {
        Obj t = tuple_new(S, k->nitems);
        if (!t) return 0;
        for (int i = 0; i < k->nitems; i++) {
            Obj it = astconst_to_obj(c, &k->items[i]);
            if (!it) {
                ob_decref(S, t, HOLD_TEMP);
                return 0;
            }
            tuple_set_item(S, t, i, it);
        }
        if (k->kind == CONST_TUPLE) return t;
        Obj fs = frozenset_new(S, t);
        ob_decref(S, t, HOLD_TEMP);
        return fs;
    }
    }
    if (o) ob_incref(S, o, HOLD_TEMP);
    return o;
}

Obj cg_const_of(Compiler *c, const Node *n)
{
    uint64_t key = (uint64_t)(uintptr_t)n;
    Obj o = ptrmap_get(&c->node_consts, key);
    if (o) return o;
    o = astconst_to_obj(c, &n->u.constant.value);
    if (!o) return cg_sim_error(c);
    if (ptrmap_put(&c->node_consts, key, o) < 0) {
        ob_decref(c->S, o, HOLD_TEMP);
        return cg_no_memory(c);
    }
    return o;
}

int cg_set_const(Compiler *c, const Node *n, Obj v)
{
    uint64_t key = (uint64_t)(uintptr_t)n;
    Obj old = ptrmap_get(&c->node_consts, key);
    if (ptrmap_put(&c->node_consts, key, v) < 0) {
        ob_decref(c->S, v, HOLD_TEMP);
        return cg_no_memory(c);
    }
    if (old) ob_decref(c->S, old, HOLD_TEMP);
    return 1;
}

/* ---- constant keys (_PyCode_ConstantKey) ---- */

static int code_eq(Compiler *c, Obj a, Obj b);

/* Two constants have equal keys: same exact type and equal value, with
 * 0.0 and -0.0 apart, tuples and frozensets compared by their items'
 * keys, code objects by code_richcompare. */
static int ckey_eq(Compiler *c, Obj a, Obj b)
{
    Sim *S = c->S;
    if (a == b) return 1;
    if (ob_type(S, a) != ob_type(S, b)) return 0;
    if (ob_is(S, a, TI_INT)) return int_compare(S, a, b) == 0;
    if (ob_is(S, a, TI_STR)) return str_eq(S, a, b);
    if (ob_is(S, a, TI_BYTES)) return bytes_eq(S, a, b);
    if (ob_is(S, a, TI_FLOAT)) {
        double x = float_value(S, a), y = float_value(S, b);
        if (x != y) return 0;   /* NaNs are equal only to themselves */
        return x != 0.0 || signbit(x) == signbit(y);
    }
    if (ob_is(S, a, TI_TUPLE)) {
        int64_t n = ob_size(S, a);
        if (n != ob_size(S, b)) return 0;
        for (int64_t i = 0; i < n; i++)
            if (!ckey_eq(c, tuple_item(S, a, i), tuple_item(S, b, i))) return 0;
        return 1;
    }
    if (ob_is(S, a, TI_FROZENSET)) {
        if (set_len(S, a) != set_len(S, b)) return 0;
        int64_t pa = 0;
        Obj ka;
        while (set_next(S, a, &pa, &ka)) {
            int64_t pb = 0;
            Obj kb;
            int found = 0;
            while (!found && set_next(S, b, &pb, &kb)) found = ckey_eq(c, ka, kb);
            if (!found) return 0;
        }
        return 1;
    }
    if (ob_is(S, a, TI_CODE)) return code_eq(c, a, b);
    return 0;   /* None, Ellipsis, bools: singletons */
}

static uint64_t ckey_hash(Compiler *c, Obj o)
{
    Sim *S = c->S;
    if (ob_is(S, o, TI_INT)) return mix64((uint64_t)int_hash(S, o) ^ 1);
    if (ob_is(S, o, TI_STR)) return mix64((uint64_t)str_hash(S, o) ^ 2);
    if (ob_is(S, o, TI_BYTES)) return mix64((uint64_t)bytes_hash(S, o) ^ 3);
    if (ob_is(S, o, TI_FLOAT)) return mix64((uint64_t)float_hash(float_value(S, o)) ^ 4);
    if (ob_is(S, o, TI_TUPLE)) {
        uint64_t h = 6;
        for (int64_t i = 0; i < ob_size(S, o); i++) h = mix64(h * 31 + ckey_hash(c, tuple_item(S, o, i)));
        return h;
    }
    if (ob_is(S, o, TI_FROZENSET)) {
        uint64_t h = 7;
        int64_t pos = 0;
        Obj k;
        while (set_next(S, o, &pos, &k)) h += ckey_hash(c, k);
        return mix64(h);
    }
    if (ob_is(S, o, TI_CODE))
        return mix64((uint64_t)str_hash(S, ob_get64(S, o, CO_NAME_OFF)) ^
                     ((uint64_t)ob_get32(S, o, CO_FIRSTLINENO_OFF) << 20) ^ (uint64_t)ob_size(S, o));
    return mix64(o);
}

/* code_richcompare: the merged parts (consts, names, tables) are one
 * object when equal, so identity decides them. */
static int code_eq(Compiler *c, Obj a, Obj b)
{
    Sim *S = c->S;
    static const uint32_t ints[] = {CO_ARGCOUNT_OFF, CO_POSONLY_OFF, CO_KWONLY_OFF, CO_FLAGS_OFF,
                                    CO_FIRSTLINENO_OFF};
    if (!str_eq(S, ob_get64(S, a, CO_NAME_OFF), ob_get64(S, b, CO_NAME_OFF))) return 0;
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (ob_get32(S, a, ints[i]) != ob_get32(S, b, ints[i])) return 0;
    int64_t n = ob_size(S, a);
    if (n != ob_size(S, b)) return 0;
    if (memcmp((char *)ob_ptr(S, a) + CO_CODE_OFF, (char *)ob_ptr(S, b) + CO_CODE_OFF, (size_t)n * 2)) return 0;
    static const uint32_t objs[] = {CO_CONSTS_OFF, CO_NAMES_OFF, CO_LOCALSPLUSNAMES_OFF, CO_LINETABLE_OFF,
                                    CO_EXCEPTIONTABLE_OFF};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        if (!ckey_eq(c, ob_get64(S, a, objs[i]), ob_get64(S, b, objs[i]))) return 0;
    return 1;
}

/* ---- the constant cache ---- */

static size_t cache_slot(Compiler *c, Obj o, uint64_t h)
{
    ConstCache *cc = &c->cache;
    size_t j = h & (cc->cap - 1);
    while (cc->slots[j]) {
        if (cc->hashes[j] == h && ckey_eq(c, cc->slots[j], o)) return j;
        j = (j + 1) & (cc->cap - 1);
    }
    return j;
}

static int cache_grow(ConstCache *cc)
{
    size_t ncap = cc->cap ? cc->cap * 2 : 256;
    Obj *slots = calloc(ncap, sizeof *slots);
    uint64_t *hashes = calloc(ncap, sizeof *hashes);
    if (!slots || !hashes) {
        free(slots);
        free(hashes);
        return -1;
    }
    for (size_t i = 0; i < cc->cap; i++) {
        if (!cc->slots[i]) continue;
        size_t j = cc->hashes[i] & (ncap - 1);
        while (slots[j]) j = (j + 1) & (ncap - 1);
        slots[j] = cc->slots[i];
        hashes[j] = cc->hashes[i];
    }
    free(cc->slots);
    free(cc->hashes);
    cc->slots = slots;
    cc->hashes = hashes;
    cc->cap = ncap;
    return 0;
}

/* PyDict_SetDefault(c_const_cache, key, key): the registered equal object,
 * or `o` registered now (the cache takes the caller's TEMP reference
 * only then: *taken says which). */
static Obj cache_setdefault(Compiler *c, Obj o, int *taken)
{
    ConstCache *cc = &c->cache;
    *taken = 0;
    if ((cc->used + 1) * 2 > cc->cap && cache_grow(cc) < 0) return cg_no_memory(c);
    uint64_t h = ckey_hash(c, o);
    size_t j = cache_slot(c, o, h);
    if (cc->slots[j]) return cc->slots[j];
    cc->slots[j] = o;
    cc->hashes[j] = h;
    cc->used++;
    *taken = 1;
    return o;
}

static void cache_release(Sim *S, ConstCache *cc)
{
    for (size_t i = 0; i < cc->cap; i++)
        if (cc->slots[i]) ob_decref(S, cc->slots[i], HOLD_TEMP);
    free(cc->slots);
    free(cc->hashes);
    memset(cc, 0, sizeof *cc);
}

/* t[i] = v in a tuple being merged or interned (v borrowed). */
static void tuple_replace(Sim *S, Obj t, int64_t i, Obj v)
{
    Obj old = tuple_item(S, t, i);
    ob_incref(S, v, HOLD(H_TUPLE_ITEM, t, i, 0));
    ob_set64(S, t, TUPLE_ITEMS_OFF + 8 * (uint32_t)i, v);
    ob_decref(S, old, HOLD(H_TUPLE_ITEM, t, i, 0));
}

/* Is an object with o's constant key in the cache? */
static int cache_has(Compiler *c, Obj o)
{
    return c->cache.cap && c->cache.slots[cache_slot(c, o, ckey_hash(c, o))];
}

Obj const_merge(Compiler *c, Obj o)
{
    Sim *S = c->S;
    if (o == S->none || o == S->ellipsis) return o;
    int taken;
    fp_key_new(c->fp, S, o);
    ob_incref(S, o, HOLD_TEMP);
    Obj t = cache_setdefault(c, o, &taken);
    if (!taken) {
        fp_key_free(c->fp, S, o);
        ob_decref(S, o, HOLD_TEMP);
    }
    if (!t || t != o || !taken) return t;
    /* o is registered: merge its items too */
    if (ob_is(S, o, TI_TUPLE)) {
        for (int64_t i = 0; i < ob_size(S, o); i++) {
            Obj item = tuple_item(S, o, i);
            Obj u = const_merge(c, item);
            if (!u) return 0;
            if (u != item) tuple_replace(S, o, i, u);
        }
    } else if (ob_is(S, o, TI_FROZENSET) && set_len(S, o) > 0) {
        /* the cache keeps a new frozenset of the merged items */
        Obj items = tuple_new(S, set_len(S, o));
        if (!items) return cg_sim_error(c);
        fp_tuple_new(c->fp, set_len(S, o));
        int64_t pos = 0, k = 0;
        Obj item;
        while (set_next(S, o, &pos, &item)) {
            Obj u = const_merge(c, item);
            if (!u) {
                ob_decref(S, items, HOLD_TEMP);
                return 0;
            }
            ob_incref(S, u, HOLD_TEMP);
            tuple_set_item(S, items, k++, u);
        }
        Obj fs = frozenset_new(S, items);
        fp_frozenset_new(c->fp);
        fp_tuple_free(c->fp, set_len(S, o));
        ob_decref(S, items, HOLD_TEMP);
        if (!fs) return cg_sim_error(c);
        size_t j = cache_slot(c, o, ckey_hash(c, o));
        c->cache.slots[j] = fs;
        ob_decref(S, o, HOLD_TEMP);
        return fs;
    }
    return o;
}

Obj const_merge_one(Compiler *c, Obj o)
{
    fp_merge_one(c->fp, c->S, o, cache_has(c, o));
    int taken;
    Obj t = cache_setdefault(c, o, &taken);
    if (!taken) ob_decref(c->S, o, HOLD_TEMP);
    return t;
}

int const_is_true(Compiler *c, Obj o)
{
    Sim *S = c->S;
    if (!o || o == S->none || o == S->false_) return 0;
    if (o == S->true_) return 1;
    if (ob_is(S, o, TI_INT)) return int_bool(S, o);
    if (ob_is(S, o, TI_FLOAT)) return float_value(S, o) != 0.0;
    if (ob_is(S, o, TI_STR)) return str_len(S, o) != 0;
    if (ob_is(S, o, TI_BYTES) || ob_is(S, o, TI_TUPLE)) return ob_size(S, o) != 0;
    if (ob_is(S, o, TI_FROZENSET)) return set_len(S, o) != 0;
    return 1;
}

void cg_fp_release_new(Compiler *c, Obj t)
{
    Sim *S = c->S;
    int kept = c->cache.slots[cache_slot(c, t, ckey_hash(c, t))] == t;
    if (ob_is(S, t, TI_TUPLE) && !kept) fp_tuple_free(c->fp, ob_size(S, t));
    /* a frozenset with items is replaced by a merged copy in its key */
    if (ob_is(S, t, TI_FROZENSET) && (!kept || set_len(S, t) > 0)) fp_set_free(c->fp);
}

int cg_add_const(Compiler *c, Obj o)
{
    Unit *u = c->u;
    Obj key = const_merge(c, o);
    if (!key) return -1;
    Obj idx = ptrmap_get(&u->constidx, key);
    if (idx) return (int)idx - 1;
    if (unit_append_const(c, key) < 0) return -1;
    if (ptrmap_put(&u->constidx, key, (Obj)u->nconsts) < 0) {
        cg_no_memory(c);
        return -1;
    }
    return u->nconsts - 1;
}

int unit_append_const(Compiler *c, Obj o)
{
    Unit *u = c->u;
    if (u->nconsts == u->capconsts) {
        int ncap = u->capconsts ? u->capconsts * 2 : 16;
        Obj *p = realloc(u->consts, (size_t)ncap * sizeof *p);
        if (!p) {
            cg_no_memory(c);
            return -1;
        }
        u->consts = p;
        u->capconsts = ncap;
    }
    u->consts[u->nconsts++] = o;
    return u->nconsts - 1;
}

void unit_truncate_consts(Compiler *c, int n)
{
    if (n < c->u->nconsts) c->u->nconsts = n;
}

/* ---- units ---- */

const char *cg_mangle(Compiler *c, const char *name)
{
    return sym_mangle(c->arena, c->u->private_name, name);
}

int cg_scope(Compiler *c, const char *mangled)
{
    return (int)sym_scope(c->u->ste, mangled);
}

/* dictbytype: the names of `scope` (or with `flag`), sorted. */
static int names_by_scope(Compiler *c, NameList *out, const SymBlock *b, int scope, int flag)
{
    const char **sorted = malloc((size_t)(b->nsymbols + 1) * sizeof *sorted);
    if (!sorted) return cg_no_memory(c);
    int n = 0;
    for (int i = 0; i < b->nsymbols; i++) {
        int f = b->symbols[i].flags;
        if ((f >> SYM_SCOPE_SHIFT) == scope || (f & flag)) sorted[n++] = b->symbols[i].name;
    }
    for (int i = 1; i < n; i++) {   /* insertion sort: code point order is byte order */
        const char *k = sorted[i];
        int j = i - 1;
        while (j >= 0 && strcmp(sorted[j], k) > 0) {
            sorted[j + 1] = sorted[j];
            j--;
        }
        sorted[j + 1] = k;
    }
    int ok = 1;
    for (int i = 0; i < n && ok; i++) ok = names_add(c, out, sorted[i]) >= 0;
    free(sorted);
    return ok;
}

static void unit_free(Sim *S, Unit *u)
{
    units_free_blocks(u);
    names_free(&u->names);
    names_free(&u->varnames);
    names_free(&u->cellvars);
    names_free(&u->freevars);
    ptrmap_free(&u->constidx);
    free(u->consts);
    if (u->name) ob_decref(S, u->name, HOLD_TEMP);
    if (u->qualname) ob_decref(S, u->qualname, HOLD_TEMP);
    free(u);
}

/* compiler_set_qualname */
static int set_qualname(Compiler *c)
{
    Unit *u = c->u, *parent = u->parent;
    const char *base = NULL;
    if (parent && parent->parent) {
        int force_global = 0;
        if (u->scope_type == SCOPE_T_FUNCTION || u->scope_type == SCOPE_T_ASYNC_FUNCTION ||
            u->scope_type == SCOPE_T_CLASS) {
            const char *mangled = sym_mangle(c->arena, parent->private_name, u->cname);
            if (sym_scope(parent->ste, mangled) == SCOPE_GLOBAL_EXPLICIT) force_global = 1;
        }
        if (!force_global) {
            if (parent->scope_type == SCOPE_T_FUNCTION || parent->scope_type == SCOPE_T_ASYNC_FUNCTION ||
                parent->scope_type == SCOPE_T_LAMBDA) {
                size_t n = strlen(parent->cqualname);
                char *b = ast_alloc(c->arena, n + 10);
                if (!b) return cg_no_memory(c);
                memcpy(b, parent->cqualname, n);
                memcpy(b + n, ".<locals>", 10);
                base = b;
            } else {
                base = parent->cqualname;
            }
        }
    }
    if (base) {
        size_t nb = strlen(base), nn = strlen(u->cname);
        char *q = ast_alloc(c->arena, nb + nn + 2);
        if (!q) return cg_no_memory(c);
        memcpy(q, base, nb);
        q[nb] = '.';
        memcpy(q + nb + 1, u->cname, nn + 1);
        u->cqualname = q;
        u->qualname = str_from_cstr(c->S, q);
        if (!u->qualname) return cg_sim_error(c);
    } else {
        u->cqualname = u->cname;
        u->qualname = u->name;
        ob_incref(c->S, u->qualname, HOLD_TEMP);
    }
    return 1;
}

int cg_enter_scope(Compiler *c, const char *name, enum ScopeType type, const Node *key, int lineno)
{
    Unit *u = calloc(1, sizeof *u);
    if (!u) return cg_no_memory(c);
    u->scope_type = type;
    u->ste = type == SCOPE_T_MODULE ? symtable_top(c->st) : symtable_block(c->st, key);
    u->parent = c->u;
    u->private_name = c->u ? c->u->private_name : NULL;
    c->u = u;   /* on the stack at once, so that errors free it */
    c->nestlevel++;
    if (!u->ste) return cg_error(c, "no symbol table for %s", name);
    /* u_varnames; u_cellvars and u_freevars (dictbytype sorts a list of
     * the symbols' names); u_consts; u_names */
    fp_dict_new(c->fp);
    for (int i = 0; i < 2; i++) {
        fp_dict_new(c->fp);
        fp_list_new(c->fp);
        fp_list_free(c->fp);
    }
    fp_dict_new(c->fp);
    fp_dict_new(c->fp);
    u->cname = name;
    u->name = name[0] == '<' ? plain_str(c, name) : cg_ident(c, name);
    if (!u->name) return 0;
    ob_incref(c->S, u->name, HOLD_TEMP);
    for (int i = 0; i < u->ste->nvarnames; i++)
        if (names_add(c, &u->varnames, u->ste->varnames[i]) < 0) return 0;
    if (!names_by_scope(c, &u->cellvars, u->ste, SCOPE_CELL, 0)) return 0;
    if (u->ste->needs_class_closure && names_add(c, &u->cellvars, "__class__") < 0) return 0;
    if (!names_by_scope(c, &u->freevars, u->ste, SCOPE_FREE, SYM_DEF_FREE_CLASS)) return 0;
    u->firstlineno = lineno;
    u->lineno = lineno;
    u->col = 0;
    u->end_lineno = lineno;
    u->end_col = 0;
    Block *b = cg_new_block(c);
    if (!b) return 0;
    u->cur = b;
    if (type == SCOPE_T_MODULE) {
        u->lineno = 0;
        u->qualname = u->name;
        u->cqualname = u->cname;
        ob_incref(c->S, u->qualname, HOLD_TEMP);
    } else if (!set_qualname(c)) {
        return 0;
    }
    if (!cg_addop_i(c, OP_RESUME, 0)) return 0;
    if (type == SCOPE_T_MODULE) u->lineno = -1;
    return 1;
}

void cg_exit_scope(Compiler *c)
{
    Unit *u = c->u;
    if (!u) return;
    for (int i = 0; i < 5; i++) fp_dict_free(c->fp);   /* compiler_unit_free */
    c->nestlevel--;
    c->u = u->parent;
    unit_free(c->S, u);
}

/* ---- names ---- */

static int forbidden_name(Compiler *c, const char *name, ExprContext ctx)
{
    if (strcmp(name, "__debug__")) return 0;
    if (ctx == CTX_STORE) return cg_error(c, "cannot assign to __debug__"), 1;
    if (ctx == CTX_DEL) return cg_error(c, "cannot delete __debug__"), 1;
    return 0;
}

int cg_nameop(Compiler *c, const char *name, ExprContext ctx)
{
    Unit *u = c->u;
    enum { OPT_FAST, OPT_GLOBAL, OPT_DEREF, OPT_NAME } optype = OPT_NAME;
    if (forbidden_name(c, name, ctx)) return 0;
    const char *mangled = cg_mangle(c, name);
    int scope = cg_scope(c, mangled), is_function = u->ste->type == BLOCK_FUNCTION;
    NameList *dict = &u->names;
    int deref_base = 0;
    switch (scope) {
    case SCOPE_FREE:
        dict = &u->freevars;
        deref_base = u->cellvars.n;
        optype = OPT_DEREF;
        break;
    case SCOPE_CELL:
        dict = &u->cellvars;
        optype = OPT_DEREF;
        break;
    case SCOPE_LOCAL:
        if (is_function) optype = OPT_FAST;
        break;
    case SCOPE_GLOBAL_IMPLICIT:
        if (is_function) optype = OPT_GLOBAL;
        break;
    case SCOPE_GLOBAL_EXPLICIT: optype = OPT_GLOBAL; break;
    default: break;
    }
    int op = 0;
    static const int deref_ops[] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
    static const int fast_ops[] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
    static const int global_ops[] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
    static const int name_ops[] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
    switch (optype) {
    case OPT_DEREF:
        op = ctx == CTX_LOAD && u->ste->type == BLOCK_CLASS ? OP_LOAD_CLASSDEREF : deref_ops[ctx];
        break;
    case OPT_FAST: {
        int arg = names_add(c, &u->varnames, mangled);
        return arg >= 0 && cg_addop_i(c, fast_ops[ctx], arg);
    }
    case OPT_GLOBAL: op = global_ops[ctx]; break;
    case OPT_NAME: op = name_ops[ctx]; break;
    }
    int arg = names_find(dict, mangled);
    if (arg >= 0) arg += deref_base;
    else if ((arg = names_add(c, dict, mangled)) < 0) return 0;
    if (op == OP_LOAD_GLOBAL) arg <<= 1;
    return cg_addop_i(c, op, arg);
}

/* ---- code objects ---- */

int cg_code_flags(Compiler *c)
{
    const SymBlock *ste = c->u->ste;
    int flags = 0;
    if (ste->type == BLOCK_FUNCTION) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->nested) flags |= CO_NESTED;
        if (ste->generator) flags |= CO_GENERATOR;
        if (ste->varargs) flags |= CO_VARARGS;
        if (ste->varkeywords) flags |= CO_VARKEYWORDS;
    }
    return flags;
}

static int all_name_chars(Sim *S, Obj s)
{
    if (!str_is_ascii(S, s)) return 0;
    const unsigned char *p = str_data(S, s);
    for (int64_t i = 0; i < str_len(S, s); i++)
        if (!(p[i] == '_' || (p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'z') ||
              (p[i] >= 'A' && p[i] <= 'Z')))
            return 0;
    return 1;
}

/* intern_string_constants: identifier-like str constants, in tuples and
 * frozensets too, become their interned copies.  1 when `t` changed. */
static int intern_string_constants(Compiler *c, Obj t)
{
    Sim *S = c->S;
    int modified = 0;
    for (int64_t i = ob_size(S, t); --i >= 0;) {
        Obj v = tuple_item(S, t, i);
        if (ob_is(S, v, TI_STR)) {
            if (!all_name_chars(S, v)) continue;
            Obj w = v;
            ob_incref(S, w, HOLD_TEMP);
            str_intern(S, &w);
            if (w != v) {
                tuple_replace(S, t, i, w);
                modified = 1;
            }
            ob_decref(S, w, HOLD_TEMP);
        } else if (ob_is(S, v, TI_TUPLE)) {
            intern_string_constants(c, v);
        } else if (ob_is(S, v, TI_FROZENSET)) {
            Obj tmp = tuple_new(S, set_len(S, v));
            if (!tmp) return cg_sim_error(c), modified;
            fp_tuple_new(c->fp, set_len(S, v));   /* PySequence_Tuple, over a set iterator */
            fp_iterator(c->fp);
            int64_t pos = 0, k = 0;
            Obj item;
            while (set_next(S, v, &pos, &item)) {
                ob_incref(S, item, HOLD_TEMP);
                tuple_set_item(S, tmp, k++, item);
            }
            if (intern_string_constants(c, tmp)) {
                fp_frozenset_new(c->fp);
                Obj fs = frozenset_new(S, tmp);
                if (fs) {
                    tuple_replace(S, t, i, fs);
                    ob_decref(S, fs, HOLD_TEMP);
                    modified = 1;
                }
            }
            fp_tuple_free(c->fp, set_len(S, v));
            ob_decref(S, tmp, HOLD_TEMP);
        }
    }
    return modified;
}

/* A tuple of interned strs for host names (new reference). */
static Obj names_tuple(Compiler *c, const char *const *names, int n)
{
    Obj t = tuple_new(c->S, n);
    if (!t) return cg_sim_error(c);
    fp_tuple_new(c->fp, n);
    for (int i = 0; i < n; i++) {
        Obj s = cg_ident(c, names[i]);
        if (!s) {
            ob_decref(c->S, t, HOLD_TEMP);
            return 0;
        }
        ob_incref(c->S, s, HOLD_TEMP);
        tuple_set_item(c->S, t, i, s);
    }
    return t;
}

/* compute_localsplus_info: names and kinds by final slot. */
static int localsplus_info(Compiler *c, int nlocalsplus, const char **names, unsigned char *kinds)
{
    Unit *u = c->u;
    int nlocals = u->varnames.n;
    for (int i = 0; i < nlocals; i++) {
        if (i >= nlocalsplus) return cg_error(c, "bad localsplus layout");
        names[i] = u->varnames.names[i];
        kinds[i] = CO_FAST_LOCAL | (names_find(&u->cellvars, names[i]) >= 0 ? CO_FAST_CELL : 0);
    }
    int numdropped = 0;
    for (int i = 0; i < u->cellvars.n; i++) {
        if (names_find(&u->varnames, u->cellvars.names[i]) >= 0) {
            numdropped++;
            continue;
        }
        int off = i + nlocals - numdropped;
        if (off >= nlocalsplus) return cg_error(c, "bad localsplus layout");
        names[off] = u->cellvars.names[i];
        kinds[off] = CO_FAST_CELL;
    }
    for (int i = 0; i < u->freevars.n; i++) {
        int off = u->cellvars.n + i + nlocals - numdropped;
        if (off >= nlocalsplus) return cg_error(c, "bad localsplus layout");
        names[off] = u->freevars.names[i];
        kinds[off] = CO_FAST_FREE;
    }
    return 1;
}

/* A reference field of the code object gets its own reference to v. */
static void set_obj_field(Sim *S, Obj co, uint16_t off, uint16_t reason, Obj v)
{
    ob_incref(S, v, HOLD_TEMP);
    ob_set_field(S, co, off, reason, v);
}

/* makecode() and _PyCode_New(): the unit's code object from the
 * assembled bytes (new reference), 0 on error. */
static Obj makecode(Compiler *c, const Assembled *a)
{
    Sim *S = c->S;
    Unit *u = c->u;
    Obj co = 0, names = 0, consts = 0, lpnames = 0, kinds = 0, lines = 0, excs = 0;
    /* assemble() merges the tables and the bytecode, then makecode() the
     * names, the constants and the local names */
    excs = bytes_from(S, a->excepttable, a->nexcepttable);
    if (!excs || !(excs = const_merge_one(c, excs))) goto fail;
    lines = bytes_from(S, a->linetable, a->nlinetable);
    if (!lines || !(lines = const_merge_one(c, lines))) goto fail;
    if (fp_merge_code(c->fp, a->code, (size_t)a->nunits * 2) < 0) {
        cg_no_memory(c);
        goto fail;
    }
    names = names_tuple(c, u->names.names, u->names.n);
    if (!names || !(names = const_merge_one(c, names))) goto fail;
    consts = tuple_pack(S, a->nconsts, a->consts);
    if (!consts) goto fail;
    fp_tuple_new(c->fp, a->nconsts);
    if (!(consts = const_merge_one(c, consts))) goto fail;
    const char **lpn = calloc((size_t)a->nlocalsplus + 1, sizeof *lpn);
    unsigned char *lpk = calloc((size_t)a->nlocalsplus + 1, 1);
    if (!lpn || !lpk) {
        free(lpn);
        free(lpk);
        return cg_no_memory(c);
    }
    int ok = localsplus_info(c, a->nlocalsplus, lpn, lpk);
    if (ok) {
        lpnames = names_tuple(c, lpn, a->nlocalsplus);
        kinds = bytes_from(S, lpk, a->nlocalsplus);
    }
    free(lpn);
    free(lpk);
    if (!ok || !lpnames || !kinds) {
        if (lpnames) ob_decref(S, lpnames, HOLD_TEMP);
        goto fail;
    }
    if (!(lpnames = const_merge_one(c, lpnames))) goto fail;
    intern_string_constants(c, consts);
    co = code_new(S, a->nunits);
    if (!co) goto fail;
    memcpy((char *)ob_ptr(S, co) + CO_CODE_OFF, a->code, (size_t)a->nunits * 2);
    int nlocals = 0, ncells = 0, nfrees = 0;
    for (int i = 0; i < a->nlocalsplus; i++) {
        unsigned k = bytes_data(S, kinds)[i];
        nlocals += (k & CO_FAST_LOCAL) != 0;
        ncells += (k & CO_FAST_CELL) != 0;
        nfrees += (k & CO_FAST_FREE) != 0;
    }
    ob_set32(S, co, CO_FLAGS_OFF, (uint32_t)cg_code_flags(c));
    ob_set32(S, co, CO_ARGCOUNT_OFF, (uint32_t)(u->posonlyargcount + u->argcount));
    ob_set32(S, co, CO_POSONLY_OFF, (uint32_t)u->posonlyargcount);
    ob_set32(S, co, CO_KWONLY_OFF, (uint32_t)u->kwonlyargcount);
    ob_set32(S, co, CO_STACKSIZE_OFF, (uint32_t)a->maxdepth);
    ob_set32(S, co, CO_FIRSTLINENO_OFF, (uint32_t)u->firstlineno);
    ob_set32(S, co, CO_NLOCALSPLUS_OFF, (uint32_t)a->nlocalsplus);
    ob_set32(S, co, CO_NLOCALS_OFF, (uint32_t)nlocals);
    ob_set32(S, co, CO_NCELLVARS_OFF, (uint32_t)ncells);
    ob_set32(S, co, CO_NFREEVARS_OFF, (uint32_t)nfrees);
    set_obj_field(S, co, CO_CONSTS_OFF, R_CO_CONSTS, consts);
    set_obj_field(S, co, CO_NAMES_OFF, R_CO_NAMES, names);
    set_obj_field(S, co, CO_EXCEPTIONTABLE_OFF, R_CO_EXCEPTIONTABLE, excs);
    set_obj_field(S, co, CO_LOCALSPLUSNAMES_OFF, R_CO_LOCALSPLUSNAMES, lpnames);
    ob_set_field(S, co, CO_LOCALSPLUSKINDS_OFF, R_CO_LOCALSPLUSKINDS, kinds);
    kinds = 0;
    set_obj_field(S, co, CO_FILENAME_OFF, R_CO_FILENAME, c->filename_obj);
    set_obj_field(S, co, CO_NAME_OFF, R_CO_NAME, u->name);
    set_obj_field(S, co, CO_QUALNAME_OFF, R_CO_QUALNAME, u->qualname);
    set_obj_field(S, co, CO_LINETABLE_OFF, R_CO_LINETABLE, lines);
    return co;
fail:
    if (kinds) ob_decref(S, kinds, HOLD_TEMP);
    if (!c->failed) cg_sim_error(c);
    return 0;
}

Obj cg_assemble(Compiler *c, int add_none)
{
    Assembled a;
    fp_list_new(c->fp);   /* consts_dict_keys_inorder */
    if (cfg_assemble(c, add_none, &a) < 0) return 0;
    Obj co = makecode(c, &a);
    assembled_free(&a);
    fp_list_free(c->fp);
    return co;
}

/* ---- the entry point ---- */

static void compiler_release(Compiler *c)
{
    while (c->u) cg_exit_scope(c);
    cache_release(c->S, &c->cache);
    ptrmap_release(c->S, &c->node_consts);
    ptrmap_release(c->S, &c->idents);
    if (c->filename_obj) ob_decref(c->S, c->filename_obj, HOLD_TEMP);
    if (c->arena) ast_arena_free(c->arena);
}

/* Is o one of the constants of code or of a code object nested in it? */
static int in_consts(const Sim *S, Obj code, Obj o)
{
    Obj consts = ob_get64(S, code, CO_CONSTS_OFF);
    for (int64_t i = 0; consts && i < ob_size(S, consts); i++) {
        Obj k = tuple_item(S, consts, i);
        if (k == o || (ob_is(S, k, TI_CODE) && in_consts(S, k, o))) return 1;
    }
    return 0;
}

/* The constants the parser and the AST optimizer made (the objects of
 * Constant nodes, folded ones included) that survived into co_consts
 * after merging: what CPython's parser arena still holds while the
 * module runs. */
static int collect_arena(Compiler *c, Obj co, ArenaObjs *arena)
{
    Sim *S = c->S;
    for (size_t i = 0; i < c->node_consts.used; i++) { /* in the order the parser made them */
        Obj v = ptrmap_get(&c->node_consts, c->node_consts.order[i]);
        if (!v || ob_static_base(S, v) || ob_is(S, v, TI_CODE)) continue;
        if (c->cache.cap) {
            size_t j = cache_slot(c, v, ckey_hash(c, v));
            if (c->cache.slots[j]) v = c->cache.slots[j];
        }
        if (ob_static_base(S, v) || !in_consts(S, co, v)) continue;
        int dup = 0;
        for (size_t k = 0; k < arena->n && !dup; k++) dup = arena->objs[k] == v;
        if (dup) continue;
        if (arena->n == arena->cap) {
            size_t ncap = arena->cap ? 2 * arena->cap : 32;
            Obj *p = realloc(arena->objs, ncap * sizeof *p);
            if (!p) return -1;
            arena->objs = p;
            arena->cap = ncap;
        }
        arena->objs[arena->n++] = v;
    }
    return 0;
}

int compile_module(Sim *S, const Node *module, const char *filename, Obj *code, CompileError *err)
{
    return compile_module_ex(S, module, filename, code, err, NULL, NULL, NULL);
}

/* _PySymtable_Build: st_stack, st_blocks and each block's symbols, varnames
 * and children (and ste_directives: a (name, lineno, col, end_lineno,
 * end_col) tuple per name of a global or nonlocal statement), then
 * analyze_block's scopes dict, alive while the block's children are
 * analyzed. */
static void fp_symtable_blocks(Footprint *fp, const SymBlock *b)
{
    fp_dict_new(fp);
    fp_list_new(fp);
    fp_list_new(fp);
    if (b->ndir) fp_list_new(fp);
    for (int i = 0; i < b->ndir; i++) fp_tuple_new(fp, 5);
    for (int i = 0; i < b->nchildren; i++) fp_symtable_blocks(fp, b->children[i]);
}

/* analyze_block: the local set, the scopes dict, the newglobal, newfree,
 * newbound and allfree sets; per child (analyze_child_block) copies of
 * bound, free and global; update_symbols' iterator over the free set. */
static void fp_symtable_analyze(Footprint *fp, const SymBlock *b)
{
    fp_set_new(fp);
    fp_dict_new(fp);
    for (int i = 0; i < 4; i++) fp_set_new(fp);
    for (int i = 0; i < b->nchildren; i++) {
        for (int k = 0; k < 3; k++) fp_set_new(fp);
        fp_symtable_analyze(fp, b->children[i]);
        for (int k = 0; k < 3; k++) fp_set_free(fp);
    }
    fp_iterator(fp);
    fp_dict_free(fp);
    for (int i = 0; i < 5; i++) fp_set_free(fp);
}

static void fp_symtable_free(Footprint *fp, const SymBlock *b)
{
    fp_dict_free(fp);
    fp_list_free(fp);
    fp_list_free(fp);
    if (b->ndir) fp_list_free(fp);
    for (int i = 0; i < b->ndir; i++) fp_tuple_free(fp, 5);
    for (int i = 0; i < b->nchildren; i++) fp_symtable_free(fp, b->children[i]);
}

/* compiler_free: the symbol table, then the constant cache with every key
 * (the bytecodes' ones too), then c_stack. */
static void fp_compiler_free(Compiler *c)
{
    Footprint *fp = c->fp;
    fp_dict_free(fp);
    fp_symtable_free(fp, symtable_top(c->st));
    fp_list_free(fp);
    fp_dict_free(fp);
    for (size_t i = 0; i < c->cache.cap; i++) {
        Obj k = c->cache.slots[i];
        if (!k) continue;
        fp_key_free(fp, c->S, k);
        /* a merged frozenset goes with its key unless a code object has it */
        if (ob_is(c->S, k, TI_FROZENSET) && set_len(c->S, k) > 0 && ob_refcnt(c->S, k) == 1) fp_set_free(fp);
    }
    for (size_t i = 0; i < fp->ncodes; i++) fp_tuple_free(fp, 2);
    fp_list_free(fp);
}

int compile_module_ex(Sim *S, const Node *module, const char *filename, Obj *code, CompileError *err,
                      ArenaObjs *arena, SynWarnings *warnings, Footprint *fp)
{
    Compiler cc, *c = &cc;
    Footprint own;
    memset(c, 0, sizeof *c);
    memset(err, 0, sizeof *err);
    *code = 0;
    c->S = S;
    c->err = err;
    c->filename = filename;
    c->warnings = warnings;
    if (!fp) fp_init(fp = &own);
    c->fp = fp;
    fp_dict_new(fp);   /* compiler_init: c_const_cache, c_stack */
    fp_list_new(fp);
    Obj co = 0;
    c->arena = ast_arena_new();
    Node *tree = c->arena ? ast_copy_tree(c, module) : NULL;
    if (!tree) {
        if (!c->failed) cg_no_memory(c);   /* else too deep: RecursionError */
        goto done;
    }
    if (ast_check_subset(c, tree) < 0 || ast_optimize(c, tree) < 0) goto done;
    SymError se;
    c->st = symtable_build(c->arena, tree, &se);
    if (!c->st) {
        set_error(c, "SyntaxError", se.msg ? se.msg : "symbol table error", se.lineno, se.col - 1,
                  se.end_lineno, se.end_col - 1);
        goto done;
    }
    fp_list_new(fp);
    fp_dict_new(fp);
    fp_symtable_blocks(fp, symtable_top(c->st));
    fp_set_new(fp);   /* symtable_analyze's free and global sets */
    fp_set_new(fp);
    fp_symtable_analyze(fp, symtable_top(c->st));
    fp_set_free(fp);
    fp_set_free(fp);
    c->filename_obj = str_from_cstr(S, filename);
    if (!c->filename_obj) {
        cg_sim_error(c);
        goto done;
    }
    if (!cg_enter_scope(c, "<module>", SCOPE_T_MODULE, tree, 1)) goto done;
    c->u->lineno = 1;
    if (!cg_body(c, &tree->u.module.body)) goto done;
    co = cg_assemble(c, 1);
    cg_exit_scope(c);
    if (co) fp_compiler_free(c);
done:
    if (c->failed && co) {
        ob_decref(S, co, HOLD_TEMP);
        co = 0;
    }
    if (!co && !c->failed) cg_sim_error(c);
    if (co && arena && collect_arena(c, co, arena) < 0) {
        ob_decref(S, co, HOLD_TEMP);
        co = 0;
        cg_no_memory(c);
    }
    compiler_release(c);
    if (fp == &own) fp_release(fp);
    *code = co;
    return co ? 0 : -1;
}
