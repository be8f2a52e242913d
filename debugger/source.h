/*
 * source.h -- reading a program and writing engine output to a FILE
 * (internal to the debugger layer).
 */
#ifndef DEBUGGER_SOURCE_H
#define DEBUGGER_SOURCE_H

#include <stddef.h>
#include <stdio.h>

#include "sim/engine.h"

/* The whole file, NUL-terminated (malloc'd); NULL with errno set. */
char *dbg_read_source(const char *path, size_t *len);

/* The script's name as python3 shows it (_Py_abspath): a relative path
 * joined to the working directory, nothing normalised.  malloc'd. */
char *dbg_script_path(const char *path);

/* A new engine for `profile` with FILE.py loaded under the name python3
 * shows for it, the program's output to out (its errors to err): *status
 * 0 when it is ready to run, 1 after a syntax error (reported), 2 when
 * the file or the profile is unusable (reported; NULL returned). */
SimEngine *dbg_load(const char *path, const char *profile, SimWriteFn out, void *out_ud, FILE *err, int *status);

/* A SimWriteFn whose userdata is a FILE *. */
void dbg_write_file(void *ud, const char *text, size_t len);

#endif /* DEBUGGER_SOURCE_H */
