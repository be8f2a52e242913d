/* codegen_stmt.c -- statements, functions, classes, loops and the
 * frame-block machinery of break/continue/return, after the compiler_*
 * functions of CPython 3.11's compile.c (same block allocation order,
 * same locations). */
#include <stdlib.h>
#include <string.h>

#include "compiler/cfg.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

#define TRY(x)        \
    do {              \
        if (!(x)) return 0; \
    } while (0)

/* ---- frame blocks ---- */

static int push_fblock(Compiler *c, enum FBlockType t, Block *b, Block *exit, const void *datum)
{
    Unit *u = c->u;
    if (u->nfblocks >= CO_MAXBLOCKS) return cg_error(c, "too many statically nested blocks");
    FBlock *f = &u->fblock[u->nfblocks++];
    f->type = t;
    f->block = b;
    f->exit = exit;
    f->datum = datum;
    return 1;
}

static void pop_fblock(Compiler *c) { c->u->nfblocks--; }

static int pop_except_and_reraise(Compiler *c)
{
    return cg_addop_i(c, OP_COPY, 3) && cg_addop(c, OP_POP_EXCEPT) && cg_addop_i(c, OP_RERAISE, 1);
}

/* compiler_unwind_fblock: what leaving this block early needs;
 * preserve_tos keeps the value on top (a return value). */
static int unwind_fblock(Compiler *c, const FBlock *info, int preserve_tos)
{
    switch (info->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR: return 1;
    case FB_FOR_LOOP:
        if (preserve_tos) TRY(cg_addop_i(c, OP_SWAP, 2));
        return cg_addop(c, OP_POP_TOP);
    case FB_TRY_EXCEPT: return cg_addop(c, OP_POP_BLOCK);
    case FB_FINALLY_TRY:
        TRY(cg_addop(c, OP_POP_BLOCK));
        if (preserve_tos) TRY(push_fblock(c, FB_POP_VALUE, NULL, NULL, NULL));
        TRY(cg_visit_stmts(c, info->datum));
        if (preserve_tos) pop_fblock(c);
        cg_unset_loc(c);
        return 1;
    case FB_FINALLY_END:
        if (preserve_tos) TRY(cg_addop_i(c, OP_SWAP, 2));
        TRY(cg_addop(c, OP_POP_TOP));
        if (preserve_tos) TRY(cg_addop_i(c, OP_SWAP, 2));
        return cg_addop(c, OP_POP_BLOCK) && cg_addop(c, OP_POP_EXCEPT);
    case FB_WITH:
    case FB_ASYNC_WITH: return cg_error(c, "'with' statements are not supported by refscope");
    case FB_HANDLER_CLEANUP:
        if (info->datum) TRY(cg_addop(c, OP_POP_BLOCK));
        if (preserve_tos) TRY(cg_addop_i(c, OP_SWAP, 2));
        TRY(cg_addop(c, OP_POP_BLOCK) && cg_addop(c, OP_POP_EXCEPT));
        if (info->datum) {
            TRY(cg_addop_load_const(c, c->S->none));
            TRY(cg_nameop(c, info->datum, CTX_STORE));
            TRY(cg_nameop(c, info->datum, CTX_DEL));
        }
        return 1;
    case FB_POP_VALUE:
        if (preserve_tos) TRY(cg_addop_i(c, OP_SWAP, 2));
        return cg_addop(c, OP_POP_TOP);
    }
    return 0;
}

/* compiler_unwind_fblock_stack: unwinds down to the innermost loop (when
 * `loop` is given) or all of it. */
static int unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop)
{
    Unit *u = c->u;
    if (u->nfblocks == 0) return 1;
    FBlock *top = &u->fblock[u->nfblocks - 1];
    if (top->type == FB_EXCEPTION_GROUP_HANDLER)
        return cg_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop = top;
        return 1;
    }
    FBlock copy = *top;
    u->nfblocks--;
    TRY(unwind_fblock(c, &copy, preserve_tos));
    TRY(unwind_fblock_stack(c, preserve_tos, loop));
    u->fblock[u->nfblocks] = copy;
    u->nfblocks++;
    return 1;
}

/* ---- bodies ---- */

Obj cg_docstring(Compiler *c, const NodeList *body)
{
    if (!body->n) return 0;
    const Node *st = body->items[0];
    if (st->kind != AST_Expr || st->u.ret.value->kind != AST_Constant) return 0;
    Obj v = cg_const_of(c, st->u.ret.value);
    return v && ob_is(c->S, v, TI_STR) ? v : 0;
}

/* find_ann: whether a module or class body has an annotated assignment
 * at its level (inside if/for/while/try too, not in nested defs). */
