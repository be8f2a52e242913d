/* synwarn.c -- see synwarn.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "compiler/synwarn.h"

int synwarn_add(SynWarnings *w, const char *category, int lineno, const char *fmt, ...)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 8;
        SynWarning *items = realloc(w->items, cap * sizeof *items);
        if (!items) return -1;
        w->items = items;
        w->cap = cap;
    }
    SynWarning *it = &w->items[w->n++];
    it->category = category;
    it->lineno = lineno;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(it->msg, sizeof it->msg, fmt, ap);
    va_end(ap);
    return 0;
}

void synwarn_free(SynWarnings *w)
{
    free(w->items);
    w->items = NULL;
    w->n = w->cap = 0;
}
