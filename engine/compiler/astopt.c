/* astopt.c -- the compiler's copy of the tree, the subset check, and
 * constant folding after Python/ast_opt.c of CPython 3.11: BinOp and
 * UnaryOp of constants (with safe_multiply/safe_power/safe_lshift's size
 * limits), tuples of constants, constant subscripts, `not` folded into
 * is/in comparisons, list and set displays iterated over or tested with
 * in/not in made tuples and frozensets, __debug__.
 *
 * Folded values are simulated objects, computed with the object layer's
 * own arithmetic, so that they are the values CPython computes; an
 * operation that raises leaves the node as it was (make_const clears the
 * error), as in CPython.  The values live in the compiler's node map
 * (cg_set_const), never in the tree. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cfg.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/utf8.h"

/* ---- the copy ---- */

static Node *copy_node(Compiler *c, const Node *n);

static int copy_list(Compiler *c, NodeList *dst, const NodeList *src)
{
    dst->n = src->n;
    dst->items = NULL;
    if (!src->n) return 1;
    dst->items = ast_alloc(c->arena, (size_t)src->n * sizeof *dst->items);
    if (!dst->items) return 0;
    for (int i = 0; i < src->n; i++) {
        if (!src->items[i]) continue;
        if (!(dst->items[i] = copy_node(c, src->items[i]))) return 0;
    }
    return 1;
}

#define COPY(field) (!n->field || (m->field = copy_node(c, n->field)) != NULL)
#define COPYL(field) copy_list(c, &m->field, &n->field)

static Node *copy_node_kind(Compiler *c, const Node *n);

/* CPython's astfold_stmt and astfold_expr count their depth against
 * 3 * the recursion limit (1000) and raise RecursionError past it: a
 * statement at module level holding 2,999 nested unary minuses is too
 * deep, 2,998 are not.  Folding runs before the symbol table and the code
 * generator, so this bounds their recursion as well. */
enum { FOLD_DEPTH_LIMIT = 3 * 1000 };

/* The parser bounds nesting but not left-recursive chains (`a+a+...+a`,
 * `a.b.b...`), whose trees can be millions deep, so the copy made before
 * folding needs a bound too.  At most two other nodes (arguments, arg,
 * keyword, comprehension, ...) sit between two expressions or statements:
 * a tree deeper than this would fail the folder's limit anyway, and the
 * copy raises the same RecursionError instead of overflowing the C stack. */
enum { COPY_DEPTH_LIMIT = 3 * FOLD_DEPTH_LIMIT + 3 };

/* Enters one level of *depth: 0, or -1 with the RecursionError set (the
 * caller still leaves the level). */
static int depth_enter(Compiler *c, int *depth, int limit)
{
    if (++*depth <= limit) return 0;
    cg_exc_error(c, "RecursionError", "maximum recursion depth exceeded during compilation");
    return -1;
}

static Node *copy_node(Compiler *c, const Node *n)
{
    Node *m = depth_enter(c, &c->copy_depth, COPY_DEPTH_LIMIT) < 0 ? NULL : copy_node_kind(c, n);
    c->copy_depth--;
    return m;
}

static Node *copy_node_kind(Compiler *c, const Node *n)
{
    Node *m = ast_alloc(c->arena, sizeof *m);
    if (!m) return NULL;
    *m = *n;
    int ok = 1;
    switch (n->kind) {
    case AST_Module: ok = COPYL(u.module.body); break;
    case AST_FunctionDef:
    case AST_Lambda:
        ok = COPY(u.func.args) && COPYL(u.func.body) && COPYL(u.func.decorators) && COPY(u.func.returns);
        break;
    case AST_ClassDef:
        ok = COPYL(u.cls.bases) && COPYL(u.cls.keywords) && COPYL(u.cls.body) && COPYL(u.cls.decorators);
        break;
    case AST_Return:
    case AST_Expr: ok = COPY(u.ret.value); break;
    case AST_Delete: ok = COPYL(u.del.targets); break;
    case AST_Assign: ok = COPYL(u.assign.targets) && COPY(u.assign.value); break;
    case AST_AugAssign: ok = COPY(u.augassign.target) && COPY(u.augassign.value); break;
    case AST_AnnAssign:
        ok = COPY(u.annassign.target) && COPY(u.annassign.annotation) && COPY(u.annassign.value);
        break;
    case AST_For:
        ok = COPY(u.forloop.target) && COPY(u.forloop.iter) && COPYL(u.forloop.body) && COPYL(u.forloop.orelse);
        break;
    case AST_While:
    case AST_If: ok = COPY(u.whileloop.test) && COPYL(u.whileloop.body) && COPYL(u.whileloop.orelse); break;
    case AST_Raise: ok = COPY(u.raise.exc) && COPY(u.raise.cause); break;
    case AST_Try:
        ok = COPYL(u.trystmt.body) && COPYL(u.trystmt.handlers) && COPYL(u.trystmt.orelse) &&
             COPYL(u.trystmt.finalbody);
        break;
    case AST_Assert: ok = COPY(u.assertstmt.test) && COPY(u.assertstmt.msg); break;
    case AST_Import:
    case AST_ImportFrom: ok = COPYL(u.import.names); break;
    case AST_BoolOp: ok = COPYL(u.boolop.values); break;
    case AST_BinOp: ok = COPY(u.binop.left) && COPY(u.binop.right); break;
    case AST_UnaryOp: ok = COPY(u.unaryop.operand); break;
    case AST_IfExp: ok = COPY(u.ifexp.test) && COPY(u.ifexp.body) && COPY(u.ifexp.orelse); break;
    case AST_Dict: ok = COPYL(u.dict.keys) && COPYL(u.dict.values); break;
    case AST_Set:
    case AST_List:
    case AST_Tuple: ok = COPYL(u.seq.elts); break;
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp: ok = COPY(u.comp.elt) && COPY(u.comp.value) && COPYL(u.comp.generators); break;
    case AST_Yield: ok = COPY(u.yield.value); break;
    case AST_Compare: {
        int k = n->u.compare.comparators.n;
        CmpOpKind *ops = ast_alloc(c->arena, (size_t)(k ? k : 1) * sizeof *ops);
        if (!ops) return NULL;
        if (k) memcpy(ops, n->u.compare.ops, (size_t)k * sizeof *ops);
        m->u.compare.ops = ops;
        ok = COPY(u.compare.left) && COPYL(u.compare.comparators);
        break;
    }
    case AST_Call: ok = COPY(u.call.func) && COPYL(u.call.args) && COPYL(u.call.keywords); break;
    case AST_FormattedValue: ok = COPY(u.fvalue.value) && COPY(u.fvalue.format_spec); break;
    case AST_JoinedStr: ok = COPYL(u.joinedstr.values); break;
    case AST_Attribute: ok = COPY(u.attribute.value); break;
    case AST_Subscript: ok = COPY(u.subscript.value) && COPY(u.subscript.slice); break;
    case AST_Starred: ok = COPY(u.starred.value); break;
    case AST_Slice: ok = COPY(u.slice.lower) && COPY(u.slice.upper) && COPY(u.slice.step); break;
    case AST_Arguments:
        ok = COPYL(u.arguments.posonlyargs) && COPYL(u.arguments.args) && COPYL(u.arguments.kwonlyargs) &&
             COPY(u.arguments.vararg) && COPY(u.arguments.kwarg) && COPYL(u.arguments.kw_defaults) &&
             COPYL(u.arguments.defaults);
        break;
    case AST_Arg: ok = COPY(u.arg.annotation); break;
    case AST_Keyword: ok = COPY(u.keyword.value); break;
    case AST_Comprehension:
        ok = COPY(u.comprehension.target) && COPY(u.comprehension.iter) && COPYL(u.comprehension.ifs);
        break;
    case AST_ExceptHandler: ok = COPY(u.handler.type) && COPYL(u.handler.body); break;
    case AST_Constant:
        if (n->u.constant.value.kind == CONST_FLOAT) fp_float_made(c->fp, 2);
        break;
    default: break;   /* no children: Global, Nonlocal, Pass, Break, Continue, Name, Alias */
    }
    return ok ? m : NULL;
}