static int find_ann(const NodeList *stmts)
{
    for (int i = 0; i < stmts->n; i++) {
        const Node *st = stmts->items[i];
        int res = 0;
        switch (st->kind) {
        case AST_AnnAssign: return 1;
        case AST_For: res = find_ann(&st->u.forloop.body) || find_ann(&st->u.forloop.orelse); break;
        case AST_While:
        case AST_If: res = find_ann(&st->u.whileloop.body) || find_ann(&st->u.whileloop.orelse); break;
        case AST_Try:
            for (int j = 0; j < st->u.trystmt.handlers.n; j++)
                if (find_ann(&st->u.trystmt.handlers.items[j]->u.handler.body)) return 1;
            res = find_ann(&st->u.trystmt.body) || find_ann(&st->u.trystmt.finalbody) ||
                  find_ann(&st->u.trystmt.orelse);
            break;
        default: break;
        }
        if (res) return 1;
    }
    return 0;
}

int cg_body(Compiler *c, const NodeList *stmts)
{
    int i = 0;
    /* SETUP_ANNOTATIONS takes the first statement's line in a module */
    if (c->u->scope_type == SCOPE_T_MODULE && stmts->n) cg_set_loc(c, stmts->items[0]);
    if (find_ann(stmts)) TRY(cg_addop(c, OP_SETUP_ANNOTATIONS));
    if (!stmts->n) return 1;
    if (cg_docstring(c, stmts)) {
        i = 1;
        TRY(cg_visit_expr(c, stmts->items[0]->u.ret.value));
        cg_unset_loc(c);
        TRY(cg_nameop(c, "__doc__", CTX_STORE));
    }
    for (; i < stmts->n; i++) TRY(cg_visit_stmt(c, stmts->items[i]));
    return 1;
}

int cg_visit_stmts(Compiler *c, const NodeList *l)
{
    for (int i = 0; i < l->n; i++) TRY(cg_visit_stmt(c, l->items[i]));
    return 1;
}

/* ---- functions and classes ---- */

static int check_debug_arg(Compiler *c, const Node *arg)
{
    if (arg && !strcmp(arg->u.arg.arg, "__debug__")) return cg_error(c, "cannot assign to __debug__");
    return 1;
}

static int check_debug_args(Compiler *c, const Node *a)
{
    const NodeList *lists[] = {&a->u.arguments.posonlyargs, &a->u.arguments.args, &a->u.arguments.kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->n; i++) TRY(check_debug_arg(c, lists[k]->items[i]));
    return check_debug_arg(c, a->u.arguments.vararg) && check_debug_arg(c, a->u.arguments.kwarg);
}

/* compiler_default_arguments: MAKE_FUNCTION's flags, -1 on error. */
int cg_default_arguments(Compiler *c, const Node *args)
{
    Sim *S = c->S;
    int flags = 0;
    const NodeList *defaults = &args->u.arguments.defaults;
    if (defaults->n > 0) {
        for (int i = 0; i < defaults->n; i++)
            if (!cg_visit_expr(c, defaults->items[i])) return -1;
        if (!cg_addop_i(c, OP_BUILD_TUPLE, defaults->n)) return -1;
        flags |= 0x01;
    }
    const NodeList *kwonly = &args->u.arguments.kwonlyargs, *kwdefs = &args->u.arguments.kw_defaults;
    int nkeys = 0;
    Obj keys[256];
    Obj *kp = keys;
    if (kwonly->n > 256 && !(kp = calloc((size_t)kwonly->n, sizeof *kp))) return cg_no_memory(c), -1;
    for (int i = 0; i < kwonly->n; i++) {
        const Node *d = i < kwdefs->n ? kwdefs->items[i] : NULL;
        if (!d) continue;
        Obj name = cg_ident(c, cg_mangle(c, kwonly->items[i]->u.arg.arg));
        if (name && !nkeys) fp_list_new(c->fp);   /* the keys, as a list first */
        if (!name || !cg_visit_expr(c, d)) {
            if (kp != keys) free(kp);
            return -1;
        }
        kp[nkeys++] = name;
    }
    if (nkeys) {
        Obj t = tuple_pack(S, nkeys, kp);
        fp_tuple_new(c->fp, nkeys);   /* PyList_AsTuple, then the list goes */
        fp_list_free(c->fp);
        int ok = t && cg_addop_load_const(c, t);
        if (ok) cg_fp_release_new(c, t);
        if (t) ob_decref(S, t, HOLD_TEMP);
        else cg_sim_error(c);
        if (!ok || !cg_addop_i(c, OP_BUILD_CONST_KEY_MAP, nkeys)) flags = -1;
        else flags |= 0x02;
    }
    if (kp != keys) free(kp);
    return flags;
}

static int get_ref_type(Compiler *c, const char *name)
{
    if (c->u->scope_type == SCOPE_T_CLASS && !strcmp(name, "__class__")) return SCOPE_CELL;
    int scope = cg_scope(c, name);
    if (scope == 0) return cg_error(c, "_PyST_GetScope(name=%s) failed", name), -1;
    return scope;
}

/* compiler_make_closure: LOAD_CLOSURE for the code's free variables,
 * then LOAD_CONST code, MAKE_FUNCTION. */
