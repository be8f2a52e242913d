/*
 * compiler/footprint.h -- what CPython 3.11.7's compilation of a script
 * leaves behind in the state the script starts running with.
 *
 * python3 parses and compiles FILE.py before its first instruction, and
 * the compiler's temporary objects (symbol-table dicts and lists, the
 * compiler units' dicts, _PyCode_ConstantKey's key tuples, ...) come from
 * and go back to the free lists.  A fresh allocation (free list empty)
 * adds one to gc generation 0's count; a release to a full free list
 * takes one away.  So the count and the free lists' lengths at the first
 * instruction depend on the program, and with them what `gc.get_count()`
 * prints and which objects come from a free list while it runs.
 *
 * refscope's compiler builds the same code objects in the simulated heap
 * but not CPython's temporaries: it calls the fp_* functions below at
 * each point where CPython's front end allocates or releases a dict,
 * list or tuple, and this model keeps only the counters.  Sets and set
 * iterators of the symbol table's analysis come and go without a free
 * list, so they cancel and are not modelled; frozensets are (fp_set_*):
 * some outlive the compilation.
 *
 * The starting point (fp_init) is CPython's state when the parser starts
 * on the main script, and the result is its state when the module's code
 * starts (run_eval_code_obj), both read with gdb from python3 3.11.7
 * (scripts/cpython-footprint; tests/data/footprint holds such readings
 * for the oracle programs and test_footprint compares them).
 *
 * A fresh GC allocation that takes count[0] past 700 runs a collection
 * there, as _PyObject_GC_Link does: a large program is collected while it
 * is compiled (generations 0 and 1; nothing the compiler holds is
 * garbage, so none is collected).
 *
 * Invariants: counters never go below 0; a free list never holds more
 * than CPython's limit (tuples 2000 per size, lists and dicts 80).
 * Known limit: the PEG parser makes a float literal's object two or three
 * times (memo-less backtracking); two are counted.
 */
#ifndef ENGINE_COMPILER_FOOTPRINT_H
#define ENGINE_COMPILER_FOOTPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "objects/object.h"

#define FP_TUPLE_SIZES 20   /* PyTuple_MAXSAVESIZE: sizes 1..20 at n-1 */

/* One step of the model, for a log: "dict-new", "tuple-free" (n the
 * size), ... in CPython's order; gdb shows the same sequence. */
typedef void (*FpLogFn)(void *ud, const char *op, int64_t n);

typedef struct Footprint {
    int64_t count[3];               /* gc.get_count() */
    int64_t collections[3];         /* collections run while compiling */
    int32_t dict_n, list_n, float_n;
    int32_t tuple_n[FP_TUPLE_SIZES];
    /* co_code of every code object so far: CPython's constant cache keeps
     * them (merge_const_one on the bytecode); refscope's does not */
    unsigned char **codes;
    size_t *code_lens;
    size_t ncodes, capcodes;
    FpLogFn log;                    /* NULL: no log */
    void *log_ud;
} Footprint;

/* CPython's state when the parser starts on the main script. */
void fp_init(Footprint *fp);
/* Releases the host memory (the counters stay readable). */
void fp_release(Footprint *fp);

void fp_dict_new(Footprint *fp);
void fp_dict_free(Footprint *fp);
void fp_list_new(Footprint *fp);
void fp_list_free(Footprint *fp);
/* A tuple of n items (n 0 is the empty singleton: nothing happens). */
void fp_tuple_new(Footprint *fp, int64_t n);
void fp_tuple_free(Footprint *fp, int64_t n);
/* A set or frozenset: a GC object without a free list. */
void fp_set_new(Footprint *fp);
void fp_set_free(Footprint *fp);
/* An iterator made and dropped (GC, no free list): the count passes the
 * collection threshold where CPython's does. */
void fp_iterator(Footprint *fp);
/* PyFrozenSet_New(tuple): the set, and the tuple's iterator meanwhile. */
void fp_frozenset_new(Footprint *fp);
/* A float the parser or the AST optimizer made (kept alive by the
 * parser's arena): the parser makes a literal's float twice or three
 * times, folding once. */
void fp_float_made(Footprint *fp, int times);

/* _PyCode_ConstantKey(o) builds its key / the key is released. */
void fp_key_new(Footprint *fp, Sim *S, Obj o);
void fp_key_free(Footprint *fp, Sim *S, Obj o);

/* merge_const_one on a new object `o` that the cache had (`dup`) or now
 * keeps: its key is made, and for a duplicate released, with `o` itself
 * when it is a tuple (the caller made it: fp_tuple_new). */
void fp_merge_one(Footprint *fp, Sim *S, Obj o, int dup);

/* merge_const_one on a code object's co_code: 1 when an equal bytecode
 * was merged before, 0 when not, -1 when the host has no memory. */
int fp_merge_code(Footprint *fp, const unsigned char *code, size_t n);

#endif /* ENGINE_COMPILER_FOOTPRINT_H */