Node *ast_copy_tree(Compiler *c, const Node *n) { return copy_node(c, n); }

/* ---- the subset ---- */

static int unsupported(Compiler *c, const Node *at, const char *what)
{
    return cg_error_at(c, at, "%s %s not supported by refscope", what,
                       what[strlen(what) - 1] == 's' ? "are" : "is"), -1;
}

static int check_list(Compiler *c, const NodeList *l);

static int check_node(Compiler *c, const Node *n)
{
    if (!n) return 0;
    switch (n->kind) {
    case AST_Constant:
        if (n->u.constant.value.kind == CONST_COMPLEX) return unsupported(c, n, "complex numbers");
        return 0;
    case AST_Comprehension:
        if (n->u.comprehension.is_async) return unsupported(c, n, "asynchronous comprehensions");
        break;
    case AST_ImportFrom:
        if (n->u.import.module && !strcmp(n->u.import.module, "__future__"))
            return unsupported(c, n, "'from __future__' imports");
        break;
    default: break;
    }
    /* the children: reuse the copier's knowledge through a generic walk */
    switch (n->kind) {
    case AST_Module: return check_list(c, &n->u.module.body);
    case AST_FunctionDef:
    case AST_Lambda:
        if (check_node(c, n->u.func.args) || check_list(c, &n->u.func.body)) return -1;
        return check_list(c, &n->u.func.decorators) || check_node(c, n->u.func.returns) ? -1 : 0;
    case AST_ClassDef:
        if (check_list(c, &n->u.cls.bases) || check_list(c, &n->u.cls.keywords)) return -1;
        return check_list(c, &n->u.cls.body) || check_list(c, &n->u.cls.decorators) ? -1 : 0;
    case AST_Return:
    case AST_Expr: return check_node(c, n->u.ret.value);
    case AST_Delete: return check_list(c, &n->u.del.targets);
    case AST_Assign: return check_list(c, &n->u.assign.targets) || check_node(c, n->u.assign.value) ? -1 : 0;
    case AST_AugAssign: return check_node(c, n->u.augassign.target) || check_node(c, n->u.augassign.value) ? -1 : 0;
    case AST_AnnAssign:
        if (check_node(c, n->u.annassign.target) || check_node(c, n->u.annassign.annotation)) return -1;
        return check_node(c, n->u.annassign.value);
    case AST_For:
        if (check_node(c, n->u.forloop.target) || check_node(c, n->u.forloop.iter)) return -1;
        return check_list(c, &n->u.forloop.body) || check_list(c, &n->u.forloop.orelse) ? -1 : 0;
    case AST_While:
    case AST_If:
        if (check_node(c, n->u.whileloop.test)) return -1;
        return check_list(c, &n->u.whileloop.body) || check_list(c, &n->u.whileloop.orelse) ? -1 : 0;
    case AST_Raise: return check_node(c, n->u.raise.exc) || check_node(c, n->u.raise.cause) ? -1 : 0;
    case AST_Try:
        if (check_list(c, &n->u.trystmt.body) || check_list(c, &n->u.trystmt.handlers)) return -1;
        return check_list(c, &n->u.trystmt.orelse) || check_list(c, &n->u.trystmt.finalbody) ? -1 : 0;
    case AST_Assert: return check_node(c, n->u.assertstmt.test) || check_node(c, n->u.assertstmt.msg) ? -1 : 0;
    case AST_BoolOp: return check_list(c, &n->u.boolop.values);
    case AST_BinOp: return check_node(c, n->u.binop.left) || check_node(c, n->u.binop.right) ? -1 : 0;
    case AST_UnaryOp: return check_node(c, n->u.unaryop.operand);
    case AST_IfExp:
        return check_node(c, n->u.ifexp.test) || check_node(c, n->u.ifexp.body) || check_node(c, n->u.ifexp.orelse)
                   ? -1 : 0;
    case AST_Dict: return check_list(c, &n->u.dict.keys) || check_list(c, &n->u.dict.values) ? -1 : 0;
    case AST_Set:
    case AST_List:
    case AST_Tuple: return check_list(c, &n->u.seq.elts);
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp:
        if (check_node(c, n->u.comp.elt) || check_node(c, n->u.comp.value)) return -1;
        return check_list(c, &n->u.comp.generators);
    case AST_Yield: return check_node(c, n->u.yield.value);
    case AST_Compare: return check_node(c, n->u.compare.left) || check_list(c, &n->u.compare.comparators) ? -1 : 0;
    case AST_Call:
        if (check_node(c, n->u.call.func) || check_list(c, &n->u.call.args)) return -1;
        return check_list(c, &n->u.call.keywords);
    case AST_FormattedValue:
        return check_node(c, n->u.fvalue.value) || check_node(c, n->u.fvalue.format_spec) ? -1 : 0;
    case AST_JoinedStr: return check_list(c, &n->u.joinedstr.values);
    case AST_Attribute: return check_node(c, n->u.attribute.value);
    case AST_Subscript: return check_node(c, n->u.subscript.value) || check_node(c, n->u.subscript.slice) ? -1 : 0;
    case AST_Starred: return check_node(c, n->u.starred.value);
    case AST_Slice:
        return check_node(c, n->u.slice.lower) || check_node(c, n->u.slice.upper) || check_node(c, n->u.slice.step)
                   ? -1 : 0;
    case AST_Arguments:
        if (check_list(c, &n->u.arguments.posonlyargs) || check_list(c, &n->u.arguments.args) ||
            check_node(c, n->u.arguments.vararg) || check_list(c, &n->u.arguments.kwonlyargs) ||
            check_list(c, &n->u.arguments.kw_defaults) || check_node(c, n->u.arguments.kwarg))
            return -1;
        return check_list(c, &n->u.arguments.defaults);
    case AST_Arg: return check_node(c, n->u.arg.annotation);
    case AST_Keyword: return check_node(c, n->u.keyword.value);
    case AST_Comprehension:
        if (check_node(c, n->u.comprehension.target) || check_node(c, n->u.comprehension.iter)) return -1;
        return check_list(c, &n->u.comprehension.ifs);
    case AST_ExceptHandler: return check_node(c, n->u.handler.type) || check_list(c, &n->u.handler.body) ? -1 : 0;
    default: return 0;
    }
}

