/* symtable.c -- see symtable.h.  The visiting order, the flags and the
 * analysis follow Python/symtable.c of CPython 3.11 step by step, since
 * they decide co_varnames, co_cellvars and co_freevars. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable.h"

struct SymTable {
    AstArena *a;
    SymBlock *top, *cur;
    SymBlock **all;
    int nall, capall;
    SymError *err;
    int failed;
    int comp_iter_target;      /* visiting a comprehension's loop target */
};

/* ---- small growable arrays in the arena ---- */

static int grow(AstArena *a, void **items, int n, int *cap, size_t size)
{
    if (n < *cap) return 0;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = ast_alloc(a, (size_t)ncap * size);
    if (!p) return -1;
    if (n) memcpy(p, *items, (size_t)n * size);
    *items = p;
    *cap = ncap;
    return 0;
}

/* A set of names, for the analysis (arena memory; sizes are small). */
typedef struct NameSet {
    const char **names;
    int n, cap;
} NameSet;

static int set_has(const NameSet *s, const char *name)
{
    for (int i = 0; s && i < s->n; i++)
        if (!strcmp(s->names[i], name)) return 1;
    return 0;
}

static int set_add(AstArena *a, NameSet *s, const char *name)
{
    if (set_has(s, name)) return 0;
    if (grow(a, (void **)&s->names, s->n, &s->cap, sizeof *s->names)) return -1;
    s->names[s->n++] = name;
    return 0;
}

static void set_discard(NameSet *s, const char *name)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->names[i], name)) {
            s->names[i] = s->names[--s->n];
            return;
        }
}

static int set_copy(AstArena *a, NameSet *dst, const NameSet *src)
{
    memset(dst, 0, sizeof *dst);
    for (int i = 0; src && i < src->n; i++)
        if (set_add(a, dst, src->names[i])) return -1;
    return 0;
}

static int set_union(AstArena *a, NameSet *dst, const NameSet *src)
{
    for (int i = 0; i < src->n; i++)
        if (set_add(a, dst, src->names[i])) return -1;
    return 0;
}

/* ---- errors ---- */

static int fail_at(SymTable *st, const Node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail_at(SymTable *st, const Node *at, const char *fmt, ...)
{
    if (st->failed) return 0;
    st->failed = 1;
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    st->err->msg = ast_strndup(st->a, buf, strlen(buf));
    st->err->lineno = at ? at->lineno : 0;
    st->err->col = at ? at->col + 1 : 0;
    st->err->end_lineno = at ? at->end_lineno : 0;
    st->err->end_col = at ? at->end_col + 1 : 0;
    return 0;
}

static int out_of_memory(SymTable *st) { return fail_at(st, NULL, "out of memory"); }

/* ---- names ---- */

const char *sym_mangle(AstArena *a, const char *private_name, const char *name)
{
    size_t n = strlen(name);
    if (!private_name || n < 2 || name[0] != '_' || name[1] != '_') return name;
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) return name;
    while (*private_name == '_') private_name++;
    if (!*private_name) return name;
    size_t p = strlen(private_name);
    char *out = ast_alloc(a, p + n + 2);
    if (!out) return name;
    out[0] = '_';
    memcpy(out + 1, private_name, p);
    memcpy(out + 1 + p, name, n + 1);
    return out;
}

static Symbol *find(const SymBlock *b, const char *name)
{
    for (int i = 0; i < b->nsymbols; i++)
        if (!strcmp(b->symbols[i].name, name)) return &b->symbols[i];
    return NULL;
}

int sym_flags(const SymBlock *b, const char *name)
{
    Symbol *s = find(b, name);
    if (!s && b->private_name) {
        char buf[512];
        /* callers pass unmangled names; mangle on the stack for lookup */
        size_t n = strlen(name);
        const char *p = b->private_name;
        while (*p == '_') p++;
        size_t pn = strlen(p);
        if (n >= 2 && name[0] == '_' && name[1] == '_' && !(name[n - 1] == '_' && name[n - 2] == '_') &&
            pn && pn + n + 2 < sizeof buf) {
            buf[0] = '_';
            memcpy(buf + 1, p, pn);
            memcpy(buf + 1 + pn, name, n + 1);
            s = find(b, buf);
        }
    }
    return s ? s->flags : 0;
}