int cg_make_closure(Compiler *c, Obj co, int flags)
{
    Sim *S = c->S;
    int nfree = (int)ob_get32(S, co, CO_NFREEVARS_OFF), nplus = (int)ob_get32(S, co, CO_NLOCALSPLUS_OFF);
    if (nfree) {
        Obj names = ob_get64(S, co, CO_LOCALSPLUSNAMES_OFF);
        for (int i = nplus - nfree; i < nplus; i++) {
            Obj name = tuple_item(S, names, i);
            size_t len = str_to_utf8(S, name, NULL, 0);
            char *buf = ast_alloc(c->arena, len + 1);
            if (!buf) return cg_no_memory(c);
            str_to_utf8(S, name, buf, len + 1);
            int reftype = get_ref_type(c, buf);
            if (reftype < 0) return 0;
            int arg;
            if (reftype == SCOPE_CELL) {
                arg = names_find(&c->u->cellvars, buf);
            } else {
                arg = names_find(&c->u->freevars, buf);
                if (arg >= 0) arg += c->u->cellvars.n;
            }
            if (arg < 0) return cg_error(c, "compiler_lookup_arg(name=%s) failed", buf);
            TRY(cg_addop_i(c, OP_LOAD_CLOSURE, arg));
        }
        flags |= 0x08;
        TRY(cg_addop_i(c, OP_BUILD_TUPLE, nfree));
    }
    return cg_addop_load_const(c, co) && cg_addop_i(c, OP_MAKE_FUNCTION, flags);
}

static int apply_decorators(Compiler *c, const NodeList *decos)
{
    Unit *u = c->u;
    int l = u->lineno, el = u->end_lineno, col = u->col, ec = u->end_col;
    for (int i = decos->n - 1; i > -1; i--) {
        cg_set_loc(c, decos->items[i]);
        TRY(cg_addop_i(c, OP_PRECALL, 0) && cg_addop_i(c, OP_CALL, 0));
    }
    u->lineno = l;
    u->end_lineno = el;
    u->col = col;
    u->end_col = ec;
    return 1;
}

/* Finishes a unit whose body is compiled: its code object, the scope
 * left, the function made.  `co` is released. */
/* compiler_visit_argannotation: the (mangled) name, then the value; a
 * starred annotation (`*args: *Ts`) is unpacked to its one item. */
static int visit_argannotation(Compiler *c, const char *id, const Node *ann, int *len)
{
    if (!ann) return 1;
    Obj name = cg_ident(c, cg_mangle(c, id));
    TRY(name && cg_addop_load_const(c, name));
    if (ann->kind == AST_Starred) {
        TRY(cg_visit_expr(c, ann->u.starred.value));
        TRY(cg_addop_i(c, OP_UNPACK_SEQUENCE, 1));
    } else {
        TRY(cg_visit_expr(c, ann));
    }
    *len += 2;
    return 1;
}

static int visit_argannotations(Compiler *c, const NodeList *args, int *len)
{
    for (int i = 0; i < args->n; i++)
        TRY(visit_argannotation(c, args->items[i]->u.arg.arg, args->items[i]->u.arg.annotation, len));
    return 1;
}

/* compiler_visit_annotations: name/value pairs in a tuple for
 * MAKE_FUNCTION's 0x04, args before posonlyargs as 3.11 has it.  -1 on
 * error, 0 when there are none, 1 when the tuple is pushed. */
static int visit_annotations(Compiler *c, const Node *a, const Node *returns)
{
    int len = 0;
    const Node *va = a->u.arguments.vararg, *kw = a->u.arguments.kwarg;
    if (!visit_argannotations(c, &a->u.arguments.args, &len) ||
        !visit_argannotations(c, &a->u.arguments.posonlyargs, &len) ||
        (va && !visit_argannotation(c, va->u.arg.arg, va->u.arg.annotation, &len)) ||
        !visit_argannotations(c, &a->u.arguments.kwonlyargs, &len) ||
        (kw && !visit_argannotation(c, kw->u.arg.arg, kw->u.arg.annotation, &len)) ||
        !visit_argannotation(c, "return", returns, &len))
        return -1;
    if (!len) return 0;
    return cg_addop_i(c, OP_BUILD_TUPLE, len) ? 1 : -1;
}

static int close_function(Compiler *c, int add_none, int flags)
{
    Obj co = cg_assemble(c, add_none);
    cg_exit_scope(c);
    if (!co) return 0;
    int ok = cg_make_closure(c, co, flags);
    ob_decref(c->S, co, HOLD_TEMP);
    return ok;
}

int cg_function(Compiler *c, const Node *s)
{
    const Node *args = s->u.func.args;
    const NodeList *decos = &s->u.func.decorators, *body = &s->u.func.body;
    TRY(check_debug_args(c, args));
    for (int i = 0; i < decos->n; i++) TRY(cg_visit_expr(c, decos->items[i]));
    int firstlineno = decos->n ? decos->items[0]->lineno : s->lineno;
    int flags = cg_default_arguments(c, args);
    if (flags < 0) return 0;
    int ann = visit_annotations(c, args, s->u.func.returns);
    if (ann < 0) return 0;
    if (ann) flags |= 0x04;
    TRY(cg_enter_scope(c, s->u.func.name, SCOPE_T_FUNCTION, s, firstlineno));
    Obj doc = cg_docstring(c, body);
    if (cg_add_const(c, doc ? doc : c->S->none) < 0) return 0;
    c->u->argcount = args->u.arguments.args.n;
    c->u->posonlyargcount = args->u.arguments.posonlyargs.n;
    c->u->kwonlyargcount = args->u.arguments.kwonlyargs.n;
    for (int i = doc ? 1 : 0; i < body->n; i++) TRY(cg_visit_stmt(c, body->items[i]));
    TRY(close_function(c, 1, flags));
    TRY(apply_decorators(c, decos));
    return cg_nameop(c, s->u.func.name, CTX_STORE);
}