static int check_list(Compiler *c, const NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i] && check_node(c, l->items[i])) return -1;
    return 0;
}

int ast_check_subset(Compiler *c, const Node *module) { return check_node(c, module); }

/* ---- value helpers ---- */

static int is_int(const Sim *S, Obj o) { return ob_is(S, o, TI_INT) || ob_is(S, o, TI_BOOL); }
static int is_float(const Sim *S, Obj o) { return ob_is(S, o, TI_FLOAT); }
static int is_num(const Sim *S, Obj o) { return is_int(S, o) || is_float(S, o); }

/* A bool as the int it counts as (new reference), anything else as is. */
static Obj as_int(Sim *S, Obj o)
{
    if (ob_is(S, o, TI_BOOL)) o = int_small(S, o == S->true_);
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

static int64_t seq_len(const Sim *S, Obj o)
{
    if (ob_is(S, o, TI_STR)) return str_len(S, o);
    if (ob_is(S, o, TI_FROZENSET)) return set_len(S, o);
    return ob_size(S, o);   /* tuple, bytes */
}

/* _PyLong_NumBits */
static uint64_t num_bits(const Sim *S, Obj o)
{
    int64_t n = ob_size(S, o);
    if (n < 0) n = -n;
    if (n == 0) return 0;
    uint32_t d = ob_get32(S, o, INT_DIGITS_OFF + 4 * (uint32_t)(n - 1));
    uint64_t bits = (uint64_t)(n - 1) * INT_SHIFT;
    while (d) {
        bits++;
        d >>= 1;
    }
    return bits;
}

/* PyLong_AsLong / PyLong_AsSize_t: 0 with *ok 0 on overflow (or a
 * negative value for as_size). */
static int64_t as_i64(Sim *S, Obj o, int *ok)
{
    int64_t v = 0;
    *ok = int_as_i64(S, o, &v) == 0;
    if (!*ok) exc_clear(S);
    return v;
}

static int as_double(Sim *S, Obj o, double *out)
{
    if (is_float(S, o)) {
        *out = float_value(S, o);
        return 1;
    }
    Obj i = as_int(S, o);
    int r = int_as_double(S, i, out);
    ob_decref(S, i, HOLD_TEMP);
    if (r < 0) {
        exc_clear(S);
        return 0;
    }
    return 1;
}

/* ---- float arithmetic (Objects/floatobject.c) ---- */

static int is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

static int float_pow(double iv, double iw, double *out)
{
    if (iw == 0) return *out = 1.0, 1;
    if (isnan(iv)) return *out = iv, 1;
    if (isnan(iw)) return *out = iv == 1.0 ? 1.0 : iw, 1;
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) *out = 1.0;
        else if ((iw > 0.0) == (iv > 1.0)) *out = fabs(iw);
        else *out = 0.0;
        return 1;
    }
    if (isinf(iv)) {
        int odd = is_odd_integer(iw);
        if (iw > 0.0) *out = odd ? iv : fabs(iv);
        else *out = odd ? copysign(0.0, iv) : 0.0;
        return 1;
    }
    if (iv == 0.0) {
        if (iw < 0.0) return 0;   /* ZeroDivisionError */
        *out = is_odd_integer(iw) ? iv : 0.0;
        return 1;
    }
    int negate = 0;
    if (iv < 0.0) {
        if (iw != floor(iw)) return 0;   /* a complex result */
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return *out = negate ? -1.0 : 1.0, 1;
    double ix = pow(iv, iw);
    if (isinf(ix)) return 0;   /* OverflowError */
    *out = negate ? -ix : ix;
    return 1;
}

static int float_binop(BinOpKind op, double x, double y, double *out)
{
    double mod, div, floordiv;
    switch (op) {
    case OP_ADD: *out = x + y; return 1;
    case OP_SUB: *out = x - y; return 1;
    case OP_MULT: *out = x * y; return 1;
    case OP_DIV:
        if (y == 0.0) return 0;
        *out = x / y;
        return 1;
    case OP_MOD:
        if (y == 0.0) return 0;
        mod = fmod(x, y);
        if (mod) {
            if ((y < 0) != (mod < 0)) mod += y;
        } else {
            mod = copysign(0.0, y);
        }
        *out = mod;
        return 1;
    case OP_FLOORDIV:
        if (y == 0.0) return 0;
        mod = fmod(x, y);
        div = (x - mod) / y;
        if (mod && (y < 0) != (mod < 0)) div -= 1.0;
        if (div) {
            floordiv = floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = copysign(0.0, x / y);
        }
        *out = floordiv;
        return 1;
    case OP_POW: return float_pow(x, y, out);
    default: return 0;
    }
}

