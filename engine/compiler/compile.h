/*
 * compiler/compile.h -- an AST (compiler/ast.h) to a CPython 3.11.7 code
 * object, byte for byte: co_code (CACHE units included), co_consts,
 * co_names, the locals, cells and free variables, co_linetable,
 * co_exceptiontable, co_flags, co_stacksize and co_firstlineno are what
 * `compile(src, filename, "exec")` gives, so that `dis` prints the same.
 *
 * The work follows Python/ast_opt.c (constant folding) and Python/compile.c
 * (code generation, the CFG optimizer, the assembler) of CPython 3.11 in
 * their order of operations; see cfg.h for the internals.
 *
 * Invariants:
 *   - the tree passed in is not modified (the compiler works on a copy);
 *   - on success *code is a new reference (held by TEMP) and the heap
 *     holds nothing else the compiler made: constants live on only as
 *     the code objects' references; equal constants share one object
 *     across every nested code object, as _PyCode_ConstantKey and
 *     merge_consts_recursive make them; names and identifier-like string
 *     constants are interned;
 *   - on failure *code is 0, *err is filled and the heap is as before
 *     (apart from interned strings and free lists, as in CPython);
 *   - errors are SyntaxErrors with CPython's message and position, or
 *     "X is not supported by refscope" for what the subset leaves out
 *     (complex numbers, asynchronous comprehensions, __future__ imports);
 *     a MemoryError of the simulated heap comes back as an error too.
 *
 * Known limits: a constant expression CPython folds to a complex number
 * ((-8) ** 0.5) stays unfolded; frozenset constants whose strings
 * CPython replaces by copies interned at interpreter start-up are rebuilt
 * there and may iterate in another order (see the test's MANIFEST).
 *
 * Call with no simulated exception pending.
 */
#ifndef ENGINE_COMPILER_COMPILE_H
#define ENGINE_COMPILER_COMPILE_H

#include "compiler/ast.h"
#include "compiler/footprint.h"
#include "compiler/synwarn.h"
#include "objects/object.h"

/* What CPython's SyntaxError carries: offsets 1-based (col_offset + 1,
 * UTF-8 bytes, as compile.c passes them), end exclusive. */
typedef struct CompileError {
    const char *type;          /* "SyntaxError", "MemoryError", "RecursionError" */
    char msg[256];
    int lineno, offset, end_lineno, end_offset;
} CompileError;

/* Compiles a Module tree: 0 with *code set (a new reference), or -1 with
 * *code 0 and *err filled. */
int compile_module(Sim *S, const Node *module, const char *filename, Obj *code, CompileError *err);

/* Objects listed for the caller (host memory, borrowed references). */
typedef struct ArenaObjs {
    Obj *objs;
    size_t n, cap;
} ArenaObjs;

/* The same, also listing in *arena the constants CPython's parser arena
 * keeps alive while a script's __main__ runs (see collect_arena),
 * appending to *warnings the SyntaxWarnings compile.c's compiler_warn
 * raises, in its order (on failure too: those raised before the error),
 * and counting in *fp (from fp_init; the caller releases it) what CPython's
 * own compilation leaves in the free lists and the gc count (see
 * footprint.h; meaningful on success only).  Any of the three may be NULL. */
int compile_module_ex(Sim *S, const Node *module, const char *filename, Obj *code, CompileError *err,
                      ArenaObjs *arena, SynWarnings *warnings, Footprint *fp);

#endif /* ENGINE_COMPILER_COMPILE_H */
