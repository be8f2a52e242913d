/*
 * compiler/lexer.h -- CPython 3.11's tokenizer (Parser/tokenizer.c) for
 * refscope's compiler (internal).
 *
 * The compiler runs in host memory: the lexer reads a source buffer and
 * hands out tokens one at a time, as the C tokenizer hands them to pegen,
 * with the same kinds, positions and errors as `python3 FILE.py` (file
 * input, not compile() of a string: the two differ in a few errors).
 *
 * Invariants:
 *   - lex_new copies the source: a UTF-8 BOM at the start is dropped,
 *     "\r\n" and a lone "\r" become "\n" (universal newlines), and a last
 *     line without a newline gets one, as CPython's file reader does.
 *     Token text points into that copy and stays valid until lex_free.
 *   - Lines are read lazily, one at a time, as CPython reads them: an
 *     error on line N (undecodable bytes, a null byte) is reported only
 *     when the tokens before it have been handed out, so the first error
 *     is the one CPython reports.  A null byte's error even waits for the
 *     DEDENTs its line brings (CPython reads it as EOF first).
 *   - Positions are CPython's: lineno and end_lineno 1-based; col_offset and
 *     end_col_offset 0-based UTF-8 byte offsets into their lines.  INDENT,
 *     DEDENT and ENDMARKER have no text and columns -1 (as in CPython, where
 *     the parser then uses lex_cursor_col); their line is the tokenizer's
 *     current line.  NEWLINE ends where it starts and leaves the newline
 *     out; after a comment it starts at the '#' and its text is the
 *     comment.  A STRING may span lines (f-strings are one STRING in 3.11).
 *   - After an error lex_next keeps returning -1 with the same error; after
 *     ENDMARKER it keeps returning ENDMARKER.
 *   - No recursion and no limits beyond CPython's: 200 nested brackets,
 *     99 indentation levels; any byte sequence gives tokens or an error.
 */
#ifndef ENGINE_COMPILER_LEXER_H
#define ENGINE_COMPILER_LEXER_H

#include <stddef.h>
#include <stdint.h>

#include "compiler/token.h"

typedef struct Lexer Lexer;

typedef struct Token {
    TokKind kind;
    TokOp op;              /* TOP_NONE unless kind == TOK_OP */
    int lineno, col_offset;
    int end_lineno, end_col_offset;
    const char *text;      /* into the lexer's copy; NULL when len == 0 */
    size_t len;
} Token;

/* Which of CPython's paths raised the error: the tokenizer itself
 * (LEXE_SYNTAX, LEXE_ENCODING, LEXE_DECODE), or pegen from the tokenizer's
 * error code (the others).  It matters to a parser that failed first: pegen
 * then keeps tokenizing (_PyPegen_tokenize_full_source_to_check_for_errors)
 * and a later LEXE_SYNTAX or LEXE_ENCODING error replaces the parser's,
 * a LEXE_DECODE one too but as a plain UnicodeDecodeError (msg without
 * "(unicode error) "), and an error of the other kinds inside brackets
 * opened before the parser's error line (lex_open_bracket) becomes
 * "'(' was never closed" at that bracket; other errors leave the parser's.  Not after "unexpected
 * indent"/"unexpected unindent": pegen raises those without tokenizing on. */
typedef enum LexErrorCode {
    LEXE_SYNTAX,       /* syntaxerror(): numbers, strings, characters, brackets */
    LEXE_EOF,          /* E_EOF: "unexpected EOF while parsing" */
    LEXE_UNCLOSED,     /* E_EOF inside brackets: "'(' was never closed" */
    LEXE_DEDENT,       /* E_DEDENT: IndentationError */
    LEXE_TABSPACE,     /* E_TABSPACE: TabError */
    LEXE_TOODEEP,      /* E_TOODEEP: IndentationError */
    LEXE_LINECONT,     /* E_LINECONT: after a line continuation character */
    LEXE_DECODE,       /* E_DECODE: "(unicode error) ..." */
    LEXE_ENCODING,     /* undecodable source, null bytes, coding problems */
    LEXE_UNSUPPORTED,  /* refscope's own: a source encoding other than UTF-8 */
    LEXE_NOMEM
} LexErrorCode;