/* ---- sequences ---- */

static Obj str_concat(Sim *S, Obj a, Obj b, int64_t times)
{
    size_t na = str_to_utf8(S, a, NULL, 0), nb = b ? str_to_utf8(S, b, NULL, 0) : 0;
    size_t one = na + nb, total = one * (size_t)times;
    char *buf = malloc(total + 1), *one_buf = malloc(one + 1);
    if (!buf || !one_buf) {
        free(buf);
        free(one_buf);
        return exc_no_memory(S);
    }
    str_to_utf8(S, a, one_buf, na + 1);
    if (b) str_to_utf8(S, b, one_buf + na, nb + 1);
    for (int64_t i = 0; i < times; i++) memcpy(buf + (size_t)i * one, one_buf, one);
    Obj r = cg_str_from_wtf8(S, buf, total);
    free(buf);
    free(one_buf);
    return r;
}

static Obj tuple_concat(Sim *S, Obj a, Obj b, int64_t times)
{
    int64_t na = ob_size(S, a), nb = b ? ob_size(S, b) : 0;
    Obj t = tuple_new(S, (na + nb) * times);
    if (!t) return 0;
    int64_t k = 0;
    for (int64_t r = 0; r < times; r++) {
        for (int64_t i = 0; i < na + nb; i++) {
            Obj it = i < na ? tuple_item(S, a, i) : tuple_item(S, b, i - na);
            ob_incref(S, it, HOLD_TEMP);
            tuple_set_item(S, t, k++, it);
        }
    }
    return t;
}

/* seq * n, n >= 0 (negative counts give the empty sequence). */
static Obj seq_repeat(Sim *S, Obj seq, int64_t n)
{
    if (n < 0 || seq_len(S, seq) == 0) n = 0;   /* '' * 10**12 is '' at once */
    if (ob_is(S, seq, TI_STR)) return str_concat(S, seq, 0, n);
    if (ob_is(S, seq, TI_BYTES)) return bytes_repeat(S, seq, n);
    if (ob_is(S, seq, TI_TUPLE)) return tuple_concat(S, seq, 0, n);
    return exc_set(S, EXC_TypeError, "can't multiply sequence");
}

#define MAX_INT_SIZE 128
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024

static int64_t check_complexity(Sim *S, Obj o, int64_t limit)
{
    if (ob_is(S, o, TI_TUPLE)) {
        limit -= ob_size(S, o);
        for (int64_t i = 0; limit >= 0 && i < ob_size(S, o); i++) limit = check_complexity(S, tuple_item(S, o, i), limit);
    } else if (ob_is(S, o, TI_FROZENSET)) {
        limit -= set_len(S, o);
        int64_t pos = 0;
        Obj k;
        while (limit >= 0 && set_next(S, o, &pos, &k)) limit = check_complexity(S, k, limit);
    }
    return limit;
}

/* ---- the operations (0: not folded, the error cleared) ---- */

static Obj number_binop(Sim *S, BinOpKind op, Obj l, Obj r)
{
    if (is_int(S, l) && is_int(S, r)) {
        switch (op) {
        case OP_ADD: return int_add(S, l, r);
        case OP_SUB: return int_sub(S, l, r);
        case OP_MULT: return int_mul(S, l, r);
        case OP_DIV: return int_truediv(S, l, r);
        case OP_FLOORDIV: return int_floordiv(S, l, r);
        case OP_MOD: return int_mod(S, l, r);
        case OP_POW: return int_pow(S, l, r);
        case OP_LSHIFT: return int_lshift(S, l, r);
        case OP_RSHIFT: return int_rshift(S, l, r);
        case OP_BITOR: return int_or(S, l, r);
        case OP_BITXOR: return int_xor(S, l, r);
        case OP_BITAND: return int_and(S, l, r);
        default: return 0;
        }
    }
    double x, y, z;
    if (!is_num(S, l) || !is_num(S, r) || !as_double(S, l, &x) || !as_double(S, r, &y)) return 0;
    if (!float_binop(op, x, y, &z)) return 0;
    return float_from_double(S, z);
}

static Obj safe_multiply(Sim *S, Obj v, Obj w)
{
    int ok;
    if (is_int(S, v) && is_int(S, w)) {
        if (ob_size(S, v) && ob_size(S, w) && num_bits(S, v) + num_bits(S, w) > MAX_INT_SIZE) return 0;
    } else if (is_int(S, v) && (ob_is(S, w, TI_TUPLE) || ob_is(S, w, TI_FROZENSET))) {
        int64_t size = seq_len(S, w);
        if (size) {
            int64_t n = as_i64(S, v, &ok);
            if (!ok || n < 0 || n > MAX_COLLECTION_SIZE / size) return 0;
            if (n && check_complexity(S, w, MAX_TOTAL_ITEMS / n) < 0) return 0;
        }
        if (ob_is(S, w, TI_FROZENSET)) return 0;
        return seq_repeat(S, w, as_i64(S, v, &ok));
    } else if (is_int(S, v) && (ob_is(S, w, TI_STR) || ob_is(S, w, TI_BYTES))) {
        int64_t size = seq_len(S, w), n = as_i64(S, v, &ok);
        if (size && (!ok || n < 0 || n > MAX_STR_SIZE / size)) return 0;
        if (!ok) return 0;
        return seq_repeat(S, w, n);
    } else if (is_int(S, w) && (ob_is(S, v, TI_TUPLE) || ob_is(S, v, TI_FROZENSET) || ob_is(S, v, TI_STR) ||
                                ob_is(S, v, TI_BYTES))) {
        return safe_multiply(S, w, v);
    }
    return number_binop(S, OP_MULT, v, w);
}

