/* set.c -- placeholder until the set implementation lands: only empty
 * sets exist. */
#include "objects/exc.h"
#include "objects/set.h"

Obj set_new(Sim *S)
{
    Obj s = ob_alloc(S, TI_SET, 0);
    if (s) gc_track(S, s);
    return s;
}

int set_add(Sim *S, Obj s, Obj key)
{
    (void)s; (void)key;
    exc_set(S, EXC_NotImplementedError, "set_add");
    return -1;
}

int set_contains(Sim *S, Obj s, Obj key) { (void)S; (void)s; (void)key; return 0; }
int64_t set_len(const Sim *S, Obj s) { (void)S; (void)s; return 0; }
void set_dealloc(Sim *S, Obj o) { ob_free_memory(S, o); }
void set_referents(Sim *S, Obj o, RefVisit visit, void *ud) { (void)S; (void)o; (void)visit; (void)ud; }

int64_t set_hash(Sim *S, Obj s)
{
    (void)S;
    return (int64_t)(s >> 4); /* placeholder: frozensets cannot be built yet */
}
