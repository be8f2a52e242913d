/* exc.c -- see exc.h. */
#include <stdarg.h>
#include <stdio.h>

#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"

static const char *const exc_names[] = {
#define X(name, base) #name,
    EXCEPTION_TYPES(X)
#undef X
};

static const ExcId exc_bases[] = {
#define X(name, base) EXC_##base,
    EXCEPTION_TYPES(X)
#undef X
};

/* BaseException_clear's order, which is also BaseException_traverse's. */
static const ObField fields[] = {
    {EXC_DICT_OFF, R_INSTANCE_DICT}, {EXC_ARGS_OFF, R_EXC_ARGS},
    {EXC_NOTES_OFF, R_NONE},         {EXC_TRACEBACK_OFF, R_EXC_TRACEBACK},
    {EXC_CAUSE_OFF, R_EXC_CAUSE},    {EXC_CONTEXT_OFF, R_EXC_CONTEXT},
};

/* The fields of NameError, AttributeError, ImportError, StopIteration and
 * SystemExit after BaseException's, in their *_clear / *_traverse order
 * (which runs before BaseException's). */
static const ObField name_fields[] = {{EXC_NAME_NAME_OFF, R_NONE}};
static const ObField attr_fields[] = {{EXC_ATTR_OBJ_OFF, R_NONE}, {EXC_ATTR_NAME_OFF, R_NONE}};
static const ObField import_fields[] = {{EXC_IMPORT_MSG_OFF, R_NONE}, {EXC_IMPORT_MSG_OFF + 8, R_NONE},
                                        {EXC_IMPORT_MSG_OFF + 16, R_NONE}};
static const ObField value_fields[] = {{EXC_STOP_VALUE_OFF, R_NONE}};

int exc_type_is(const Sim *S, Obj type, ExcId id)
{
    for (Obj t = type; t; t = ob_get64(S, t, TP_BASE_OFF))
        if (t == S->exc_types[id]) return 1;
    return 0;
}

static const ObField *extra_fields(const Sim *S, Obj e, size_t *n)
{
    Obj t = ob_type(S, e);
    *n = 0;
    if (exc_type_is(S, t, EXC_NameError)) {
        *n = N_FIELDS(name_fields);
        return name_fields;
    }
    if (exc_type_is(S, t, EXC_AttributeError)) {
        *n = N_FIELDS(attr_fields);
        return attr_fields;
    }
    if (exc_type_is(S, t, EXC_ImportError)) {
        *n = N_FIELDS(import_fields);
        return import_fields;
    }
    if (exc_type_is(S, t, EXC_StopIteration) || exc_type_is(S, t, EXC_SystemExit)) {
        *n = N_FIELDS(value_fields);
        return value_fields;
    }
    return NULL;
}

void exc_set_field_once(Sim *S, Obj e, uint32_t off, Obj v)
{
    if (ob_get64(S, e, off)) return;
    ob_set64(S, e, off, v);
    ob_incref(S, v, HOLD_INTERNAL(e, R_NONE));
}

static void set_pending(Sim *S, Obj e)
{
    Obj old = S->exc;
    S->exc = e;
    ob_move(S, e, HOLD_TEMP, HOLD_INTERNAL(0, R_CURRENT_EXC));
    if (old) ob_decref(S, old, HOLD_INTERNAL(0, R_CURRENT_EXC));
}

Obj exc_no_memory(Sim *S)
{
    ob_incref(S, S->memory_error, HOLD_TEMP);
    set_pending(S, S->memory_error);
    return 0;
}

Obj exc_set_args(Sim *S, ExcId id, Obj args)
{
    Obj e = ob_alloc_type(S, S->exc_types[id], 0);
    if (!e) {
        ob_decref(S, args, HOLD_TEMP);
        return 0;
    }
    ob_set_field(S, e, EXC_ARGS_OFF, R_EXC_ARGS, args);
    gc_track(S, e);
    set_pending(S, e);
    return 0;
}

Obj exc_set(Sim *S, ExcId id, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Obj msg = str_from_cstr(S, buf);
    if (!msg) return 0; /* MemoryError is pending instead */
    Obj args = tuple_new(S, 1);
    if (!args) {
        ob_decref(S, msg, HOLD_TEMP);
        return 0;
    }
    tuple_set_item(S, args, 0, msg);
    return exc_set_args(S, id, args);
}