static Obj safe_power(Sim *S, Obj v, Obj w)
{
    if (is_int(S, v) && is_int(S, w) && ob_size(S, v) && ob_size(S, w) > 0) {
        int ok;
        int64_t wbits = as_i64(S, w, &ok);
        if (!ok) return 0;
        if (num_bits(S, v) > (uint64_t)(MAX_INT_SIZE / wbits)) return 0;
    }
    return number_binop(S, OP_POW, v, w);
}

static Obj safe_lshift(Sim *S, Obj v, Obj w)
{
    if (is_int(S, v) && is_int(S, w) && ob_size(S, v) && ob_size(S, w)) {
        int ok;
        int64_t wbits = as_i64(S, w, &ok);
        if (!ok || wbits < 0) return 0;
        uint64_t vbits = num_bits(S, v);
        if (wbits > MAX_INT_SIZE || vbits > (uint64_t)(MAX_INT_SIZE - wbits)) return 0;
    }
    return number_binop(S, OP_LSHIFT, v, w);
}

static Obj fold_binary(Sim *S, BinOpKind op, Obj l, Obj r)
{
    switch (op) {
    case OP_ADD:
        if (ob_is(S, l, TI_STR) && ob_is(S, r, TI_STR)) return str_concat(S, l, r, 1);
        if (ob_is(S, l, TI_BYTES) && ob_is(S, r, TI_BYTES)) return bytes_concat(S, l, r);
        if (ob_is(S, l, TI_TUPLE) && ob_is(S, r, TI_TUPLE)) return tuple_concat(S, l, r, 1);
        return number_binop(S, op, l, r);
    case OP_MULT: return safe_multiply(S, l, r);
    case OP_MOD:
        if (ob_is(S, l, TI_STR) || ob_is(S, l, TI_BYTES)) return 0;
        return number_binop(S, op, l, r);
    case OP_POW: return safe_power(S, l, r);
    case OP_LSHIFT: return safe_lshift(S, l, r);
    case OP_MATMULT: return 0;
    default: return number_binop(S, op, l, r);
    }
}

static Obj fold_unary(Compiler *c, UnaryOpKind op, Obj v)
{
    Sim *S = c->S;
    if (op == UOP_NOT) {
        Obj b = const_is_true(c, v) ? S->false_ : S->true_;
        ob_incref(S, b, HOLD_TEMP);
        return b;
    }
    if (is_float(S, v)) {
        if (op == UOP_INVERT) return 0;
        if (op == UOP_UADD) {
            ob_incref(S, v, HOLD_TEMP);
            return v;
        }
        return float_from_double(S, -float_value(S, v));
    }
    if (!is_int(S, v)) return 0;
    Obj i = as_int(S, v), r;
    switch (op) {
    case UOP_INVERT: r = int_invert(S, i); break;
    case UOP_UADD: r = int_pos(S, i); break;
    default: r = int_neg(S, i); break;
    }
    ob_decref(S, i, HOLD_TEMP);
    return r;
}

/* PyObject_GetItem(str/bytes/tuple, int) */
static Obj fold_subscript(Sim *S, Obj v, Obj idx)
{
    if (!is_int(S, idx)) return 0;
    if (!ob_is(S, v, TI_STR) && !ob_is(S, v, TI_BYTES) && !ob_is(S, v, TI_TUPLE)) return 0;
    int ok;
    int64_t i = as_i64(S, idx, &ok), n = seq_len(S, v);
    if (!ok) return 0;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return 0;
    if (ob_is(S, v, TI_TUPLE)) {
        Obj it = tuple_item(S, v, i);
        ob_incref(S, it, HOLD_TEMP);
        return it;
    }
    if (ob_is(S, v, TI_BYTES)) return int_from_i64(S, bytes_data(S, v)[i]);
    uint32_t ch = str_char(S, v, i);
    char buf[4];
    return cg_str_from_wtf8(S, buf, utf8_put(buf, ch));
}

/* ---- the walk ---- */

/* make_const: the node becomes a Constant holding `v` (a new reference);
 * no value means "leave it", dropping the error. */
static int make_const(Compiler *c, Node *n, Obj v)
{
    if (!v) {
        if (c->S->exc) {
            if (exc_matches(c->S, EXC_MemoryError)) return cg_sim_error(c), -1;
            exc_clear(c->S);
        }
        return 0;
    }
    /* a tuple folding just made (make_const_tuple, a sum, a product, a
     * slice): CPython's PyTuple_New, kept by the parser's arena */
    if (ob_is(c->S, v, TI_TUPLE) && ob_refcnt(c->S, v) == 1) fp_tuple_new(c->fp, ob_size(c->S, v));
    if (ob_is(c->S, v, TI_FLOAT) && ob_refcnt(c->S, v) == 1) fp_float_made(c->fp, 1);
    n->kind = AST_Constant;
    memset(&n->u.constant, 0, sizeof n->u.constant);
    return cg_set_const(c, n, v) ? 0 : -1;
}

static Obj value_of(Compiler *c, const Node *n) { return n->kind == AST_Constant ? cg_const_of(c, n) : 0; }

static int fold_expr(Compiler *c, Node *n);
static int fold_stmts(Compiler *c, NodeList *l);
static int fold_stmt(Compiler *c, Node *s);

static int fold_exprs(Compiler *c, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i] && fold_expr(c, l->items[i]) < 0) return -1;
    return 0;
}

static int fold_opt(Compiler *c, Node *n) { return n ? fold_expr(c, n) : 0; }

static int all_constant(const NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i]->kind != AST_Constant) return 0;
    return 1;
}

/* make_const_tuple: a tuple of the elements' values, or 0. */
static Obj const_tuple(Compiler *c, const NodeList *l)
{
    if (!all_constant(l)) return 0;
    Obj t = tuple_new(c->S, l->n);
    if (!t) return 0;
    for (int i = 0; i < l->n; i++) {
        Obj v = cg_const_of(c, l->items[i]);
        if (!v) {
            ob_decref(c->S, t, HOLD_TEMP);
            return 0;
        }
        ob_incref(c->S, v, HOLD_TEMP);
        tuple_set_item(c->S, t, i, v);
    }
    return t;
}

/* fold_iter: for-loop and comprehension iterables, the right operand of
 * in / not in. */
