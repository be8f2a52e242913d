/* footprint.c -- see footprint.h: the free lists and gc count of CPython's
 * compilation of the main script. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/footprint.h"
#include "objects/float.h"
#include "objects/set.h"
#include "objects/tuple.h"

#define FP_TUPLE_MAX 2000   /* PyTuple_MAXFREELIST */
#define FP_LIST_MAX  80     /* PyList_MAXFREELIST */
#define FP_DICT_MAX  80     /* PyDict_MAXFREELIST */

/* Read with gdb at _PyParser_ASTFromFile for the main script of
 * python3 3.11.7 (the same for every script; scripts/cpython-footprint). */
void fp_init(Footprint *fp)
{
    static const int32_t tuples[FP_TUPLE_SIZES] = {4, 3, 2, 2, 3, 0, 8, 6, 1, 0,
                                                   1, 3, 5, 1, 2, 2, 2, 3, 1, 6};
    memset(fp, 0, sizeof *fp);
    fp->count[0] = 221;
    fp->count[2] = 2;
    fp->dict_n = 7;
    fp->list_n = 40;
    fp->float_n = 4;
    memcpy(fp->tuple_n, tuples, sizeof tuples);
}

void fp_release(Footprint *fp)
{
    for (size_t i = 0; i < fp->ncodes; i++) free(fp->codes[i]);
    free(fp->codes);
    free(fp->code_lens);
    fp->codes = NULL;
    fp->code_lens = NULL;
    fp->ncodes = fp->capcodes = 0;
}

static void fp_log(Footprint *fp, const char *op, int64_t n)
{
    if (fp->log) fp->log(fp->log_ud, op, n);
}

/* _PyObject_GC_Link: counted, and gc_collect_generations past the
 * threshold (700, then 10 for generation 1; the full collection's
 * long-lived condition is not met while a script is compiled). */
static void gc_link(Footprint *fp)
{
    if (++fp->count[0] <= 700) return;
    int g = fp->count[1] > 10 ? 1 : 0;
    fp_log(fp, "collect", g);
    fp->collections[g]++;
    fp->count[g + 1]++;
    for (int i = 0; i <= g; i++) fp->count[i] = 0;
}

/* PyObject_GC_Del: count[0] - 1 while it is above 0. */
static void gc_del(Footprint *fp)
{
    if (fp->count[0] > 0) fp->count[0]--;
}

/* An allocation: from the free list, or a new GC object. */
static void take(Footprint *fp, int32_t *n)
{
    if (*n > 0) (*n)--;
    else gc_link(fp);
}

/* A release: to the free list, or PyObject_GC_Del. */
static void give(Footprint *fp, int32_t *n, int32_t max)
{
    if (*n < max) (*n)++;
    else gc_del(fp);
}

void fp_dict_new(Footprint *fp)
{
    fp_log(fp, "dict-new", 0);
    take(fp, &fp->dict_n);
}

void fp_dict_free(Footprint *fp)
{
    fp_log(fp, "dict-free", 0);
    give(fp, &fp->dict_n, FP_DICT_MAX);
}

void fp_list_new(Footprint *fp)
{
    fp_log(fp, "list-new", 0);
    take(fp, &fp->list_n);
}

void fp_list_free(Footprint *fp)
{
    fp_log(fp, "list-free", 0);
    give(fp, &fp->list_n, FP_LIST_MAX);
}

void fp_tuple_new(Footprint *fp, int64_t n)
{
    if (n <= 0) return;
    fp_log(fp, "tuple-new", n);
    if (n < FP_TUPLE_SIZES) take(fp, &fp->tuple_n[n - 1]);   /* 20-tuples are pushed, never popped */
    else gc_link(fp);
}

void fp_tuple_free(Footprint *fp, int64_t n)
{
    if (n <= 0) return;
    fp_log(fp, "tuple-free", n);
    if (n <= FP_TUPLE_SIZES) give(fp, &fp->tuple_n[n - 1], FP_TUPLE_MAX);
    else gc_del(fp);
}

void fp_set_new(Footprint *fp)
{
    fp_log(fp, "set-new", 0);
    gc_link(fp);
}

void fp_set_free(Footprint *fp)
{
    fp_log(fp, "set-free", 0);
    gc_del(fp);
}