int cg_lambda(Compiler *c, const Node *e)
{
    const Node *args = e->u.func.args;
    TRY(check_debug_args(c, args));
    int flags = cg_default_arguments(c, args);
    if (flags < 0) return 0;
    TRY(cg_enter_scope(c, "<lambda>", SCOPE_T_LAMBDA, e, e->lineno));
    if (cg_add_const(c, c->S->none) < 0) return 0;   /* no docstring */
    c->u->argcount = args->u.arguments.args.n;
    c->u->posonlyargcount = args->u.arguments.posonlyargs.n;
    c->u->kwonlyargcount = args->u.arguments.kwonlyargs.n;
    TRY(cg_visit_expr(c, e->u.func.body.items[0]));
    if (c->u->ste->generator) return close_function(c, 0, flags);
    TRY(cg_addop(c, OP_RETURN_VALUE));
    return close_function(c, 1, flags);
}

int cg_class(Compiler *c, const Node *s)
{
    Sim *S = c->S;
    const NodeList *decos = &s->u.cls.decorators;
    for (int i = 0; i < decos->n; i++) TRY(cg_visit_expr(c, decos->items[i]));
    int firstlineno = decos->n ? decos->items[0]->lineno : s->lineno;
    TRY(cg_enter_scope(c, s->u.cls.name, SCOPE_T_CLASS, s, firstlineno));
    c->u->private_name = s->u.cls.name;
    TRY(cg_nameop(c, "__name__", CTX_LOAD));
    TRY(cg_nameop(c, "__module__", CTX_STORE));
    TRY(cg_addop_load_const(c, c->u->qualname));
    TRY(cg_nameop(c, "__qualname__", CTX_STORE));
    TRY(cg_body(c, &s->u.cls.body));
    cg_unset_loc(c);
    if (c->u->ste->needs_class_closure) {
        int i = names_find(&c->u->cellvars, "__class__");
        if (i < 0) return cg_error(c, "no __class__ cell");
        TRY(cg_addop_i(c, OP_LOAD_CLOSURE, i) && cg_addop_i(c, OP_COPY, 1));
        TRY(cg_nameop(c, "__classcell__", CTX_STORE));
    } else {
        TRY(cg_addop_load_const(c, S->none));
    }
    TRY(cg_addop(c, OP_RETURN_VALUE));
    Obj co = cg_assemble(c, 1);
    cg_exit_scope(c);
    if (!co) return 0;
    int ok = cg_addop(c, OP_PUSH_NULL) && cg_addop(c, OP_LOAD_BUILD_CLASS) && cg_make_closure(c, co, 0);
    ob_decref(S, co, HOLD_TEMP);
    TRY(ok);
    Obj name = cg_ident(c, s->u.cls.name);
    TRY(name && cg_addop_load_const(c, name));
    TRY(cg_call_helper(c, 2, &s->u.cls.bases, &s->u.cls.keywords));
    TRY(apply_decorators(c, decos));
    return cg_nameop(c, s->u.cls.name, CTX_STORE);
}

/* ---- control flow ---- */

static int compile_if(Compiler *c, const Node *s)
{
    Block *end = cg_new_block(c), *next;
    TRY(end);
    if (s->u.whileloop.orelse.n) TRY(next = cg_new_block(c));
    else next = end;
    TRY(cg_jump_if(c, s->u.whileloop.test, next, 0));
    TRY(cg_visit_stmts(c, &s->u.whileloop.body));
    if (s->u.whileloop.orelse.n) {
        TRY(cg_addop_j_noline(c, OP_JUMP, end));
        cg_use_next_block(c, next);
        TRY(cg_visit_stmts(c, &s->u.whileloop.orelse));
    }
    cg_use_next_block(c, end);
    return 1;
}

static int compile_for(Compiler *c, const Node *s)
{
    Block *start = cg_new_block(c), *body = cg_new_block(c), *cleanup = cg_new_block(c), *end = cg_new_block(c);
    TRY(start && body && cleanup && end);
    TRY(push_fblock(c, FB_FOR_LOOP, start, end, NULL));
    TRY(cg_visit_expr(c, s->u.forloop.iter));
    TRY(cg_addop(c, OP_GET_ITER));
    cg_use_next_block(c, start);
    TRY(cg_addop_j(c, OP_FOR_ITER, cleanup));
    cg_use_next_block(c, body);
    TRY(cg_visit_expr(c, s->u.forloop.target));
    TRY(cg_visit_stmts(c, &s->u.forloop.body));
    cg_unset_loc(c);
    TRY(cg_addop_j(c, OP_JUMP, start));
    cg_use_next_block(c, cleanup);
    pop_fblock(c);
    TRY(cg_visit_stmts(c, &s->u.forloop.orelse));
    cg_use_next_block(c, end);
    return 1;
}