static Symbol *put_symbol(SymTable *st, SymBlock *b, const char *name, int flags)
{
    Symbol *s = find(b, name);
    if (s) {
        s->flags = flags;
        return s;
    }
    if (grow(st->a, (void **)&b->symbols, b->nsymbols, &b->capsymbols, sizeof *b->symbols)) return NULL;
    s = &b->symbols[b->nsymbols++];
    s->name = name;
    s->flags = flags;
    return s;
}

/* symtable_add_def_helper. */
static int add_def(SymTable *st, const char *name, int flag, const Node *at)
{
    SymBlock *b = st->cur;
    const char *mangled = sym_mangle(st->a, b->private_name, name);
    Symbol *s = find(b, mangled);
    int val = flag;
    if (s) {
        if ((flag & SYM_DEF_PARAM) && (s->flags & SYM_DEF_PARAM))
            return fail_at(st, at, "duplicate argument '%s' in function definition", name);
        val = s->flags | flag;
    }
    if (st->comp_iter_target) val |= SYM_DEF_COMP_ITER;
    if (!put_symbol(st, b, mangled, val)) return out_of_memory(st);
    if (flag & SYM_DEF_PARAM) {
        if (grow(st->a, (void **)&b->varnames, b->nvarnames, &b->capvarnames, sizeof *b->varnames))
            return out_of_memory(st);
        b->varnames[b->nvarnames++] = mangled;
    } else if (flag & SYM_DEF_GLOBAL) {
        /* st_global is the module's symbol table */
        Symbol *g = find(st->top, mangled);
        if (!put_symbol(st, st->top, mangled, flag | (g ? g->flags : 0))) return out_of_memory(st);
    }
    return 1;
}

/* ---- blocks ---- */

static int enter_block(SymTable *st, const char *name, SymBlockType type, const Node *node)
{
    SymBlock *b = ast_alloc(st->a, sizeof *b);
    if (!b) return out_of_memory(st);
    b->type = type;
    b->name = name;
    b->node = node;
    b->lineno = node->lineno;
    b->col = node->col;
    b->parent = st->cur;
    SymBlock *prev = st->cur;
    if (prev) {
        b->nested = prev->nested || prev->type == BLOCK_FUNCTION;
        b->private_name = prev->private_name;
        if (grow(st->a, (void **)&prev->children, prev->nchildren, &prev->capchildren,
                 sizeof *prev->children))
            return out_of_memory(st);
        prev->children[prev->nchildren++] = b;
    }
    if (grow(st->a, (void **)&st->all, st->nall, &st->capall, sizeof *st->all)) return out_of_memory(st);
    st->all[st->nall++] = b;
    st->cur = b;
    return 1;
}

static void exit_block(SymTable *st) { st->cur = st->cur->parent; }

/* ---- pass 1: visiting ---- */

static int visit_expr(SymTable *st, const Node *e);
static int visit_stmts(SymTable *st, const NodeList *l);

static int visit_exprs(SymTable *st, const NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i] && !visit_expr(st, l->items[i])) return 0;
    return 1;
}

static int visit_params(SymTable *st, const NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (!add_def(st, l->items[i]->u.arg.arg, SYM_DEF_PARAM, l->items[i])) return 0;
    return 1;
}

