/*
 * compiler/parser.h -- source text to the AST of ast.h, as CPython 3.11's
 * PEG parser (Grammar/python.gram) builds it: the same trees, the same
 * positions, and the same SyntaxError/IndentationError/TabError (message,
 * position, source line) that `python3 FILE.py` reports.
 *
 * How errors are chosen, as in Parser/pegen.c: a first pass without the
 * grammar's invalid_* rules; on failure a second pass with them, which may
 * raise a specific message; otherwise "invalid syntax" at the furthest
 * token the first pass read.  A tokenizer error met on the way wins at
 * once; after a parser error the rest of the source is tokenized and a
 * later tokenizer error (or an earlier unclosed bracket) replaces it.
 *
 * Python that is valid but outside refscope's subset (with, async, await,
 * match, :=, annotations, yield from, except*) parses, then fails with a
 * SyntaxError naming the construct and its line ("'with' statements are
 * not supported by refscope"): real syntax errors anywhere in the file are
 * reported first, exactly as CPython would.
 *
 * Invariants:
 *   - parse_module returns a tree or NULL with *err filled, never crashes
 *     and never recurses deeper than a fixed bound, whatever the input;
 *   - the tree and every string in it live in the caller's arena;
 *   - ParseError offsets are CPython's for file input: 1-based, counted in
 *     bytes (in characters when a BOM or coding cookie declares the
 *     encoding -- CPython 3.11 converts only then).
 */
#ifndef ENGINE_COMPILER_PARSER_H
#define ENGINE_COMPILER_PARSER_H

#include <stddef.h>

#include "compiler/ast.h"
#include "compiler/synwarn.h"

/* What CPython's SyntaxError carries.  `offset`/`end_offset` are 1-based
 * columns (end exclusive); end_lineno/end_offset may be -1 or 0 as CPython
 * leaves them; lineno 0 stands for None (then only "Type: msg" prints);
 * `text` is the source line as CPython reads it (usually with its
 * newline), has_text 0 for None.  A parser too deep for pegen's stack is
 * type "MemoryError" with an empty msg, as CPython's. */
typedef struct ParseError {
    const char *type;          /* "SyntaxError", "IndentationError" or "TabError" */
    char msg[256];
    int lineno, offset, end_lineno, end_offset;
    int has_text;
    char text[4096];           /* truncated past 4095 bytes */
    char filename[512];
} ParseError;

/* The Module of `src[0..len)` (UTF-8, as a file holds it); NULL on error
 * with *err filled.  `filename` is what error messages show. */
Node *parse_module(AstArena *a, const char *src, size_t len, const char *filename,
                   ParseError *err);

/* The same, also appending to *warnings (when not NULL) the tokenizer's
 * SyntaxWarnings in CPython's order -- on success and on error alike, as
 * python3 prints them before the SyntaxError.  Out of host memory for
 * the list is a MemoryError. */
Node *parse_module_ex(AstArena *a, const char *src, size_t len, const char *filename,
                      ParseError *err, SynWarnings *warnings);

/* What `python3 FILE.py` prints on stderr for this error:
 *   File "x.py", line N / the line / the carets / Type: msg
 * Writes at most cap-1 bytes (NUL-terminated) and returns the full length. */
int parse_error_format(const ParseError *e, char *buf, size_t cap);

#endif /* ENGINE_COMPILER_PARSER_H */