static int compile_while(Compiler *c, const Node *s)
{
    Block *loop = cg_new_block(c), *body = cg_new_block(c), *anchor = cg_new_block(c), *end = cg_new_block(c);
    TRY(loop && body && anchor && end);
    cg_use_next_block(c, loop);
    TRY(push_fblock(c, FB_WHILE_LOOP, loop, end, NULL));
    TRY(cg_jump_if(c, s->u.whileloop.test, anchor, 0));
    cg_use_next_block(c, body);
    TRY(cg_visit_stmts(c, &s->u.whileloop.body));
    cg_set_loc(c, s);
    TRY(cg_jump_if(c, s->u.whileloop.test, body, 1));
    pop_fblock(c);
    cg_use_next_block(c, anchor);
    TRY(cg_visit_stmts(c, &s->u.whileloop.orelse));
    cg_use_next_block(c, end);
    return 1;
}

static int compile_return(Compiler *c, const Node *s)
{
    const Node *v = s->u.ret.value;
    int preserve_tos = v && v->kind != AST_Constant;
    if (c->u->ste->type != BLOCK_FUNCTION) return cg_error(c, "'return' outside function");
    if (preserve_tos) {
        TRY(cg_visit_expr(c, v));
    } else if (v) {
        cg_set_loc(c, v);
        TRY(cg_addop(c, OP_NOP));
    }
    if (!v || v->lineno != s->lineno) {
        cg_set_loc(c, s);
        TRY(cg_addop(c, OP_NOP));
    }
    TRY(unwind_fblock_stack(c, preserve_tos, NULL));
    if (!v) TRY(cg_addop_load_const(c, c->S->none));
    else if (!preserve_tos) TRY(cg_addop_load_const(c, cg_const_of(c, v)));
    return cg_addop(c, OP_RETURN_VALUE);
}

static int compile_break_continue(Compiler *c, int is_break)
{
    Unit *u = c->u;
    FBlock *loop = NULL;
    int l = u->lineno, col = u->col, el = u->end_lineno, ec = u->end_col;
    TRY(cg_addop(c, OP_NOP));
    TRY(unwind_fblock_stack(c, 0, &loop));
    if (!loop) {
        u->lineno = l;
        u->col = col;
        u->end_lineno = el;
        u->end_col = ec;
        return cg_error(c, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    if (is_break) {
        TRY(unwind_fblock(c, loop, 0));
        return cg_addop_j(c, OP_JUMP, loop->exit);
    }
    return cg_addop_j(c, OP_JUMP, loop->block);
}

/* ---- try ---- */

static int compile_try_except(Compiler *c, const Node *s);

static int compile_try_finally(Compiler *c, const Node *s)
{
    Block *body = cg_new_block(c), *end = cg_new_block(c), *exit = cg_new_block(c), *cleanup = cg_new_block(c);
    TRY(body && end && exit && cleanup);
    TRY(cg_addop_j(c, OP_SETUP_FINALLY, end));
    cg_use_next_block(c, body);
    TRY(push_fblock(c, FB_FINALLY_TRY, body, end, &s->u.trystmt.finalbody));
    if (s->u.trystmt.handlers.n) TRY(compile_try_except(c, s));
    else TRY(cg_visit_stmts(c, &s->u.trystmt.body));
    TRY(cg_addop_noline(c, OP_POP_BLOCK));
    pop_fblock(c);
    TRY(cg_visit_stmts(c, &s->u.trystmt.finalbody));
    TRY(cg_addop_j_noline(c, OP_JUMP, exit));
    cg_use_next_block(c, end);
    cg_unset_loc(c);
    TRY(cg_addop_j(c, OP_SETUP_CLEANUP, cleanup));
    TRY(cg_addop(c, OP_PUSH_EXC_INFO));
    TRY(push_fblock(c, FB_FINALLY_END, end, NULL, NULL));
    TRY(cg_visit_stmts(c, &s->u.trystmt.finalbody));
    pop_fblock(c);
    TRY(cg_addop_i(c, OP_RERAISE, 0));
    cg_use_next_block(c, cleanup);
    TRY(pop_except_and_reraise(c));
    cg_use_next_block(c, exit);
    return 1;
}

static int compile_handler(Compiler *c, const Node *h, Block *end)
{
    const char *name = h->u.handler.name;
    if (name) {
        Block *cleanup_end = cg_new_block(c), *cleanup_body = cg_new_block(c);
        TRY(cleanup_end && cleanup_body);
        TRY(cg_nameop(c, name, CTX_STORE));
        TRY(cg_addop_j(c, OP_SETUP_CLEANUP, cleanup_end));
        cg_use_next_block(c, cleanup_body);
        TRY(push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, name));
        TRY(cg_visit_stmts(c, &h->u.handler.body));
        pop_fblock(c);
        cg_unset_loc(c);
        TRY(cg_addop(c, OP_POP_BLOCK) && cg_addop(c, OP_POP_BLOCK) && cg_addop(c, OP_POP_EXCEPT));
        TRY(cg_addop_load_const(c, c->S->none));
        TRY(cg_nameop(c, name, CTX_STORE) && cg_nameop(c, name, CTX_DEL));
        TRY(cg_addop_j(c, OP_JUMP, end));
        cg_use_next_block(c, cleanup_end);
        cg_unset_loc(c);
        TRY(cg_addop_load_const(c, c->S->none));
        TRY(cg_nameop(c, name, CTX_STORE) && cg_nameop(c, name, CTX_DEL));
        return cg_addop_i(c, OP_RERAISE, 1);
    }
    Block *cleanup_body = cg_new_block(c);
    TRY(cleanup_body);
    TRY(cg_addop(c, OP_POP_TOP));
    cg_use_next_block(c, cleanup_body);
    TRY(push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL));
    TRY(cg_visit_stmts(c, &h->u.handler.body));
    pop_fblock(c);
    cg_unset_loc(c);
    TRY(cg_addop(c, OP_POP_BLOCK) && cg_addop(c, OP_POP_EXCEPT));
    return cg_addop_j(c, OP_JUMP, end);
}