static int fold_iter(Compiler *c, Node *arg)
{
    Obj v;
    if (arg->kind == AST_List) {
        for (int i = 0; i < arg->u.seq.elts.n; i++)
            if (arg->u.seq.elts.items[i]->kind == AST_Starred) return 0;
        arg->kind = AST_Tuple;
        v = const_tuple(c, &arg->u.seq.elts);
    } else if (arg->kind == AST_Set) {
        v = const_tuple(c, &arg->u.seq.elts);
        if (v) {
            fp_tuple_new(c->fp, ob_size(c->S, v));   /* freed once the frozenset has its items */
            fp_frozenset_new(c->fp);                  /* kept by the parser's arena */
            fp_tuple_free(c->fp, ob_size(c->S, v));
            Obj fs = frozenset_new(c->S, v);
            ob_decref(c->S, v, HOLD_TEMP);
            v = fs;
        }
    } else {
        return 0;
    }
    return make_const(c, arg, v);
}

static int fold_unaryop(Compiler *c, Node *n)
{
    Node *arg = n->u.unaryop.operand;
    if (arg->kind != AST_Constant) {
        if (n->u.unaryop.op == UOP_NOT && arg->kind == AST_Compare && arg->u.compare.comparators.n == 1) {
            CmpOpKind op = arg->u.compare.ops[0];
            int flip = 1;
            switch (op) {
            case CMP_IS: op = CMP_ISNOT; break;
            case CMP_ISNOT: op = CMP_IS; break;
            case CMP_IN: op = CMP_NOTIN; break;
            case CMP_NOTIN: op = CMP_IN; break;
            default: flip = 0; break;
            }
            if (flip) {
                arg->u.compare.ops[0] = op;
                *n = *arg;   /* COPY_NODE: the comparison's own position too */
            }
        }
        return 0;
    }
    Obj v = value_of(c, arg);
    if (!v) return -1;
    return make_const(c, n, fold_unary(c, n->u.unaryop.op, v));
}

/* ---- 'fmt' % (a, b): an f-string (optimize_format, new in 3.11) ---- */

/* A Constant without a location holding fmt[start:end] with each %%
 * made %; NULL on error. */
static Node *format_literal(Compiler *c, Obj fmt, int64_t start, int64_t end)
{
    Sim *S = c->S;
    char *buf = malloc((size_t)(end - start) * 4 + 1);
    if (!buf) return cg_no_memory(c), NULL;
    size_t k = 0;
    for (int64_t i = start; i < end; i++) {
        uint32_t ch = str_char(S, fmt, i);
        if (ch == '%') i++;   /* %% -> % */
        k += utf8_put(buf + k, ch);
    }
    Obj v = cg_str_from_wtf8(S, buf, k);
    free(buf);
    Node *n = ast_node(c->arena, AST_Constant, -1, -1, -1, -1);
    if (!v || !n) {
        if (v) ob_decref(S, v, HOLD_TEMP);
        if (!v) exc_clear(S);
        return cg_no_memory(c), NULL;
    }
    return cg_set_const(c, n, v) ? n : NULL;
}

/* parse_literal: the text up to the next lone %, or NULL when empty. */
static Node *parse_literal(Compiler *c, Obj fmt, int64_t *ppos, int *failed)
{
    int64_t start = *ppos, pos = start, size = str_len(c->S, fmt);
    while (pos < size) {
        if (str_char(c->S, fmt, pos) != '%') pos++;
        else if (pos + 1 < size && str_char(c->S, fmt, pos + 1) == '%') pos += 2;
        else break;
    }
    *ppos = pos;
    if (pos == start) return NULL;
    Node *n = format_literal(c, fmt, start, pos);
    if (!n) *failed = 1;
    return n;
}

#define MAXDIGITS 3
#define F_LJUST 1

/* simple_format_arg_parse: flags, width and precision of at most two
 * digits, then the conversion character. */
static int simple_format_arg_parse(Sim *S, Obj fmt, int64_t *ppos, int *spec, int *flags, int *width, int *prec)
{
    int64_t pos = *ppos, len = str_len(S, fmt);
    uint32_t ch;
#define NEXTC                                  \
    do {                                       \
        if (pos >= len) return 0;              \
        ch = str_char(S, fmt, pos);            \
        pos++;                                 \
    } while (0)
    *flags = 0;
    for (;;) {
        NEXTC;
        if (ch == '-') *flags |= F_LJUST;
        else if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') *flags |= 2;
        else break;
    }
    if ('0' <= ch && ch <= '9') {
        *width = 0;
        int digits = 0;
        while ('0' <= ch && ch <= '9') {
            *width = *width * 10 + (int)(ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS) return 0;
        }
    }
    if (ch == '.') {
        NEXTC;
        *prec = 0;
        if ('0' <= ch && ch <= '9') {
            int digits = 0;
            while ('0' <= ch && ch <= '9') {
                *prec = *prec * 10 + (int)(ch - '0');
                NEXTC;
                if (++digits >= MAXDIGITS) return 0;
            }
        }
    }
#undef NEXTC
    *spec = (int)ch;
    *ppos = pos;
    return 1;
}

/* parse_format: a FormattedValue for %s, %r or %a; NULL otherwise. */
static Node *parse_format(Compiler *c, Obj fmt, int64_t *ppos, Node *arg, int *failed)
{
    int spec, flags, width = -1, prec = -1;
    if (!simple_format_arg_parse(c->S, fmt, ppos, &spec, &flags, &width, &prec)) return NULL;
    if (spec != 's' && spec != 'r' && spec != 'a') return NULL;
    char buf[1 + MAXDIGITS + 1 + MAXDIGITS + 1], *p = buf;
    if (!(flags & F_LJUST) && width > 0) *p++ = '>';
    if (width >= 0) p += snprintf(p, MAXDIGITS + 1, "%d", width);
    if (prec >= 0) p += snprintf(p, MAXDIGITS + 2, ".%d", prec);
    Node *format_spec = NULL;
    if (p != buf) {
        Obj v = str_from_utf8(c->S, buf, (size_t)(p - buf));
        format_spec = ast_node(c->arena, AST_Constant, -1, -1, -1, -1);
        if (!v || !format_spec || !cg_set_const(c, format_spec, v)) {
            *failed = 1;
            return cg_no_memory(c), NULL;
        }
    }
    Node *fv = ast_node(c->arena, AST_FormattedValue, arg->lineno, arg->col, arg->end_lineno, arg->end_col);
    if (!fv) {
        *failed = 1;
        return cg_no_memory(c), NULL;
    }
    fv->u.fvalue.value = arg;
    fv->u.fvalue.conversion = spec;
    fv->u.fvalue.format_spec = format_spec;
    return fv;
}

