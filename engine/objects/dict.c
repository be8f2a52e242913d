/* dict.c -- placeholder until the dict implementation lands: only the
 * empty dict exists (64-byte object, shared empty keys, no free list). */
#include "objects/dict.h"
#include "objects/exc.h"

Obj dict_new(Sim *S) { return ob_alloc(S, TI_DICT, 0); }

int dict_setitem(Sim *S, Obj d, Obj key, Obj value)
{
    (void)d; (void)key; (void)value;
    exc_set(S, EXC_NotImplementedError, "dict_setitem");
    return -1;
}

Obj dict_getitem(Sim *S, Obj d, Obj key) { (void)S; (void)d; (void)key; return 0; }

int dict_delitem(Sim *S, Obj d, Obj key)
{
    (void)d; (void)key;
    exc_set(S, EXC_KeyError, "key");
    return -1;
}

int64_t dict_len(const Sim *S, Obj d) { (void)S; (void)d; return 0; }

void dict_dealloc(Sim *S, Obj o) { ob_free_memory(S, o); }

void dict_referents(Sim *S, Obj o, RefVisit visit, void *ud) { (void)S; (void)o; (void)visit; (void)ud; }
