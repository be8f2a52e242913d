/*
 * runtime/importlib.h -- the import statement as python3 3.11.7 runs it,
 * for the modules refscope simulates (sys, gc, weakref).
 *
 * CPython's IMPORT_NAME runs importlib's Python code (_find_and_load, the
 * module locks, BuiltinImporter, ModuleSpec) for a first import, and for
 * every import probes the module's __spec__._initializing (and __path__
 * when names are imported from it).  refscope does not run that code but
 * replays its footprint: the tuples, dicts and lists it takes from and
 * gives back to the free lists, and the other GC objects it makes and
 * releases, in CPython's order, read with gdb
 * (scripts/cpython-import-ops).  So gc.get_count() and the free lists
 * after an import are python3's.
 *
 * Invariants: the replay leaves no object behind; what importlib keeps
 * (the ModuleSpec and its list) is counted in count[0] as CPython counts
 * it, without an object.
 */
#ifndef ENGINE_RUNTIME_IMPORTLIB_H
#define ENGINE_RUNTIME_IMPORTLIB_H

#include "objects/object.h"

/* PyImport_ImportModuleLevelObject(name, fromlist) for a top-level
 * module: the module from sys.modules, or made and registered there.
 * New reference; 0 with ModuleNotFoundError (or MemoryError). */
Obj importlib_import(Sim *S, Obj name, Obj fromlist);

#endif /* ENGINE_RUNTIME_IMPORTLIB_H */