static int compile_try_except(Compiler *c, const Node *s)
{
    Block *body = cg_new_block(c), *except = cg_new_block(c), *end = cg_new_block(c), *cleanup = cg_new_block(c);
    TRY(body && except && end && cleanup);
    TRY(cg_addop_j(c, OP_SETUP_FINALLY, except));
    cg_use_next_block(c, body);
    TRY(push_fblock(c, FB_TRY_EXCEPT, body, NULL, NULL));
    TRY(cg_visit_stmts(c, &s->u.trystmt.body));
    pop_fblock(c);
    TRY(cg_addop_noline(c, OP_POP_BLOCK));
    TRY(cg_visit_stmts(c, &s->u.trystmt.orelse));
    TRY(cg_addop_j_noline(c, OP_JUMP, end));
    int n = s->u.trystmt.handlers.n;
    cg_use_next_block(c, except);
    cg_unset_loc(c);
    TRY(cg_addop_j(c, OP_SETUP_CLEANUP, cleanup));
    TRY(cg_addop(c, OP_PUSH_EXC_INFO));
    TRY(push_fblock(c, FB_EXCEPTION_HANDLER, NULL, NULL, NULL));
    for (int i = 0; i < n; i++) {
        const Node *h = s->u.trystmt.handlers.items[i];
        cg_set_loc(c, h);
        if (!h->u.handler.type && i < n - 1) return cg_error(c, "default 'except:' must be last");
        except = cg_new_block(c);
        TRY(except);
        if (h->u.handler.type) {
            TRY(cg_visit_expr(c, h->u.handler.type));
            TRY(cg_addop(c, OP_CHECK_EXC_MATCH));
            TRY(cg_addop_j(c, OP_POP_JUMP_IF_FALSE, except));
        }
        TRY(compile_handler(c, h, end));
        cg_use_next_block(c, except);
    }
    cg_unset_loc(c);
    pop_fblock(c);
    TRY(cg_addop_i(c, OP_RERAISE, 0));
    cg_use_next_block(c, cleanup);
    TRY(pop_except_and_reraise(c));
    cg_use_next_block(c, end);
    return 1;
}

/* ---- imports ---- */

static int import_as(Compiler *c, const char *name, const char *asname)
{
    const char *dot = strchr(name, '.');
    if (dot) {
        for (;;) {
            const char *pos = dot + 1;
            dot = strchr(pos, '.');
            size_t len = dot ? (size_t)(dot - pos) : strlen(pos);
            const char *attr = ast_strndup(c->arena, pos, len);
            if (!attr) return cg_no_memory(c);
            int arg = names_add(c, &c->u->names, attr);
            TRY(arg >= 0 && cg_addop_i(c, OP_IMPORT_FROM, arg));
            if (!dot) break;
            TRY(cg_addop_i(c, OP_SWAP, 2) && cg_addop(c, OP_POP_TOP));
        }
        TRY(cg_nameop(c, asname, CTX_STORE));
        return cg_addop(c, OP_POP_TOP);
    }
    return cg_nameop(c, asname, CTX_STORE);
}

static int compile_import(Compiler *c, const Node *s)
{
    for (int i = 0; i < s->u.import.names.n; i++) {
        const Node *alias = s->u.import.names.items[i];
        TRY(cg_addop_load_const(c, int_small(c->S, 0)));
        TRY(cg_addop_load_const(c, c->S->none));
        TRY(cg_addop_name(c, OP_IMPORT_NAME, &c->u->names, alias->u.alias.name));
        if (alias->u.alias.asname) {
            TRY(import_as(c, alias->u.alias.name, alias->u.alias.asname));
        } else {
            const char *dot = strchr(alias->u.alias.name, '.');
            const char *store = dot ? ast_strndup(c->arena, alias->u.alias.name, (size_t)(dot - alias->u.alias.name))
                                    : alias->u.alias.name;
            if (!store) return cg_no_memory(c);
            TRY(cg_nameop(c, store, CTX_STORE));
        }
    }
    return 1;
}