static int optimize_format(Compiler *c, Node *node, Obj fmt, const NodeList *elts)
{
    int64_t pos = 0, len = str_len(c->S, fmt);
    int cnt = 0, failed = 0;
    NodeList seq = {0};
    for (;;) {
        Node *lit = parse_literal(c, fmt, &pos, &failed);
        if (failed) return -1;
        if (lit && ast_list_push(c->arena, &seq, lit) < 0) return cg_no_memory(c), -1;
        if (pos >= len) break;
        if (cnt >= elts->n) return 0;   /* more format units than items */
        pos++;
        Node *e = parse_format(c, fmt, &pos, elts->items[cnt], &failed);
        cnt++;
        if (!e) return failed ? -1 : 0;
        if (ast_list_push(c->arena, &seq, e) < 0) return cg_no_memory(c), -1;
    }
    if (cnt < elts->n) return 0;   /* more items than format units */
    node->kind = AST_JoinedStr;
    memset(&node->u, 0, sizeof node->u);
    node->u.joinedstr.values = seq;
    return 0;
}

static int fold_binop(Compiler *c, Node *n)
{
    Node *l = n->u.binop.left, *r = n->u.binop.right;
    if (l->kind != AST_Constant) return 0;
    Obj lv = value_of(c, l);
    if (!lv) return -1;
    if (n->u.binop.op == OP_MOD && r->kind == AST_Tuple && ob_is(c->S, lv, TI_STR)) {
        int starred = 0;
        for (int i = 0; i < r->u.seq.elts.n; i++) starred |= r->u.seq.elts.items[i]->kind == AST_Starred;
        if (!starred) return optimize_format(c, n, lv, &r->u.seq.elts);
    }
    if (r->kind != AST_Constant) return 0;
    Obj rv = value_of(c, r);
    if (!rv) return -1;
    return make_const(c, n, fold_binary(c->S, n->u.binop.op, lv, rv));
}

static int fold_expr_kind(Compiler *c, Node *n)
{
    switch (n->kind) {
    case AST_BoolOp: return fold_exprs(c, &n->u.boolop.values);
    case AST_BinOp:
        if (fold_expr(c, n->u.binop.left) < 0 || fold_expr(c, n->u.binop.right) < 0) return -1;
        return fold_binop(c, n);
    case AST_UnaryOp:
        if (fold_expr(c, n->u.unaryop.operand) < 0) return -1;
        return fold_unaryop(c, n);
    case AST_Lambda:
        if (fold_exprs(c, &n->u.func.args->u.arguments.kw_defaults) < 0 ||
            fold_exprs(c, &n->u.func.args->u.arguments.defaults) < 0)
            return -1;
        return fold_exprs(c, &n->u.func.body);
    case AST_IfExp:
        if (fold_expr(c, n->u.ifexp.test) < 0 || fold_expr(c, n->u.ifexp.body) < 0) return -1;
        return fold_expr(c, n->u.ifexp.orelse);
    case AST_Dict:
        if (fold_exprs(c, &n->u.dict.keys) < 0) return -1;
        return fold_exprs(c, &n->u.dict.values);
    case AST_Set:
    case AST_List: return fold_exprs(c, &n->u.seq.elts);
    case AST_Tuple:
        if (fold_exprs(c, &n->u.seq.elts) < 0) return -1;
        if (n->u.seq.ctx != CTX_LOAD) return 0;
        return make_const(c, n, const_tuple(c, &n->u.seq.elts));
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp:
        if (fold_expr(c, n->u.comp.elt) < 0 || fold_opt(c, n->u.comp.value) < 0) return -1;
        for (int i = 0; i < n->u.comp.generators.n; i++) {
            Node *g = n->u.comp.generators.items[i];
            if (fold_expr(c, g->u.comprehension.target) < 0 || fold_expr(c, g->u.comprehension.iter) < 0 ||
                fold_exprs(c, &g->u.comprehension.ifs) < 0 || fold_iter(c, g->u.comprehension.iter) < 0)
                return -1;
        }
        return 0;
    case AST_Yield: return fold_opt(c, n->u.yield.value);
    case AST_Compare: {
        if (fold_expr(c, n->u.compare.left) < 0 || fold_exprs(c, &n->u.compare.comparators) < 0) return -1;
        int last = n->u.compare.comparators.n - 1;
        if (last >= 0 && (n->u.compare.ops[last] == CMP_IN || n->u.compare.ops[last] == CMP_NOTIN))
            return fold_iter(c, n->u.compare.comparators.items[last]);
        return 0;
    }
    case AST_Call:
        if (fold_expr(c, n->u.call.func) < 0 || fold_exprs(c, &n->u.call.args) < 0) return -1;
        for (int i = 0; i < n->u.call.keywords.n; i++)
            if (fold_expr(c, n->u.call.keywords.items[i]->u.keyword.value) < 0) return -1;
        return 0;
    case AST_FormattedValue:
        if (fold_expr(c, n->u.fvalue.value) < 0) return -1;
        return fold_opt(c, n->u.fvalue.format_spec);
    case AST_JoinedStr: return fold_exprs(c, &n->u.joinedstr.values);
    case AST_Attribute: return fold_expr(c, n->u.attribute.value);
    case AST_Subscript: {
        if (fold_expr(c, n->u.subscript.value) < 0 || fold_expr(c, n->u.subscript.slice) < 0) return -1;
        Node *v = n->u.subscript.value, *i = n->u.subscript.slice;
        if (n->u.subscript.ctx != CTX_LOAD || v->kind != AST_Constant || i->kind != AST_Constant) return 0;
        Obj vv = value_of(c, v), iv = value_of(c, i);
        if (!vv || !iv) return -1;
        return make_const(c, n, fold_subscript(c->S, vv, iv));
    }
    case AST_Starred: return fold_expr(c, n->u.starred.value);
    case AST_Slice:
        if (fold_opt(c, n->u.slice.lower) < 0 || fold_opt(c, n->u.slice.upper) < 0) return -1;
        return fold_opt(c, n->u.slice.step);
    case AST_Name:
        if (n->u.name.ctx == CTX_LOAD && !strcmp(n->u.name.id, "__debug__")) {
            ob_incref(c->S, c->S->true_, HOLD_TEMP);
            return make_const(c, n, c->S->true_);
        }
        return 0;
    default: return 0;
    }
}

