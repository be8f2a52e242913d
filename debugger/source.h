/*
 * source.h -- reading a program and writing engine output to a FILE
 * (internal to the debugger layer).
 */
#ifndef DEBUGGER_SOURCE_H
#define DEBUGGER_SOURCE_H

#include <stddef.h>

/* The whole file, NUL-terminated (malloc'd); NULL with errno set. */
char *dbg_read_source(const char *path, size_t *len);

/* The script's name as python3 shows it (_Py_abspath): a relative path
 * joined to the working directory, nothing normalised.  malloc'd. */
char *dbg_script_path(const char *path);

/* A SimWriteFn whose userdata is a FILE *. */
void dbg_write_file(void *ud, const char *text, size_t len);

#endif /* DEBUGGER_SOURCE_H */