/* symtable_visit_arguments: posonly, args, kwonly, then *args, **kwargs. */
static int visit_arguments(SymTable *st, const Node *a)
{
    if (!visit_params(st, &a->u.arguments.posonlyargs) || !visit_params(st, &a->u.arguments.args) ||
        !visit_params(st, &a->u.arguments.kwonlyargs))
        return 0;
    if (a->u.arguments.vararg) {
        if (!add_def(st, a->u.arguments.vararg->u.arg.arg, SYM_DEF_PARAM, a->u.arguments.vararg))
            return 0;
        st->cur->varargs = 1;
    }
    if (a->u.arguments.kwarg) {
        if (!add_def(st, a->u.arguments.kwarg->u.arg.arg, SYM_DEF_PARAM, a->u.arguments.kwarg))
            return 0;
        st->cur->varkeywords = 1;
    }
    return 1;
}

/* symtable_visit_argannotations / symtable_visit_annotations: in the
 * enclosing block, before the decorators; the return annotation last. */
static int visit_annotations(SymTable *st, const Node *a, const Node *returns)
{
    const NodeList *lists[] = {&a->u.arguments.posonlyargs, &a->u.arguments.args};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < lists[k]->n; i++) {
            const Node *ann = lists[k]->items[i]->u.arg.annotation;
            if (ann && !visit_expr(st, ann)) return 0;
        }
    if (a->u.arguments.vararg && a->u.arguments.vararg->u.arg.annotation &&
        !visit_expr(st, a->u.arguments.vararg->u.arg.annotation))
        return 0;
    if (a->u.arguments.kwarg && a->u.arguments.kwarg->u.arg.annotation &&
        !visit_expr(st, a->u.arguments.kwarg->u.arg.annotation))
        return 0;
    for (int i = 0; i < a->u.arguments.kwonlyargs.n; i++) {
        const Node *ann = a->u.arguments.kwonlyargs.items[i]->u.arg.annotation;
        if (ann && !visit_expr(st, ann)) return 0;
    }
    return !returns || visit_expr(st, returns);
}

/* x: T [= v].  A simple name is DEF_ANNOT | DEF_LOCAL even without a
 * value (so a function's `x: int` makes x local); a parenthesised name is
 * local only when assigned.  The annotation is visited in every block,
 * though only a module or class evaluates it. */
