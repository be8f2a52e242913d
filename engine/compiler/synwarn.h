/*
 * compiler/synwarn.h -- the warnings CPython 3.11 raises while it turns a
 * source into code, in the order it raises them.
 *
 * python3 FILE.py prints each one to stderr before the program runs (the
 * default filter action for SyntaxWarning is "default", and the tokenizer
 * and compiler pass no registry, so a warning raised twice at the same
 * place is printed twice):
 *
 *     FILE:LINENO: SyntaxWarning: MSG
 *       the source line, stripped
 *
 * The tokenizer raises "invalid decimal literal" and friends (lexer.h);
 * the code generator raises compile.c's compiler_warn messages.  Both
 * append here; the engine's API prints the list (api.c).  The
 * DeprecationWarnings CPython 3.11 raises at compile time (invalid escape
 * sequences) are ignored by the default filters outside __main__ (the
 * module of a compile-time warning is the file name without ".py"), so
 * they print nothing and are not collected.
 *
 * Memory: host memory owned by the list; synwarn_free releases it.
 */
#ifndef ENGINE_COMPILER_SYNWARN_H
#define ENGINE_COMPILER_SYNWARN_H

#include <stddef.h>

typedef struct SynWarning {
    const char *category;      /* "SyntaxWarning" (a static string) */
    char msg[512];             /* the message, UTF-8 */
    int lineno;                /* 1-based line the warning names */
} SynWarning;

typedef struct SynWarnings {
    SynWarning *items;         /* in the order raised */
    size_t n, cap;
} SynWarnings;

/* Appends a warning; 0, or -1 when the host is out of memory (the list
 * is unchanged). */
int synwarn_add(SynWarnings *w, const char *category, int lineno, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Releases the items; the list is empty again. */
void synwarn_free(SynWarnings *w);

#endif /* ENGINE_COMPILER_SYNWARN_H */