void exc_clear(Sim *S)
{
    Obj e = S->exc;
    S->exc = 0;
    if (e) ob_decref(S, e, HOLD_INTERNAL(0, R_CURRENT_EXC));
}

int exc_matches(const Sim *S, ExcId id)
{
    if (!S->exc) return 0;
    Obj want = S->exc_types[id];
    for (Obj t = ob_type(S, S->exc); t; t = ob_get64(S, t, TP_BASE_OFF))
        if (t == want) return 1;
    return 0;
}

const char *exc_message(const Sim *S, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (!S->exc) return buf;
    Obj args = ob_get64(S, S->exc, EXC_ARGS_OFF);
    if (args && ob_size(S, args) > 0 && ob_is(S, tuple_item(S, args, 0), TI_STR))
        str_to_utf8(S, tuple_item(S, args, 0), buf, cap);
    return buf;
}

/* The collector's tp_clear: subtype_clear's slots for a user class, the
 * subclass's own fields (StopIteration_clear ...), then BaseException_clear. */
void exc_gc_clear(Sim *S, Obj e)
{
    if (tp_flags(S, ob_type(S, e)) & TPF_HEAPTYPE) subtype_clear_slots(S, e);
    size_t n;
    const ObField *extra = extra_fields(S, e, &n);
    if (extra) ob_clear_fields(S, e, extra, n);
    ob_clear_fields(S, e, fields, N_FIELDS(fields));
}

/* An instance of a user exception class goes through subtype_dealloc
 * first (__del__, weakrefs, slots), then BaseException_dealloc. */
void exc_dealloc(Sim *S, Obj e)
{
    if ((tp_flags(S, ob_type(S, e)) & TPF_HEAPTYPE) && subtype_dealloc_head(S, e)) return;
    size_t n;
    const ObField *extra = extra_fields(S, e, &n);
    if (extra) ob_clear_fields(S, e, extra, n);
    ob_clear_fields(S, e, fields, N_FIELDS(fields));
    ob_free_object(S, e);
}

/* subtype_traverse for a user class: slots, the class, then
 * BaseException_traverse. */
void exc_referents(Sim *S, Obj e, RefVisit visit, void *ud)
{
    Obj type = ob_type(S, e);
    if (tp_flags(S, type) & TPF_HEAPTYPE) {
        subtype_visit_slots(S, e, visit, ud);
        Holder hd = HOLD_INTERNAL(e, R_OB_TYPE);
        visit(S, type, &hd, ud);
    }
    size_t n;
    const ObField *extra = extra_fields(S, e, &n);
    if (extra) ob_visit_fields(S, e, extra, n, visit, ud);
    ob_visit_fields(S, e, fields, N_FIELDS(fields), visit, ud);
}

/* Static type objects for the exception classes, and a MemoryError made
 * in advance so that running out of heap can always be reported. */
int exc_init(Sim *S)
{
    Obj base_type = S->types[TI_EXCEPTION].type;
    for (int i = 0; i < EXC_COUNT; i++) {
        Obj t = i == EXC_BaseException ? base_type
                                       : ob_static_new(S, S->types[TI_TYPE].type,
                                                       TP_STATIC_SIZE, 1);
        if (!t) return -1;
        if (i != EXC_BaseException) {
            /* index, flags, basicsize, itemsize: the base's */
            memcpy((char *)ob_ptr(S, t) + TP_INDEX_OFF,
                   (char *)ob_ptr(S, S->exc_types[exc_bases[i]]) + TP_INDEX_OFF, 16);
            ob_set64(S, t, TP_BASE_OFF, S->exc_types[exc_bases[i]]);
        }
        /* the families with fields of their own are bigger */
        uint32_t size = i == EXC_NameError || i == EXC_StopIteration || i == EXC_SystemExit ? 80
                      : i == EXC_AttributeError ? 88 : i == EXC_ImportError ? 96 : 0;
        if (size) ob_set32(S, t, TP_BASICSIZE_OFF, size);
        S->exc_types[i] = t;
    }
    Obj e = ob_static_new(S, S->exc_types[EXC_MemoryError], S->types[TI_EXCEPTION].basicsize, 1);
    if (!e) return -1;
    S->memory_error = e;
    return 0;
}

const char *exc_type_name(const Sim *S, Obj type)
{
    for (int i = 0; i < EXC_COUNT; i++)
        if (S->exc_types[i] == type) return exc_names[i];
    return NULL;
}