void fp_iterator(Footprint *fp)
{
    fp_log(fp, "iter", 0);
    gc_link(fp);
    gc_del(fp);
}

void fp_frozenset_new(Footprint *fp)
{
    fp_set_new(fp);
    fp_iterator(fp);   /* set_update_internal iterates the tuple */
}

void fp_float_made(Footprint *fp, int times)
{
    for (int i = 0; i < times && fp->float_n > 0; i++) fp->float_n--;
}

/* _PyCode_ConstantKey: None, Ellipsis, int, str and code objects are their
 * own keys; bool and bytes get (type, o), a float (type, o) or, for -0.0,
 * (type, o, None); a tuple (tuple of its items' keys, o); a frozenset
 * (frozenset of its items' keys, o). */
void fp_key_new(Footprint *fp, Sim *S, Obj o)
{
    if (ob_is(S, o, TI_BOOL) || ob_is(S, o, TI_BYTES)) {
        fp_tuple_new(fp, 2);
    } else if (ob_is(S, o, TI_FLOAT)) {
        double d = float_value(S, o);
        fp_tuple_new(fp, d == 0.0 && signbit(d) ? 3 : 2);
    } else if (ob_is(S, o, TI_TUPLE)) {
        int64_t n = ob_size(S, o);
        fp_tuple_new(fp, n);
        for (int64_t i = 0; i < n; i++) fp_key_new(fp, S, tuple_item(S, o, i));
        fp_tuple_new(fp, 2);
    } else if (ob_is(S, o, TI_FROZENSET)) {
        int64_t n = set_len(S, o), pos = 0;
        Obj item;
        fp_tuple_new(fp, n);
        while (set_next(S, o, &pos, &item)) fp_key_new(fp, S, item);
        fp_frozenset_new(fp);
        fp_tuple_free(fp, n);   /* once PyFrozenSet_New has the keys */
        fp_tuple_new(fp, 2);
    }
}

void fp_key_free(Footprint *fp, Sim *S, Obj o)
{
    if (ob_is(S, o, TI_BOOL) || ob_is(S, o, TI_BYTES)) {
        fp_tuple_free(fp, 2);
    } else if (ob_is(S, o, TI_FLOAT)) {
        double d = float_value(S, o);
        fp_tuple_free(fp, d == 0.0 && signbit(d) ? 3 : 2);
    } else if (ob_is(S, o, TI_TUPLE)) {
        int64_t n = ob_size(S, o);
        fp_tuple_free(fp, 2);
        fp_tuple_free(fp, n);
        for (int64_t i = n; --i >= 0;) fp_key_free(fp, S, tuple_item(S, o, i));
    } else if (ob_is(S, o, TI_FROZENSET)) {
        int64_t pos = 0;
        Obj item;
        fp_tuple_free(fp, 2);
        fp_set_free(fp);
        while (set_next(S, o, &pos, &item)) fp_key_free(fp, S, item);
    }
}

void fp_merge_one(Footprint *fp, Sim *S, Obj o, int dup)
{
    fp_key_new(fp, S, o);
    if (!dup) return;
    fp_key_free(fp, S, o);
    if (ob_is(S, o, TI_TUPLE)) fp_tuple_free(fp, ob_size(S, o));
}

int fp_merge_code(Footprint *fp, const unsigned char *code, size_t n)
{
    fp_tuple_new(fp, 2);   /* (bytes, co_code) */
    for (size_t i = 0; i < fp->ncodes; i++) {
        if (fp->code_lens[i] == n && !memcmp(fp->codes[i], code, n)) {
            fp_tuple_free(fp, 2);
            return 1;
        }
    }
    if (fp->ncodes == fp->capcodes) {
        size_t ncap = fp->capcodes ? 2 * fp->capcodes : 16;
        unsigned char **codes = realloc(fp->codes, ncap * sizeof *codes);
        if (!codes) return -1;
        fp->codes = codes;
        size_t *lens = realloc(fp->code_lens, ncap * sizeof *lens);
        if (!lens) return -1;
        fp->code_lens = lens;
        fp->capcodes = ncap;
    }
    unsigned char *copy = malloc(n ? n : 1);
    if (!copy) return -1;
    memcpy(copy, code, n);
    fp->codes[fp->ncodes] = copy;
    fp->code_lens[fp->ncodes++] = n;
    return 0;
}