static int visit_annassign(SymTable *st, const Node *s)
{
    const Node *t = s->u.annassign.target;
    int simple = s->u.annassign.simple;
    if (t->kind == AST_Name) {
        const char *name = t->u.name.id;
        int cur = sym_flags(st->cur, name);
        if ((cur & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && st->cur != st->top && simple)
            return fail_at(st, s, "annotated name '%s' can't be %s", name,
                           cur & SYM_DEF_GLOBAL ? "global" : "nonlocal");
        if (simple && !add_def(st, name, SYM_DEF_ANNOT | SYM_DEF_LOCAL, t)) return 0;
        if (s->u.annassign.value && !add_def(st, name, SYM_DEF_LOCAL, t)) return 0;
    } else if (!visit_expr(st, t)) {
        return 0;
    }
    if (!visit_expr(st, s->u.annassign.annotation)) return 0;
    return !s->u.annassign.value || visit_expr(st, s->u.annassign.value);
}

static int visit_defaults(SymTable *st, const Node *args)
{
    return visit_exprs(st, &args->u.arguments.defaults) &&
           visit_exprs(st, &args->u.arguments.kw_defaults);
}

static const char *comprehension_name(AstKind k)
{
    switch (k) {
    case AST_ListComp: return "listcomp";
    case AST_SetComp: return "setcomp";
    case AST_DictComp: return "dictcomp";
    default: return "genexpr";
    }
}

static int visit_target(SymTable *st, const Node *target)
{
    st->comp_iter_target = 1;
    int ok = visit_expr(st, target);
    st->comp_iter_target = 0;
    return ok;
}

/* symtable_handle_comprehension: the outermost iterable in the current
 * scope, the rest in a new function scope taking it as ".0". */
static int visit_comprehension(SymTable *st, const Node *e)
{
    const NodeList *gens = &e->u.comp.generators;
    const Node *outer = gens->items[0];
    if (!visit_expr(st, outer->u.comprehension.iter)) return 0;
    if (!enter_block(st, comprehension_name(e->kind), BLOCK_FUNCTION, e)) return 0;
    st->cur->comprehension = 1;
    if (!add_def(st, ".0", SYM_DEF_PARAM, e) || !visit_target(st, outer->u.comprehension.target) ||
        !visit_exprs(st, &outer->u.comprehension.ifs))
        return 0;
    for (int i = 1; i < gens->n; i++) {
        const Node *g = gens->items[i];
        if (!visit_target(st, g->u.comprehension.target) || !visit_expr(st, g->u.comprehension.iter) ||
            !visit_exprs(st, &g->u.comprehension.ifs))
            return 0;
    }
    if (e->u.comp.value && !visit_expr(st, e->u.comp.value)) return 0;
    if (!visit_expr(st, e->u.comp.elt)) return 0;
    st->cur->generator = e->kind == AST_GeneratorExp;
    exit_block(st);
    return 1;
}

static int visit_expr(SymTable *st, const Node *e)
{
    switch (e->kind) {
    case AST_BoolOp: return visit_exprs(st, &e->u.boolop.values);
    case AST_BinOp: return visit_expr(st, e->u.binop.left) && visit_expr(st, e->u.binop.right);
    case AST_UnaryOp: return visit_expr(st, e->u.unaryop.operand);
    case AST_Lambda:
        if (!visit_defaults(st, e->u.func.args) || !enter_block(st, "lambda", BLOCK_FUNCTION, e) ||
            !visit_arguments(st, e->u.func.args) || !visit_expr(st, e->u.func.body.items[0]))
            return 0;
        exit_block(st);
        return 1;
    case AST_IfExp:
        return visit_expr(st, e->u.ifexp.test) && visit_expr(st, e->u.ifexp.body) &&
               visit_expr(st, e->u.ifexp.orelse);
    case AST_Dict: return visit_exprs(st, &e->u.dict.keys) && visit_exprs(st, &e->u.dict.values);
    case AST_Set:
    case AST_List:
    case AST_Tuple: return visit_exprs(st, &e->u.seq.elts);
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp: return visit_comprehension(st, e);
    case AST_Yield:
        if (st->cur->comprehension) {
            const char *what = st->cur->name[0] == 'l' ? "list comprehension"
                             : st->cur->name[0] == 's' ? "set comprehension"
                             : st->cur->name[0] == 'd' ? "dict comprehension" : "generator expression";
            return fail_at(st, e, "'yield' inside %s", what);
        }
        if (e->u.yield.value && !visit_expr(st, e->u.yield.value)) return 0;
        st->cur->generator = 1;
        return 1;
    case AST_Compare:
        return visit_expr(st, e->u.compare.left) && visit_exprs(st, &e->u.compare.comparators);
    case AST_Call:
        if (!visit_expr(st, e->u.call.func) || !visit_exprs(st, &e->u.call.args)) return 0;
        for (int i = 0; i < e->u.call.keywords.n; i++)
            if (!visit_expr(st, e->u.call.keywords.items[i]->u.keyword.value)) return 0;
        return 1;
    case AST_FormattedValue:
        return visit_expr(st, e->u.fvalue.value) &&
               (!e->u.fvalue.format_spec || visit_expr(st, e->u.fvalue.format_spec));
    case AST_JoinedStr: return visit_exprs(st, &e->u.joinedstr.values);
    case AST_Constant: return 1;
    case AST_Attribute: return visit_expr(st, e->u.attribute.value);
    case AST_Subscript: return visit_expr(st, e->u.subscript.value) && visit_expr(st, e->u.subscript.slice);
    case AST_Starred: return visit_expr(st, e->u.starred.value);
    case AST_Slice:
        return (!e->u.slice.lower || visit_expr(st, e->u.slice.lower)) &&
               (!e->u.slice.upper || visit_expr(st, e->u.slice.upper)) &&
               (!e->u.slice.step || visit_expr(st, e->u.slice.step));
    case AST_Name:
        if (!add_def(st, e->u.name.id, e->u.name.ctx == CTX_LOAD ? SYM_USE : SYM_DEF_LOCAL, e))
            return 0;
        /* super() in a function uses __class__ */
        if (e->u.name.ctx == CTX_LOAD && st->cur->type == BLOCK_FUNCTION && !strcmp(e->u.name.id, "super"))
            return add_def(st, "__class__", SYM_USE, e);
        return 1;
    default: return fail_at(st, e, "unexpected %s node in an expression", ast_kind_name(e->kind));
    }
}

/* symtable_visit_alias: `import a.b` binds a; `as` names bind as given. */
static int visit_alias(SymTable *st, const Node *alias)
{
    const char *store = alias->u.alias.asname;
    if (!store) {
        const char *dot = strchr(alias->u.alias.name, '.');
        store = dot ? ast_strndup(st->a, alias->u.alias.name, (size_t)(dot - alias->u.alias.name))
                    : alias->u.alias.name;
    }
    if (!strcmp(store, "*")) {
        if (st->cur->type != BLOCK_MODULE)
            return fail_at(st, alias, "import * only allowed at module level");
        return 1;
    }
    return add_def(st, store, SYM_DEF_IMPORT, alias);
}

/* global / nonlocal: a name already used, assigned or a parameter here
 * cannot be declared. */
static int visit_declaration(SymTable *st, const Node *s, int global)
{
    for (int i = 0; i < s->u.scope.n; i++) {
        const char *name = s->u.scope.names[i];
        int cur = sym_flags(st->cur, name);
        const char *kind = global ? "global" : "nonlocal";
        if (cur & SYM_DEF_PARAM) return fail_at(st, s, "name '%s' is parameter and %s", name, kind);
        if (cur & SYM_USE)
            return fail_at(st, s, "name '%s' is used prior to %s declaration", name, kind);
        if (cur & SYM_DEF_ANNOT) return fail_at(st, s, "annotated name '%s' can't be %s", name, kind);
        if (cur & SYM_DEF_LOCAL)
            return fail_at(st, s, "name '%s' is assigned to before %s declaration", name, kind);
        if (!add_def(st, name, global ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL, s)) return 0;
        /* symtable_record_directive */
        SymBlock *b = st->cur;
        int cap = b->capdir;
        if (grow(st->a, (void **)&b->dir_names, b->ndir, &cap, sizeof *b->dir_names) ||
            grow(st->a, (void **)&b->dir_nodes, b->ndir, &b->capdir, sizeof *b->dir_nodes))
            return out_of_memory(st);
        b->dir_names[b->ndir] = sym_mangle(st->a, b->private_name, name); /* as analysed */
        b->dir_nodes[b->ndir++] = s;
    }
    return 1;
}

static int visit_stmt(SymTable *st, const Node *s)
{
    switch (s->kind) {
    case AST_FunctionDef:
        if (!add_def(st, s->u.func.name, SYM_DEF_LOCAL, s) || !visit_defaults(st, s->u.func.args) ||
            !visit_annotations(st, s->u.func.args, s->u.func.returns) ||
            !visit_exprs(st, &s->u.func.decorators) ||
            !enter_block(st, s->u.func.name, BLOCK_FUNCTION, s) ||
            !visit_arguments(st, s->u.func.args) || !visit_stmts(st, &s->u.func.body))
            return 0;
        exit_block(st);
        return 1;
    case AST_ClassDef: {
        if (!add_def(st, s->u.cls.name, SYM_DEF_LOCAL, s) || !visit_exprs(st, &s->u.cls.bases))
            return 0;
        for (int i = 0; i < s->u.cls.keywords.n; i++)
            if (!visit_expr(st, s->u.cls.keywords.items[i]->u.keyword.value)) return 0;
        if (!visit_exprs(st, &s->u.cls.decorators) || !enter_block(st, s->u.cls.name, BLOCK_CLASS, s))
            return 0;
        st->cur->private_name = s->u.cls.name;
        if (!visit_stmts(st, &s->u.cls.body)) return 0;
        exit_block(st);
        return 1;
    }
    case AST_Return:
        if (s->u.ret.value) {
            if (!visit_expr(st, s->u.ret.value)) return 0;
            st->cur->returns_value = 1;
        }
        return 1;
    case AST_Delete: return visit_exprs(st, &s->u.del.targets);
    case AST_Assign: return visit_exprs(st, &s->u.assign.targets) && visit_expr(st, s->u.assign.value);
    case AST_AugAssign: return visit_expr(st, s->u.augassign.target) && visit_expr(st, s->u.augassign.value);
    case AST_AnnAssign: return visit_annassign(st, s);
    case AST_For:
        return visit_expr(st, s->u.forloop.target) && visit_expr(st, s->u.forloop.iter) &&
               visit_stmts(st, &s->u.forloop.body) && visit_stmts(st, &s->u.forloop.orelse);
    case AST_While:
    case AST_If:
        return visit_expr(st, s->u.whileloop.test) && visit_stmts(st, &s->u.whileloop.body) &&
               visit_stmts(st, &s->u.whileloop.orelse);
    case AST_Raise:
        return (!s->u.raise.exc || visit_expr(st, s->u.raise.exc)) &&
               (!s->u.raise.cause || visit_expr(st, s->u.raise.cause));
    case AST_Try: {
        if (!visit_stmts(st, &s->u.trystmt.body) || !visit_stmts(st, &s->u.trystmt.orelse)) return 0;
        for (int i = 0; i < s->u.trystmt.handlers.n; i++) {
            const Node *h = s->u.trystmt.handlers.items[i];
            if (h->u.handler.type && !visit_expr(st, h->u.handler.type)) return 0;
            if (h->u.handler.name && !add_def(st, h->u.handler.name, SYM_DEF_LOCAL, h)) return 0;
            if (!visit_stmts(st, &h->u.handler.body)) return 0;
        }
        return visit_stmts(st, &s->u.trystmt.finalbody);
    }
    case AST_Assert:
        return visit_expr(st, s->u.assertstmt.test) &&
               (!s->u.assertstmt.msg || visit_expr(st, s->u.assertstmt.msg));
    case AST_Import:
    case AST_ImportFrom:
        for (int i = 0; i < s->u.import.names.n; i++)
            if (!visit_alias(st, s->u.import.names.items[i])) return 0;
        return 1;
    case AST_Global: return visit_declaration(st, s, 1);
    case AST_Nonlocal: return visit_declaration(st, s, 0);
    case AST_Expr: return visit_expr(st, s->u.ret.value);
    case AST_Pass:
    case AST_Break:
    case AST_Continue: return 1;
    default: return fail_at(st, s, "unexpected %s node in a statement", ast_kind_name(s->kind));
    }
}

static int visit_stmts(SymTable *st, const NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (!visit_stmt(st, l->items[i])) return 0;
    return 1;
}

/* ---- pass 2: analyze ---- */

typedef struct Scopes {        /* name -> scope for one block */
    const char **names;
    int *scopes;
    int n;
} Scopes;

static int scope_of(const Scopes *sc, const char *name)
{
    for (int i = 0; i < sc->n; i++)
        if (!strcmp(sc->names[i], name)) return sc->scopes[i];
    return 0;
}

static void set_scope(Scopes *sc, const char *name, int scope)
{
    for (int i = 0; i < sc->n; i++)
        if (!strcmp(sc->names[i], name)) {
            sc->scopes[i] = scope;
            return;
        }
    sc->names[sc->n] = name;
    sc->scopes[sc->n++] = scope;
}

/* error_at_directive: the global/nonlocal statement that declared it. */
static const Node *decl_node(const SymBlock *b, const char *name)
{
    for (int i = 0; i < b->ndir; i++)
        if (!strcmp(b->dir_names[i], name)) return b->dir_nodes[i];
    return b->node;
}

static int analyze_name(SymTable *st, SymBlock *b, Scopes *sc, const char *name, int flags,
                        NameSet *bound, NameSet *local, NameSet *free, NameSet *global)
{
    AstArena *a = st->a;
    if (flags & SYM_DEF_GLOBAL) {
        if (flags & SYM_DEF_NONLOCAL) return fail_at(st, decl_node(b, name), "name '%s' is nonlocal and global", name);
        set_scope(sc, name, SCOPE_GLOBAL_EXPLICIT);
        if (set_add(a, global, name)) return out_of_memory(st);
        if (bound) set_discard(bound, name);
        return 1;
    }
    if (flags & SYM_DEF_NONLOCAL) {
        if (!bound) return fail_at(st, decl_node(b, name), "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name)) return fail_at(st, decl_node(b, name), "no binding for nonlocal '%s' found", name);
        set_scope(sc, name, SCOPE_FREE);
        b->free = 1;
        return set_add(a, free, name) ? out_of_memory(st) : 1;
    }
    if (flags & SYM_DEF_BOUND) {
        set_scope(sc, name, SCOPE_LOCAL);
        if (set_add(a, local, name)) return out_of_memory(st);
        set_discard(global, name);
        return 1;
    }
    if (bound && set_has(bound, name)) {
        set_scope(sc, name, SCOPE_FREE);
        b->free = 1;
        return set_add(a, free, name) ? out_of_memory(st) : 1;
    }
    if (global && set_has(global, name)) {
        set_scope(sc, name, SCOPE_GLOBAL_IMPLICIT);
        return 1;
    }
    if (b->nested) b->free = 1;
    set_scope(sc, name, SCOPE_GLOBAL_IMPLICIT);
    return 1;
}

static int analyze_block(SymTable *st, SymBlock *b, NameSet *bound, NameSet *free, NameSet *global);

static int analyze_child(SymTable *st, SymBlock *c, NameSet *bound, NameSet *free, NameSet *global,
                         NameSet *child_free)
{
    NameSet tb, tf, tg;
    if (set_copy(st->a, &tb, bound) || set_copy(st->a, &tf, free) || set_copy(st->a, &tg, global))
        return out_of_memory(st);
    if (!analyze_block(st, c, &tb, &tf, &tg)) return 0;
    return set_union(st->a, child_free, &tf) ? out_of_memory(st) : 1;
}

/* update_symbols: scopes into the flags; free names of children that are
 * not bound here become FREE here too (or DEF_FREE_CLASS in a class). */
static int update_symbols(SymTable *st, SymBlock *b, const Scopes *sc, const NameSet *bound,
                          const NameSet *free, int classflag)
{
    for (int i = 0; i < b->nsymbols; i++)
        b->symbols[i].flags |= scope_of(sc, b->symbols[i].name) << SYM_SCOPE_SHIFT;
    for (int i = 0; i < free->n; i++) {
        const char *name = free->names[i];
        Symbol *s = find(b, name);
        if (s) {
            if (classflag && (s->flags & (SYM_DEF_BOUND | SYM_DEF_GLOBAL))) s->flags |= SYM_DEF_FREE_CLASS;
            continue;
        }
        if (bound && !set_has(bound, name)) continue;
        if (!put_symbol(st, b, name, SCOPE_FREE << SYM_SCOPE_SHIFT)) return out_of_memory(st);
    }
    return 1;
}

static int analyze_block(SymTable *st, SymBlock *b, NameSet *bound, NameSet *free, NameSet *global)
{
    AstArena *a = st->a;
    NameSet local = {0}, newbound = {0}, newfree = {0}, newglobal = {0}, allfree = {0};
    Scopes sc = {ast_alloc(a, (size_t)(b->nsymbols + 1) * sizeof(char *)),
                 ast_alloc(a, (size_t)(b->nsymbols + 1) * sizeof(int)), 0};
    if (!sc.names || !sc.scopes) return out_of_memory(st);
    if (b->type == BLOCK_CLASS) {
        if (set_copy(a, &newglobal, global)) return out_of_memory(st);
        if (bound && set_copy(a, &newbound, bound)) return out_of_memory(st);
    }
    for (int i = 0; i < b->nsymbols; i++)
        if (!analyze_name(st, b, &sc, b->symbols[i].name, b->symbols[i].flags, bound, &local, free, global))
            return 0;
    if (b->type != BLOCK_CLASS) {
        if ((b->type == BLOCK_FUNCTION && set_union(a, &newbound, &local)) ||
            (bound && set_union(a, &newbound, bound)) || set_union(a, &newglobal, global))
            return out_of_memory(st);
    } else if (set_add(a, &newbound, "__class__")) {
        return out_of_memory(st);
    }
    for (int i = 0; i < b->nchildren; i++) {
        SymBlock *c = b->children[i];
        if (!analyze_child(st, c, &newbound, &newfree, &newglobal, &allfree)) return 0;
        if (c->free || c->child_free) b->child_free = 1;
    }
    if (set_union(a, &newfree, &allfree)) return out_of_memory(st);
    if (b->type == BLOCK_FUNCTION) {
        /* analyze_cells: locals that children use freely become cells */
        for (int i = 0; i < sc.n; i++) {
            if (sc.scopes[i] != SCOPE_LOCAL || !set_has(&newfree, sc.names[i])) continue;
            sc.scopes[i] = SCOPE_CELL;
            set_discard(&newfree, sc.names[i]);
        }
    } else if (b->type == BLOCK_CLASS && set_has(&newfree, "__class__")) {
        set_discard(&newfree, "__class__"); /* drop_class_free */
        b->needs_class_closure = 1;
    }
    if (!update_symbols(st, b, &sc, bound, &newfree, b->type == BLOCK_CLASS)) return 0;
    return set_union(a, free, &newfree) ? out_of_memory(st) : 1;
}

/* ---- the public face ---- */

SymTable *symtable_build(AstArena *a, const Node *module, SymError *err)
{
    SymTable *st = ast_alloc(a, sizeof *st);
    if (!st) return NULL;
    st->a = a;
    st->err = err;
    memset(err, 0, sizeof *err);
    if (!enter_block(st, "top", BLOCK_MODULE, module)) return NULL;
    st->top = st->cur;
    if (!visit_stmts(st, &module->u.module.body)) return NULL;
    NameSet free = {0}, global = {0};
    if (!analyze_block(st, st->top, NULL, &free, &global)) return NULL;
    return st->failed ? NULL : st;
}

SymBlock *symtable_top(const SymTable *st) { return st->top; }

SymBlock *symtable_block(const SymTable *st, const Node *node)
{
    for (int i = 0; i < st->nall; i++)
        if (st->all[i]->node == node) return st->all[i];
    return NULL;
}

typedef struct Out {
    char *buf;
    size_t cap, n;
} Out;

static void emit(Out *o, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i < k; i++, o->n++)
        if (o->n + 1 < o->cap) o->buf[o->n] = s[i];
}

static void dump_block(const SymBlock *b, int indent, Out *o)
{
    static const char *const types[] = {"function", "class", "module"};
    char line[512];
    snprintf(line, sizeof line, "%*s%s %s %d%s%s\n", indent, "", types[b->type], b->name,
             b->type == BLOCK_MODULE ? 0 : b->lineno, b->nested ? " nested" : "",
             b->type == BLOCK_FUNCTION ? " opt" : "");
    emit(o, line);
    for (int i = 0; i < b->nsymbols; i++) {
        snprintf(line, sizeof line, "%*s  %s %d\n", indent, "", b->symbols[i].name, b->symbols[i].flags);
        emit(o, line);
    }
    for (int i = 0; i < b->nchildren; i++) dump_block(b->children[i], indent + 4, o);
}

size_t symtable_dump(const SymTable *st, char *buf, size_t cap)
{
    Out o = {buf, cap, 0};
    dump_block(st->top, 0, &o);
    if (cap) buf[o.n < cap ? o.n : cap - 1] = '\0';
    return o.n;
}
