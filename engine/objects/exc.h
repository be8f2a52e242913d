/*
 * objects/exc.h -- exception objects and the pending exception.
 *
 * Errors are values, as in CPython: a function that fails returns 0 (or
 * -1) with S->exc set to a new exception instance.  Callers test, and
 * either handle it (exc_clear) or return the failure upward.
 */
#ifndef ENGINE_OBJECTS_EXC_H
#define ENGINE_OBJECTS_EXC_H

#include "objects/object.h"

/* BaseException's fields (PyBaseExceptionObject, 72 bytes). */
#define EXC_DICT_OFF      16
#define EXC_ARGS_OFF      24
#define EXC_NOTES_OFF     32
#define EXC_TRACEBACK_OFF 40
#define EXC_CONTEXT_OFF   48
#define EXC_CAUSE_OFF     56
#define EXC_SUPPRESS_OFF  64
/* The fields some families add after BaseException's 72 bytes. */
#define EXC_NAME_NAME_OFF 72   /* NameError.name (80 bytes) */
#define EXC_ATTR_OBJ_OFF  72   /* AttributeError.obj, .name (88 bytes) */
#define EXC_ATTR_NAME_OFF 80
#define EXC_STOP_VALUE_OFF 72  /* StopIteration.value (80 bytes) */
#define EXC_EXIT_CODE_OFF 72   /* SystemExit.code (80 bytes) */
#define EXC_IMPORT_MSG_OFF 72  /* ImportError.msg, .name, .path (96 bytes) */

/* 1 if `type` is the built-in exception class `id` or derives from it. */
int exc_type_is(const Sim *S, Obj type, ExcId id);

/* Stores a new reference to v in e's field at `off` when it is empty
 * (format_exc_check_arg's name, set_attribute_error_context's name and
 * obj).  v borrowed. */
void exc_set_field_once(Sim *S, Obj e, uint32_t off, Obj v);

/* Sets S->exc to a new `id` instance with args (message,); returns 0 so
 * callers can `return exc_set(...)`. */
Obj exc_set(Sim *S, ExcId id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Sets S->exc to a new `id` instance whose args are `args` (a tuple; the
 * caller's TEMP reference moves to the exception); returns 0. */
Obj exc_set_args(Sim *S, ExcId id, Obj args);

/* Sets S->exc to the preallocated MemoryError; returns 0. */
Obj exc_no_memory(Sim *S);

/* Drops the pending exception. */
void exc_clear(Sim *S);

/* 1 if an exception is pending and is an instance of `id` or a subclass. */
int exc_matches(const Sim *S, ExcId id);

/* The message of the pending exception (its first arg, if a str), in a
 * host buffer; "" when none. */
const char *exc_message(const Sim *S, char *buf, size_t cap);

/* The name of a built-in exception type, or NULL. */
const char *exc_type_name(const Sim *S, Obj type);

/* Creates the exception types (static) and the preallocated MemoryError. */
int exc_init(Sim *S);

/* Type behaviour. */
void exc_gc_clear(Sim *S, Obj e);
void exc_dealloc(Sim *S, Obj o);
void exc_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_EXC_H */
