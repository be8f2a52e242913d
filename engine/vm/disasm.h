/*
 * vm/disasm.h -- CPython 3.11.7's dis module over code objects in the
 * simulated heap: dis.dis(code) and dis.disassemble(code, lasti) print
 * exactly what Lib/dis.py prints (show_caches=False, adaptive=False),
 * byte for byte, code objects' addresses being their simulated addresses.
 * Also here, because dis needs them and the VM and debugger will too: the
 * 3.11 location table (code.co_lines(), code.co_positions(),
 * PyCode_Addr2Line), the exception table (dis._parse_exception_table) and
 * repr() of every kind of constant a code object holds.
 *
 * The code object contract (objects/func.h gives the offsets), as
 * CPython 3.11's compiler fills it:
 *   - the code units inline at CO_CODE_OFF, ob_size of them, are co_code's
 *     bytes, CACHE units included.  Specialized (quickened) instructions
 *     are read as code.co_code shows them: deoptimized, their caches
 *     zeroed, unknown numbers as CACHE (disasm_deopt);
 *   - co_consts: a tuple of None, True, False, Ellipsis, int, float, str,
 *     bytes, tuples and frozensets of these, and code objects;
 *   - co_names, co_localsplusnames: tuples of str; co_localspluskinds:
 *     bytes, one CO_FAST_* byte per name (dis itself does not read them);
 *   - co_linetable: bytes in 3.11's location-table format
 *     (Objects/locations.md); co_exceptiontable: bytes in 3.11's varint
 *     format; co_filename, co_name, co_qualname: str;
 *   - co_firstlineno and the counts: uint32 in the header.
 * An empty (0) field reads as an empty tuple or bytes.
 *
 * Nothing here changes the simulated heap: output is written through the
 * caller's SimWriteFn, scratch memory is host memory.  On bad input
 * (indexes past co_consts, co_names or co_localsplusnames, a constant with
 * no repr here, an int over 4300 digits) the functions return -1 with the
 * exception dis would raise set; what was printed before stays printed.
 */
#ifndef ENGINE_VM_DISASM_H
#define ENGINE_VM_DISASM_H

#include <stdint.h>

#include "objects/func.h"
#include "objects/object.h"

/* co_localspluskinds bytes (Include/internal/pycore_code.h, 3.11). */

/* dis.dis(code): the disassembly, its exception table, then a
 * "Disassembly of <code object ...>:" section per code object in
 * co_consts, depth first.  0, or -1 with an exception set. */
int disasm_code(Sim *S, Obj code, SimWriteFn out, void *ud);

/* dis.disassemble(code, lasti): one code object, nested ones not
 * followed; the instruction at byte offset `lasti` gets the "-->" marker
 * (-1 for none).  0, or -1 with an exception set. */
int disasm_one(Sim *S, Obj code, int64_t lasti, SimWriteFn out, void *ud);

/* repr(o) for a constant (the types of the contract, plus set).  0, or
 * -1 with an exception set (TypeError for other types). */
int disasm_repr(Sim *S, Obj o, SimWriteFn out, void *ud);

/* The opcode code.co_code shows for a code unit holding `raw`: raw itself
 * for a real opcode, the base instruction for a specialized one
 * (BINARY_OP_ADD_INT -> BINARY_OP), 0 (CACHE) for an unused number. */
int disasm_deopt(int raw);

/* Py_UNICODE_ISPRINTABLE (str.isprintable of one character, Unicode
 * 14.0.0): what str's repr leaves unescaped. */
int disasm_isprintable(uint32_t cp);

/* ---- the location table ---- */

/* code.co_lines(): address ranges [start, end) in bytes with their line,
 * -1 for None.  Not merged: one range per table entry, as 3.11. */
typedef struct DisasmLines {
    const Sim *S;
    Obj table;                 /* the co_linetable bytes (borrowed) */
    int64_t pos, len;
    int64_t computed;          /* the line the deltas have reached */
    int64_t start, end, line;  /* the current range */
} DisasmLines;

void disasm_lines_begin(DisasmLines *it, const Sim *S, Obj code);
/* 1 with the next range in it->start, end, line; 0 at the end. */
int disasm_lines_next(DisasmLines *it);

/* code.co_positions(): per code unit, (lineno, end_lineno, col_offset,
 * end_col_offset), -1 for None. */
typedef struct DisasmPositions {
    const Sim *S;
    Obj table;
    int64_t pos, len;
    int64_t computed;
    int64_t offset, start, end;   /* the next unit's offset; the entry's range */
    int64_t line, endline, col, endcol;
} DisasmPositions;

void disasm_positions_begin(DisasmPositions *it, const Sim *S, Obj code);
/* 1 with the next unit's position in it->line, endline, col, endcol; 0
 * when the table ends. */
int disasm_positions_next(DisasmPositions *it);

/* PyCode_Addr2Line: the line of the instruction at byte offset `offset`
 * (co_firstlineno for a negative offset), -1 when it has none. */
int64_t disasm_addr2line(const Sim *S, Obj code, int64_t offset);

/* ---- the exception table ---- */

typedef struct DisasmExcEntry {
    int64_t start, end, target, depth;   /* byte offsets; end exclusive */
    int lasti;
} DisasmExcEntry;

typedef struct DisasmExcIter {
    const Sim *S;
    Obj table;
    int64_t pos, len;
} DisasmExcIter;

void disasm_exc_begin(DisasmExcIter *it, const Sim *S, Obj code);
/* dis._parse_exception_table, one entry at a time: 1 with *e filled, 0
 * at the end (a truncated last entry is dropped, as dis drops it). */
int disasm_exc_next(DisasmExcIter *it, DisasmExcEntry *e);

#endif /* ENGINE_VM_DISASM_H */