/* The exception CPython raises, field for field.  lineno 0 stands for
 * None (then offset, end_lineno, end_offset are 0 and text is NULL). */
typedef struct LexError {
    LexErrorCode code;
    const char *type;      /* "SyntaxError", "IndentationError" or "TabError" */
    const char *msg;       /* SyntaxError.msg, UTF-8 */
    int lineno;
    int offset;            /* 1-based column of the caret, as CPython counts it */
    int end_lineno;
    int end_offset;        /* CPython's end_offset (0 or -1 when it shows none) */
    const char *text;      /* SyntaxError.text, UTF-8, or NULL for None */
    size_t text_len;
} LexError;

/* A warning the tokenizer raised: CPython's SyntaxWarning "invalid decimal
 * literal" (hexadecimal, octal, binary, imaginary) for a number touching a
 * keyword (1if x else y), which python3 prints to stderr, every one, as
 * "FILE:LINENO: SyntaxWarning: MSG" and the source line. */
typedef struct LexWarning {
    const char *category;  /* "SyntaxWarning" */
    const char *msg;
    int lineno;
} LexWarning;

/* A lexer over `src[0..len)`; `filename` as CPython names the file in its
 * messages.  NULL when out of memory or for a source over INT_MAX bytes
 * (columns are ints, as in CPython). */
Lexer *lex_new(const char *src, size_t len, const char *filename);
void lex_free(Lexer *L);

/* The next token into *out: 0, or -1 with lex_error() set. */
int lex_next(Lexer *L, Token *out);

/* The error after lex_next returned -1, else NULL. */
const LexError *lex_error(const Lexer *L);

/* The warnings raised so far, in order; NULL past the end. */
size_t lex_warning_count(const Lexer *L);
const LexWarning *lex_warning(const Lexer *L, size_t i);

/* ---- what pegen reads from the tokenizer to place its own errors ---- */

/* tok->lineno: the last line read. */
int lex_lineno(const Lexer *L);
/* The column pegen gives a token without one (INDENT, DEDENT, ENDMARKER):
 * 0 when the tokenizer's buffer is empty (at EOF after a whole line), else
 * the cursor's byte offset in its line. */
int lex_cursor_col(const Lexer *L);
/* The innermost open bracket, '(', '[' or '{' (0 when none), and where it
 * opened (1-based line, 0-based byte column): pegen names it "'(' was never
 * closed" when its scan after a parser error stops at an error inside it. */
int lex_open_bracket(const Lexer *L, int *lineno, int *col);
/* SyntaxError.offset for a 1-based byte column `col` on line `lineno`:
 * `col` itself, or (when the source declares its encoding by a BOM or a
 * coding cookie, as CPython 3.11 does only then) the character count of
 * the first `col` bytes of the line as the error text shows it. */
int lex_error_offset(const Lexer *L, int lineno, int col);
/* SyntaxError.text for line `lineno`, as CPython takes it from the file
 * (with its newline, the BOM on line 1, only the last 999-byte piece of a
 * longer line), malloc'd and NUL-terminated; NULL for None. */
char *lex_error_text(const Lexer *L, int lineno, size_t *len);

/* ---- Unicode, as unicodedata 14.0.0 (CPython 3.11) classifies it ---- */

typedef enum LexUniClass {
    LEXU_NONPRINTABLE,   /* not str.isprintable() */
    LEXU_PRINTABLE,      /* printable, not an identifier character */
    LEXU_XID_CONTINUE,   /* XID_Continue but not XID_Start */
    LEXU_XID_START       /* XID_Start (hence also XID_Continue) */
} LexUniClass;

LexUniClass lex_unicode_class(uint32_t cp);

#endif