static int compile_from_import(Compiler *c, const Node *s)
{
    Sim *S = c->S;
    int n = s->u.import.names.n;
    Obj level = int_from_i64(S, s->u.import.level);
    if (!level) return cg_sim_error(c);
    int ok = cg_addop_load_const(c, level);
    ob_decref(S, level, HOLD_TEMP);
    TRY(ok);
    Obj names = tuple_new(S, n);
    if (!names) return cg_sim_error(c);
    fp_tuple_new(c->fp, n);
    for (int i = 0; i < n; i++) {
        Obj name = cg_ident(c, s->u.import.names.items[i]->u.alias.name);
        if (!name) {
            ob_decref(S, names, HOLD_TEMP);
            return 0;
        }
        ob_incref(S, name, HOLD_TEMP);
        tuple_set_item(S, names, i, name);
    }
    ok = cg_addop_load_const(c, names);
    if (ok) cg_fp_release_new(c, names);
    ob_decref(S, names, HOLD_TEMP);
    TRY(ok);
    TRY(cg_addop_name(c, OP_IMPORT_NAME, &c->u->names, s->u.import.module ? s->u.import.module : ""));
    for (int i = 0; i < n; i++) {
        const Node *alias = s->u.import.names.items[i];
        if (i == 0 && alias->u.alias.name[0] == '*') return cg_addop(c, OP_IMPORT_STAR);
        TRY(cg_addop_name(c, OP_IMPORT_FROM, &c->u->names, alias->u.alias.name));
        TRY(cg_nameop(c, alias->u.alias.asname ? alias->u.alias.asname : alias->u.alias.name, CTX_STORE));
    }
    return cg_addop(c, OP_POP_TOP);
}

/* ---- the rest ---- */

static int compile_assert(Compiler *c, const Node *s)
{
    /* a non-empty tuple -- a display, or folded to a constant -- is true */
    const Node *t = s->u.assertstmt.test;
    if ((t->kind == AST_Tuple && t->u.seq.elts.n > 0) ||
        (t->kind == AST_Constant && cg_const_is_nonempty_tuple(c, t)))
        TRY(cg_warn(c, "assertion is always true, perhaps remove parentheses?"));
    Block *end = cg_new_block(c);
    TRY(end);
    TRY(cg_jump_if(c, s->u.assertstmt.test, end, 1));
    TRY(cg_addop(c, OP_LOAD_ASSERTION_ERROR));
    if (s->u.assertstmt.msg) {
        TRY(cg_visit_expr(c, s->u.assertstmt.msg));
        TRY(cg_addop_i(c, OP_PRECALL, 0) && cg_addop_i(c, OP_CALL, 0));
    }
    TRY(cg_addop_i(c, OP_RAISE_VARARGS, 1));
    cg_use_next_block(c, end);
    return 1;
}

static int compile_stmt_expr(Compiler *c, const Node *value)
{
    if (value->kind == AST_Constant) return cg_addop(c, OP_NOP);
    TRY(cg_visit_expr(c, value));
    cg_unset_loc(c);
    return cg_addop(c, OP_POP_TOP);
}

static int compile_augassign(Compiler *c, const Node *s)
{
    Unit *u = c->u;
    const Node *e = s->u.augassign.target;
    int l = u->lineno, el = u->end_lineno, col = u->col, ec = u->end_col;
    cg_set_loc(c, e);
    switch (e->kind) {
    case AST_Attribute:
        TRY(cg_visit_expr(c, e->u.attribute.value));
        TRY(cg_addop_i(c, OP_COPY, 1));
        cg_update_start_location_to_match_attr(c, e);
        TRY(cg_addop_name(c, OP_LOAD_ATTR, &u->names, e->u.attribute.attr));
        break;
    case AST_Subscript:
        TRY(cg_visit_expr(c, e->u.subscript.value));
        TRY(cg_visit_expr(c, e->u.subscript.slice));
        TRY(cg_addop_i(c, OP_COPY, 2) && cg_addop_i(c, OP_COPY, 2) && cg_addop(c, OP_BINARY_SUBSCR));
        break;
    case AST_Name: TRY(cg_nameop(c, e->u.name.id, CTX_LOAD)); break;
    default: return cg_error(c, "invalid node type (%d) for augmented assignment", (int)e->kind);
    }
    u->lineno = l;
    u->end_lineno = el;
    u->col = col;
    u->end_col = ec;
    TRY(cg_visit_expr(c, s->u.augassign.value));
    TRY(cg_addop_i(c, OP_BINARY_OP, OP_NB_INPLACE_ADD + cg_binop_index(s->u.augassign.op)));
    cg_set_loc(c, e);
    switch (e->kind) {
    case AST_Attribute:
        cg_update_start_location_to_match_attr(c, e);
        TRY(cg_addop_i(c, OP_SWAP, 2));
        return cg_addop_name(c, OP_STORE_ATTR, &u->names, e->u.attribute.attr);
    case AST_Subscript:
        return cg_addop_i(c, OP_SWAP, 3) && cg_addop_i(c, OP_SWAP, 2) && cg_addop(c, OP_STORE_SUBSCR);
    default: return cg_nameop(c, e->u.name.id, CTX_STORE);
    }
}