/* _PyAST_GetDocString */
static int is_docstring(Compiler *c, const NodeList *body)
{
    if (!body->n) return 0;
    const Node *st = body->items[0];
    if (st->kind != AST_Expr || st->u.ret.value->kind != AST_Constant) return 0;
    Obj v = cg_const_of(c, st->u.ret.value);
    return v && ob_is(c->S, v, TI_STR);
}

/* astfold_body: a first statement that only folding made a string must
 * not become a docstring: it is wrapped in a JoinedStr. */
static int fold_body(Compiler *c, NodeList *body)
{
    int docstring = is_docstring(c, body);
    if (fold_stmts(c, body) < 0) return -1;
    if (!docstring && is_docstring(c, body)) {
        Node *st = body->items[0];
        Node *js = ast_node(c->arena, AST_JoinedStr, st->lineno, st->col, st->end_lineno, st->end_col);
        if (!js || ast_list_push(c->arena, &js->u.joinedstr.values, st->u.ret.value) < 0) return cg_no_memory(c), -1;
        st->u.ret.value = js;
    }
    return 0;
}

static int fold_arg_list(Compiler *c, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (fold_opt(c, l->items[i]->u.arg.annotation) < 0) return -1;
    return 0;
}

/* astfold_arguments: the annotations are folded too, in its order. */
static int fold_arguments(Compiler *c, Node *a)
{
    if (fold_arg_list(c, &a->u.arguments.posonlyargs) < 0 || fold_arg_list(c, &a->u.arguments.args) < 0 ||
        (a->u.arguments.vararg && fold_opt(c, a->u.arguments.vararg->u.arg.annotation) < 0) ||
        fold_arg_list(c, &a->u.arguments.kwonlyargs) < 0 || fold_exprs(c, &a->u.arguments.kw_defaults) < 0 ||
        (a->u.arguments.kwarg && fold_opt(c, a->u.arguments.kwarg->u.arg.annotation) < 0))
        return -1;
    return fold_exprs(c, &a->u.arguments.defaults);
}

static int fold_stmt_kind(Compiler *c, Node *s)
{
    switch (s->kind) {
    case AST_FunctionDef:
        if (fold_arguments(c, s->u.func.args) < 0 || fold_body(c, &s->u.func.body) < 0 ||
            fold_exprs(c, &s->u.func.decorators) < 0)
            return -1;
        return fold_opt(c, s->u.func.returns);
    case AST_ClassDef:
        if (fold_exprs(c, &s->u.cls.bases) < 0) return -1;
        for (int i = 0; i < s->u.cls.keywords.n; i++)
            if (fold_expr(c, s->u.cls.keywords.items[i]->u.keyword.value) < 0) return -1;
        if (fold_body(c, &s->u.cls.body) < 0) return -1;
        return fold_exprs(c, &s->u.cls.decorators);
    case AST_Return:
    case AST_Expr: return fold_opt(c, s->u.ret.value);
    case AST_Delete: return fold_exprs(c, &s->u.del.targets);
    case AST_Assign:
        if (fold_exprs(c, &s->u.assign.targets) < 0) return -1;
        return fold_expr(c, s->u.assign.value);
    case AST_AugAssign:
        if (fold_expr(c, s->u.augassign.target) < 0) return -1;
        return fold_expr(c, s->u.augassign.value);
    case AST_AnnAssign:
        if (fold_expr(c, s->u.annassign.target) < 0 || fold_expr(c, s->u.annassign.annotation) < 0)
            return -1;
        return fold_opt(c, s->u.annassign.value);
    case AST_For:
        if (fold_expr(c, s->u.forloop.target) < 0 || fold_expr(c, s->u.forloop.iter) < 0 ||
            fold_stmts(c, &s->u.forloop.body) < 0 || fold_stmts(c, &s->u.forloop.orelse) < 0)
            return -1;
        return fold_iter(c, s->u.forloop.iter);
    case AST_While:
    case AST_If:
        if (fold_expr(c, s->u.whileloop.test) < 0 || fold_stmts(c, &s->u.whileloop.body) < 0) return -1;
        return fold_stmts(c, &s->u.whileloop.orelse);
    case AST_Raise:
        if (fold_opt(c, s->u.raise.exc) < 0) return -1;
        return fold_opt(c, s->u.raise.cause);
    case AST_Try:
        if (fold_stmts(c, &s->u.trystmt.body) < 0) return -1;
        for (int i = 0; i < s->u.trystmt.handlers.n; i++) {
            Node *h = s->u.trystmt.handlers.items[i];
            if (fold_opt(c, h->u.handler.type) < 0 || fold_stmts(c, &h->u.handler.body) < 0) return -1;
        }
        if (fold_stmts(c, &s->u.trystmt.orelse) < 0) return -1;
        return fold_stmts(c, &s->u.trystmt.finalbody);
    case AST_Assert:
        if (fold_expr(c, s->u.assertstmt.test) < 0) return -1;
        return fold_opt(c, s->u.assertstmt.msg);
    default: return 0;
    }
}

static int fold_expr(Compiler *c, Node *n)
{
    int r = depth_enter(c, &c->fold_depth, FOLD_DEPTH_LIMIT) < 0 ? -1 : fold_expr_kind(c, n);
    c->fold_depth--;
    return r;
}

static int fold_stmt(Compiler *c, Node *s)
{
    int r = depth_enter(c, &c->fold_depth, FOLD_DEPTH_LIMIT) < 0 ? -1 : fold_stmt_kind(c, s);
    c->fold_depth--;
    return r;
}

static int fold_stmts(Compiler *c, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (fold_stmt(c, l->items[i]) < 0) return -1;
    return 0;
}

int ast_optimize(Compiler *c, Node *module) { return fold_body(c, &module->u.module.body); }
