/* ast.c -- the AST arena, node construction, and ast.dump() text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/ast.h"
#include "objects/float.h"

/* ---- the arena: 64 KiB chunks, bump allocation, freed at once ---- */

typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} Chunk;

struct AstArena {
    Chunk *head;
};

AstArena *ast_arena_new(void) { return calloc(1, sizeof(AstArena)); }

void ast_arena_free(AstArena *a)
{
    if (!a) return;
    for (Chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

void *ast_alloc(AstArena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    Chunk *c = a->head;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > 65536 ? size : 65536;
        c = malloc(sizeof(Chunk) + cap);
        if (!c) return NULL;
        c->next = a->head;
        c->used = 0;
        c->cap = cap;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

const char *ast_strndup(AstArena *a, const char *s, size_t n)
{
    char *p = ast_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

Node *ast_node(AstArena *a, AstKind kind, int lineno, int col, int end_lineno, int end_col)
{
    Node *n = ast_alloc(a, sizeof *n);
    if (!n) return NULL;
    n->kind = kind;
    n->lineno = lineno;
    n->col = col;
    n->end_lineno = end_lineno;
    n->end_col = end_col;
    return n;
}

int ast_list_push(AstArena *a, NodeList *l, Node *n)
{
    /* the capacity is 4, then the next power of two: grow when full */
    if (l->n == 0 || (l->n >= 4 && (l->n & (l->n - 1)) == 0)) {
        int cap = l->n ? l->n * 2 : 4;
        Node **items = ast_alloc(a, (size_t)cap * sizeof *items);
        if (!items) return -1;
        if (l->n) memcpy(items, l->items, (size_t)l->n * sizeof *items);
        l->items = items;
    }
    l->items[l->n++] = n;
    return 0;
}

static const char *const kind_names[] = {
#define X(n) #n,
    AST_KINDS(X)
#undef X
};

const char *ast_kind_name(AstKind k) { return k < AST_KIND_COUNT ? kind_names[k] : "?"; }

/* ---- ast.dump() ---- */

typedef struct Out {
    char *buf;
    size_t cap, n;
} Out;

static void put(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(o->n < o->cap ? o->buf + o->n : NULL, o->n < o->cap ? o->cap - o->n : 0,
                      fmt, ap);
    va_end(ap);
    if (k > 0) o->n += (size_t)k;
}

/* repr() of a str or bytes given as UTF-8 / raw bytes. */
static void put_repr(Out *o, const char *s, size_t len, int bytes)
{
    int has_sq = memchr(s, '\'', len) != NULL, has_dq = memchr(s, '"', len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    put(o, "%s%c", bytes ? "b" : "", q);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') put(o, "\\%c", c);
        else if (c == '\n') put(o, "\\n");
        else if (c == '\r') put(o, "\\r");
        else if (c == '\t') put(o, "\\t");
        else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) put(o, "\\x%02x", c);
        else put(o, "%c", c);
    }
    put(o, "%c", q);
}

static void dump_const(Out *o, const AstConst *c)
{
    switch (c->kind) {
    case CONST_NONE: put(o, "None"); break;
    case CONST_TRUE: put(o, "True"); break;
    case CONST_FALSE: put(o, "False"); break;
    case CONST_ELLIPSIS: put(o, "Ellipsis"); break;
    case CONST_INT: put(o, "%.*s", (int)c->len, c->text); break;
    case CONST_FLOAT: {
        char buf[64];
        float_repr_buf(c->f, buf, sizeof buf);
        put(o, "%s", buf);
        break;
    }
    case CONST_COMPLEX: {
        char buf[64];
        float_repr_buf(c->f, buf, sizeof buf);
        size_t k = strlen(buf);
        if (k > 2 && !strcmp(buf + k - 2, ".0")) buf[k - 2] = '\0'; /* 1j, 1.5j */
        put(o, "%sj", buf);
        break;
    }
    case CONST_STR: put_repr(o, c->text, c->len, 0); break;
    case CONST_BYTES: put_repr(o, c->text, c->len, 1); break;
    case CONST_TUPLE:
    case CONST_FROZENSET:
        put(o, c->kind == CONST_TUPLE ? "(" : "frozenset({");
        for (int i = 0; i < c->nitems; i++) {
            if (i) put(o, ", ");
            dump_const(o, &c->items[i]);
        }
        put(o, c->kind == CONST_TUPLE ? (c->nitems == 1 ? ",)" : ")") : "})");
        break;
    }
}

static void dump(Out *o, const Node *n);

static void dump_list(Out *o, const char *field, const NodeList *l)
{
    put(o, "%s=[", field);
    for (int i = 0; i < l->n; i++) {
        if (i) put(o, ", ");
        if (l->items[i]) dump(o, l->items[i]);
        else put(o, "None");
    }
    put(o, "]");
}

/* Fields: ", name=<node>" unless NULL (ast.dump omits None). */
static void dump_opt(Out *o, const char *field, const Node *n)
{
    if (!n) return;
    put(o, ", %s=", field);
    dump(o, n);
}

static void dump_str(Out *o, const char *field, const char *s)
{
    if (!s) return;
    put(o, ", %s=", field);
    put_repr(o, s, strlen(s), 0);
}

static const char *const binops[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                     "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
static const char *const unaryops[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const cmpops[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot",
                                     "In", "NotIn"};
static const char *const ctxs[] = {"Load", "Store", "Del"};

static void dump(Out *o, const Node *n)
{
    const char *k = ast_kind_name(n->kind);
    switch (n->kind) {
    case AST_Module:
        put(o, "Module(");
        dump_list(o, "body", &n->u.module.body);
        put(o, ", type_ignores=[])");
        return;
    case AST_FunctionDef:
        put(o, "FunctionDef(name=");
        put_repr(o, n->u.func.name, strlen(n->u.func.name), 0);
        put(o, ", args=");
        dump(o, n->u.func.args);
        put(o, ", ");
        dump_list(o, "body", &n->u.func.body);
        put(o, ", ");
        dump_list(o, "decorator_list", &n->u.func.decorators);
        dump_opt(o, "returns", n->u.func.returns);
        put(o, ")");
        return;
    case AST_Lambda:
        put(o, "Lambda(args=");
        dump(o, n->u.func.args);
        put(o, ", body=");
        dump(o, n->u.func.body.items[0]);
        put(o, ")");
        return;
    case AST_ClassDef:
        put(o, "ClassDef(name=");
        put_repr(o, n->u.cls.name, strlen(n->u.cls.name), 0);
        put(o, ", ");
        dump_list(o, "bases", &n->u.cls.bases);
        put(o, ", ");
        dump_list(o, "keywords", &n->u.cls.keywords);
        put(o, ", ");
        dump_list(o, "body", &n->u.cls.body);
        put(o, ", ");
        dump_list(o, "decorator_list", &n->u.cls.decorators);
        put(o, ")");
        return;
    case AST_Return:
    case AST_Expr:
        put(o, "%s(", k);
        if (n->u.ret.value) {
            put(o, "value=");
            dump(o, n->u.ret.value);
        }
        put(o, ")");
        return;
    case AST_Delete:
        put(o, "Delete(");
        dump_list(o, "targets", &n->u.del.targets);
        put(o, ")");
        return;
    case AST_Assign:
        put(o, "Assign(");
        dump_list(o, "targets", &n->u.assign.targets);
        put(o, ", value=");
        dump(o, n->u.assign.value);
        put(o, ")");
        return;
    case AST_AugAssign:
        put(o, "AugAssign(target=");
        dump(o, n->u.augassign.target);
        put(o, ", op=%s(), value=", binops[n->u.augassign.op]);
        dump(o, n->u.augassign.value);
        put(o, ")");
        return;
    case AST_AnnAssign:
        put(o, "AnnAssign(target=");
        dump(o, n->u.annassign.target);
        put(o, ", annotation=");
        dump(o, n->u.annassign.annotation);
        dump_opt(o, "value", n->u.annassign.value);
        put(o, ", simple=%d)", n->u.annassign.simple);
        return;
    case AST_For:
        put(o, "For(target=");
        dump(o, n->u.forloop.target);
        put(o, ", iter=");
        dump(o, n->u.forloop.iter);
        put(o, ", ");
        dump_list(o, "body", &n->u.forloop.body);
        put(o, ", ");
        dump_list(o, "orelse", &n->u.forloop.orelse);
        put(o, ")");
        return;
    case AST_While:
    case AST_If:
        put(o, "%s(test=", k);
        dump(o, n->u.whileloop.test);
        put(o, ", ");
        dump_list(o, "body", &n->u.whileloop.body);
        put(o, ", ");
        dump_list(o, "orelse", &n->u.whileloop.orelse);
        put(o, ")");
        return;
    case AST_Raise:
        put(o, "Raise(");
        if (n->u.raise.exc) {
            put(o, "exc=");
            dump(o, n->u.raise.exc);
            dump_opt(o, "cause", n->u.raise.cause);
        } else if (n->u.raise.cause) {
            put(o, "cause=");
            dump(o, n->u.raise.cause);
        }
        put(o, ")");
        return;
    case AST_Try:
        put(o, "Try(");
        dump_list(o, "body", &n->u.trystmt.body);
        put(o, ", ");
        dump_list(o, "handlers", &n->u.trystmt.handlers);
        put(o, ", ");
        dump_list(o, "orelse", &n->u.trystmt.orelse);
        put(o, ", ");
        dump_list(o, "finalbody", &n->u.trystmt.finalbody);
        put(o, ")");
        return;
    case AST_Assert:
        put(o, "Assert(test=");
        dump(o, n->u.assertstmt.test);
        dump_opt(o, "msg", n->u.assertstmt.msg);
        put(o, ")");
        return;
    case AST_Import:
        put(o, "Import(");
        dump_list(o, "names", &n->u.import.names);
        put(o, ")");
        return;
    case AST_ImportFrom:
        put(o, "ImportFrom(");
        if (n->u.import.module) {
            put(o, "module=");
            put_repr(o, n->u.import.module, strlen(n->u.import.module), 0);
            put(o, ", ");
        }
        dump_list(o, "names", &n->u.import.names);
        put(o, ", level=%d)", n->u.import.level);
        return;
    case AST_Global:
    case AST_Nonlocal:
        put(o, "%s(names=[", k);
        for (int i = 0; i < n->u.scope.n; i++) {
            if (i) put(o, ", ");
            put_repr(o, n->u.scope.names[i], strlen(n->u.scope.names[i]), 0);
        }
        put(o, "])");
        return;
    case AST_Pass:
    case AST_Break:
    case AST_Continue:
        put(o, "%s()", k);
        return;
    case AST_BoolOp:
        put(o, "BoolOp(op=%s(), ", n->u.boolop.op == BOOL_AND ? "And" : "Or");
        dump_list(o, "values", &n->u.boolop.values);
        put(o, ")");
        return;
    case AST_BinOp:
        put(o, "BinOp(left=");
        dump(o, n->u.binop.left);
        put(o, ", op=%s(), right=", binops[n->u.binop.op]);
        dump(o, n->u.binop.right);
        put(o, ")");
        return;
    case AST_UnaryOp:
        put(o, "UnaryOp(op=%s(), operand=", unaryops[n->u.unaryop.op]);
        dump(o, n->u.unaryop.operand);
        put(o, ")");
        return;
    case AST_IfExp:
        put(o, "IfExp(test=");
        dump(o, n->u.ifexp.test);
        put(o, ", body=");
        dump(o, n->u.ifexp.body);
        put(o, ", orelse=");
        dump(o, n->u.ifexp.orelse);
        put(o, ")");
        return;
    case AST_Dict:
        put(o, "Dict(");
        dump_list(o, "keys", &n->u.dict.keys);
        put(o, ", ");
        dump_list(o, "values", &n->u.dict.values);
        put(o, ")");
        return;
    case AST_Set:
        put(o, "Set(");
        dump_list(o, "elts", &n->u.seq.elts);
        put(o, ")");
        return;
    case AST_List:
    case AST_Tuple:
        put(o, "%s(", k);
        dump_list(o, "elts", &n->u.seq.elts);
        put(o, ", ctx=%s())", ctxs[n->u.seq.ctx]);
        return;
    case AST_ListComp:
    case AST_SetComp:
    case AST_GeneratorExp:
    case AST_DictComp:
        put(o, "%s(", k);
        if (n->kind == AST_DictComp) {
            put(o, "key=");
            dump(o, n->u.comp.elt);
            put(o, ", value=");
            dump(o, n->u.comp.value);
        } else {
            put(o, "elt=");
            dump(o, n->u.comp.elt);
        }
        put(o, ", ");
        dump_list(o, "generators", &n->u.comp.generators);
        put(o, ")");
        return;
    case AST_Yield:
        put(o, "Yield(");
        if (n->u.yield.value) {
            put(o, "value=");
            dump(o, n->u.yield.value);
        }
        put(o, ")");
        return;
    case AST_Compare:
        put(o, "Compare(left=");
        dump(o, n->u.compare.left);
        put(o, ", ops=[");
        for (int i = 0; i < n->u.compare.comparators.n; i++)
            put(o, "%s%s()", i ? ", " : "", cmpops[n->u.compare.ops[i]]);
        put(o, "], ");
        dump_list(o, "comparators", &n->u.compare.comparators);
        put(o, ")");
        return;
    case AST_Call:
        put(o, "Call(func=");
        dump(o, n->u.call.func);
        put(o, ", ");
        dump_list(o, "args", &n->u.call.args);
        put(o, ", ");
        dump_list(o, "keywords", &n->u.call.keywords);
        put(o, ")");
        return;
    case AST_FormattedValue:
        put(o, "FormattedValue(value=");
        dump(o, n->u.fvalue.value);
        put(o, ", conversion=%d", n->u.fvalue.conversion);
        dump_opt(o, "format_spec", n->u.fvalue.format_spec);
        put(o, ")");
        return;
    case AST_JoinedStr:
        put(o, "JoinedStr(");
        dump_list(o, "values", &n->u.joinedstr.values);
        put(o, ")");
        return;
    case AST_Constant:
        put(o, "Constant(value=");
        dump_const(o, &n->u.constant.value);
        dump_str(o, "kind", n->u.constant.kind);
        put(o, ")");
        return;
    case AST_Attribute:
        put(o, "Attribute(value=");
        dump(o, n->u.attribute.value);
        put(o, ", attr=");
        put_repr(o, n->u.attribute.attr, strlen(n->u.attribute.attr), 0);
        put(o, ", ctx=%s())", ctxs[n->u.attribute.ctx]);
        return;
    case AST_Subscript:
        put(o, "Subscript(value=");
        dump(o, n->u.subscript.value);
        put(o, ", slice=");
        dump(o, n->u.subscript.slice);
        put(o, ", ctx=%s())", ctxs[n->u.subscript.ctx]);
        return;
    case AST_Starred:
        put(o, "Starred(value=");
        dump(o, n->u.starred.value);
        put(o, ", ctx=%s())", ctxs[n->u.starred.ctx]);
        return;
    case AST_Name:
        put(o, "Name(id=");
        put_repr(o, n->u.name.id, strlen(n->u.name.id), 0);
        put(o, ", ctx=%s())", ctxs[n->u.name.ctx]);
        return;
    case AST_Slice: {
        put(o, "Slice(");
        const char *sep = "";
        const Node *parts[3] = {n->u.slice.lower, n->u.slice.upper, n->u.slice.step};
        static const char *const names[3] = {"lower", "upper", "step"};
        for (int i = 0; i < 3; i++) {
            if (!parts[i]) continue;
            put(o, "%s%s=", sep, names[i]);
            dump(o, parts[i]);
            sep = ", ";
        }
        put(o, ")");
        return;
    }
    case AST_Arguments:
        put(o, "arguments(");
        dump_list(o, "posonlyargs", &n->u.arguments.posonlyargs);
        put(o, ", ");
        dump_list(o, "args", &n->u.arguments.args);
        dump_opt(o, "vararg", n->u.arguments.vararg);
        put(o, ", ");
        dump_list(o, "kwonlyargs", &n->u.arguments.kwonlyargs);
        put(o, ", ");
        dump_list(o, "kw_defaults", &n->u.arguments.kw_defaults);
        dump_opt(o, "kwarg", n->u.arguments.kwarg);
        put(o, ", ");
        dump_list(o, "defaults", &n->u.arguments.defaults);
        put(o, ")");
        return;
    case AST_Arg:
        put(o, "arg(arg=");
        put_repr(o, n->u.arg.arg, strlen(n->u.arg.arg), 0);
        dump_opt(o, "annotation", n->u.arg.annotation);
        put(o, ")");
        return;
    case AST_Keyword:
        put(o, "keyword(");
        if (n->u.keyword.arg) {
            put(o, "arg=");
            put_repr(o, n->u.keyword.arg, strlen(n->u.keyword.arg), 0);
            put(o, ", ");
        }
        put(o, "value=");
        dump(o, n->u.keyword.value);
        put(o, ")");
        return;
    case AST_Alias:
        put(o, "alias(name=");
        put_repr(o, n->u.alias.name, strlen(n->u.alias.name), 0);
        dump_str(o, "asname", n->u.alias.asname);
        put(o, ")");
        return;
    case AST_Comprehension:
        put(o, "comprehension(target=");
        dump(o, n->u.comprehension.target);
        put(o, ", iter=");
        dump(o, n->u.comprehension.iter);
        put(o, ", ");
        dump_list(o, "ifs", &n->u.comprehension.ifs);
        put(o, ", is_async=%d)", n->u.comprehension.is_async);
        return;
    case AST_ExceptHandler:
        put(o, "ExceptHandler(");
        if (n->u.handler.type) {
            put(o, "type=");
            dump(o, n->u.handler.type);
            dump_str(o, "name", n->u.handler.name);
            put(o, ", ");
        } else if (n->u.handler.name) {
            put(o, "name=");
            put_repr(o, n->u.handler.name, strlen(n->u.handler.name), 0);
            put(o, ", ");
        }
        dump_list(o, "body", &n->u.handler.body);
        put(o, ")");
        return;
    case AST_KIND_COUNT:
        break;
    }
    put(o, "?");
}

size_t ast_dump(const Node *n, char *buf, size_t cap)
{
    Out o = {buf, cap, 0};
    dump(&o, n);
    if (cap) buf[o.n < cap ? o.n : cap - 1] = '\0';
    return o.n;
}