/* check_ann_expr: evaluated for its errors only. */
static int check_ann_expr(Compiler *c, const Node *e) { return cg_visit_expr(c, e) && cg_addop(c, OP_POP_TOP); }

/* check_ann_subscr: every part of an annotated subscript target's slice. */
static int check_ann_subscr(Compiler *c, const Node *e)
{
    switch (e->kind) {
    case AST_Slice:
        if (e->u.slice.lower) TRY(check_ann_expr(c, e->u.slice.lower));
        if (e->u.slice.upper) TRY(check_ann_expr(c, e->u.slice.upper));
        if (e->u.slice.step) TRY(check_ann_expr(c, e->u.slice.step));
        return 1;
    case AST_Tuple:
        for (int i = 0; i < e->u.seq.elts.n; i++) TRY(check_ann_subscr(c, e->u.seq.elts.items[i]));
        return 1;
    default: return check_ann_expr(c, e);
    }
}

/* compiler_annassign: the store first; a simple name's annotation goes
 * into __annotations__ in a module or class; other targets' annotations
 * are evaluated and dropped there, and never evaluated in a function. */
static int compile_annassign(Compiler *c, const Node *s)
{
    const Node *t = s->u.annassign.target, *value = s->u.annassign.value;
    int evaluates = c->u->scope_type == SCOPE_T_MODULE || c->u->scope_type == SCOPE_T_CLASS;
    if (value) TRY(cg_visit_expr(c, value) && cg_visit_expr(c, t));
    switch (t->kind) {
    case AST_Name:
        if (!strcmp(t->u.name.id, "__debug__")) return cg_error(c, "cannot assign to __debug__");
        if (s->u.annassign.simple && evaluates) {
            TRY(cg_visit_expr(c, s->u.annassign.annotation));
            TRY(cg_addop_name(c, OP_LOAD_NAME, &c->u->names, "__annotations__"));
            Obj key = cg_ident(c, cg_mangle(c, t->u.name.id));
            TRY(key && cg_addop_load_const(c, key) && cg_addop(c, OP_STORE_SUBSCR));
        }
        break;
    case AST_Attribute:
        if (!strcmp(t->u.attribute.attr, "__debug__")) return cg_error(c, "cannot assign to __debug__");
        if (!value) TRY(check_ann_expr(c, t->u.attribute.value));
        break;
    case AST_Subscript:
        if (!value) TRY(check_ann_expr(c, t->u.subscript.value) && check_ann_subscr(c, t->u.subscript.slice));
        break;
    default: return cg_error(c, "invalid node type (%d) for annotated assignment", (int)t->kind);
    }
    if (!s->u.annassign.simple && evaluates) TRY(check_ann_expr(c, s->u.annassign.annotation));
    return 1;
}

int cg_visit_stmt(Compiler *c, const Node *s)
{
    cg_set_loc(c, s);
    switch (s->kind) {
    case AST_FunctionDef: return cg_function(c, s);
    case AST_ClassDef: return cg_class(c, s);
    case AST_Return: return compile_return(c, s);
    case AST_Delete:
        for (int i = 0; i < s->u.del.targets.n; i++) TRY(cg_visit_expr(c, s->u.del.targets.items[i]));
        return 1;
    case AST_Assign: {
        int n = s->u.assign.targets.n;
        TRY(cg_visit_expr(c, s->u.assign.value));
        for (int i = 0; i < n; i++) {
            if (i < n - 1) TRY(cg_addop_i(c, OP_COPY, 1));
            TRY(cg_visit_expr(c, s->u.assign.targets.items[i]));
        }
        return 1;
    }
    case AST_AugAssign: return compile_augassign(c, s);
    case AST_AnnAssign: return compile_annassign(c, s);
    case AST_For: return compile_for(c, s);
    case AST_While: return compile_while(c, s);
    case AST_If: return compile_if(c, s);
    case AST_Raise: {
        int n = 0;
        if (s->u.raise.exc) {
            TRY(cg_visit_expr(c, s->u.raise.exc));
            n++;
            if (s->u.raise.cause) {
                TRY(cg_visit_expr(c, s->u.raise.cause));
                n++;
            }
        }
        return cg_addop_i(c, OP_RAISE_VARARGS, n);
    }
    case AST_Try:
        return s->u.trystmt.finalbody.n ? compile_try_finally(c, s) : compile_try_except(c, s);
    case AST_Assert: return compile_assert(c, s);
    case AST_Import: return compile_import(c, s);
    case AST_ImportFrom: return compile_from_import(c, s);
    case AST_Global:
    case AST_Nonlocal: return 1;
    case AST_Expr: return compile_stmt_expr(c, s->u.ret.value);
    case AST_Pass: return cg_addop(c, OP_NOP);
    case AST_Break: return compile_break_continue(c, 1);
    case AST_Continue: return compile_break_continue(c, 0);
    default: return cg_error(c, "unexpected %s statement", ast_kind_name(s->kind));
    }
}
