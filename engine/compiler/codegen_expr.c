/* codegen_expr.c -- expressions: displays, calls, comparisons, boolean
 * jumps, comprehensions, f-strings, unpacking, after CPython 3.11's
 * compile.c (compiler_visit_expr1 and its helpers). */
#include <stdlib.h>
#include <string.h>

#include "compiler/cfg.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

#define TRY(x)        \
    do {              \
        if (!(x)) return 0; \
    } while (0)

enum { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP };

int cg_binop_index(BinOpKind op)
{
    static const int nb[] = {
        [OP_ADD] = 0, [OP_SUB] = 10, [OP_MULT] = 5, [OP_MATMULT] = 4, [OP_DIV] = 11, [OP_MOD] = 6,
        [OP_POW] = 8, [OP_LSHIFT] = 3, [OP_RSHIFT] = 9, [OP_BITOR] = 7, [OP_BITXOR] = 12, [OP_BITAND] = 1,
        [OP_FLOORDIV] = 2,
    };
    return nb[op];
}

static int utf8_chars(const char *s)
{
    int n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

void cg_update_start_location_to_match_attr(Compiler *c, const Node *attr)
{
    Unit *u = c->u;
    if (u->lineno == attr->end_lineno) return;
    u->lineno = attr->end_lineno;
    int len = utf8_chars(attr->u.attribute.attr);
    if (len <= attr->end_col) {
        u->col = attr->end_col - len;
    } else {
        u->col = -1;
        u->end_col = -1;
    }
    if (u->end_lineno < u->lineno) u->end_lineno = u->lineno;
    if (u->lineno == u->end_lineno && u->end_col < u->col) u->end_col = u->col;
}

static int visit_exprs(Compiler *c, const NodeList *l)
{
    for (int i = 0; i < l->n; i++) TRY(cg_visit_expr(c, l->items[i]));
    return 1;
}

static int all_const(const NodeList *l, int begin, int end)
{
    for (int i = begin; i < end; i++)
        if (!l->items[i] || l->items[i]->kind != AST_Constant) return 0;
    return 1;
}

/* A tuple of the values of Constant nodes l[begin:end] (new reference). */
static Obj const_tuple_of(Compiler *c, const NodeList *l, int begin, int end)
{
    Obj t = tuple_new(c->S, end - begin);
    if (!t) return cg_sim_error(c);
    fp_tuple_new(c->fp, end - begin);
    for (int i = begin; i < end; i++) {
        Obj v = cg_const_of(c, l->items[i]);
        if (!v) {
            ob_decref(c->S, t, HOLD_TEMP);
            return 0;
        }
        ob_incref(c->S, v, HOLD_TEMP);
        tuple_set_item(c->S, t, i - begin, v);
    }
    return t;
}

/* ADDOP_LOAD_CONST_NEW: loads `o` and releases the caller's reference. */
static int load_const_new(Compiler *c, Obj o)
{
    if (!o) return 0;
    int ok = cg_addop_load_const(c, o);
    if (ok) cg_fp_release_new(c, o);
    ob_decref(c->S, o, HOLD_TEMP);
    return ok;
}

/* ---- displays ---- */

static int starunpack_helper(Compiler *c, const NodeList *elts, int pushed, int build, int add, int extend,
                             int tuple)
{
    Sim *S = c->S;
    int n = elts->n;
    if (n > 2 && all_const(elts, 0, n)) {
        Obj folded = const_tuple_of(c, elts, 0, n);
        TRY(folded);
        if (tuple && !pushed) return load_const_new(c, folded);
        if (add == OP_SET_ADD) {
            Obj fs = frozenset_new(S, folded);
            fp_frozenset_new(c->fp);
            fp_tuple_free(c->fp, n);
            ob_decref(S, folded, HOLD_TEMP);
            if (!fs) return cg_sim_error(c);
            folded = fs;
        }
        if (!cg_addop_i(c, build, pushed)) {
            ob_decref(S, folded, HOLD_TEMP);
            return 0;
        }
        TRY(load_const_new(c, folded));
        TRY(cg_addop_i(c, extend, 1));
        if (tuple) TRY(cg_addop(c, OP_LIST_TO_TUPLE));
        return 1;
    }
    int big = n + pushed > STACK_USE_GUIDELINE, seen_star = 0;
    for (int i = 0; i < n; i++)
        if (elts->items[i]->kind == AST_Starred) seen_star = 1;
    if (!seen_star && !big) {
        TRY(visit_exprs(c, elts));
        return cg_addop_i(c, tuple ? OP_BUILD_TUPLE : build, n + pushed);
    }
    int built = 0;
    if (big) {
        TRY(cg_addop_i(c, build, pushed));
        built = 1;
    }
    for (int i = 0; i < n; i++) {
        const Node *elt = elts->items[i];
        if (elt->kind == AST_Starred) {
            if (!built) {
                TRY(cg_addop_i(c, build, i + pushed));
                built = 1;
            }
            TRY(cg_visit_expr(c, elt->u.starred.value));
            TRY(cg_addop_i(c, extend, 1));
        } else {
            TRY(cg_visit_expr(c, elt));
            if (built) TRY(cg_addop_i(c, add, 1));
        }
    }
    if (tuple) TRY(cg_addop(c, OP_LIST_TO_TUPLE));
    return 1;
}

static int unpack_helper(Compiler *c, const NodeList *elts)
{
    int n = elts->n, seen_star = 0;
    for (int i = 0; i < n; i++) {
        if (elts->items[i]->kind != AST_Starred) continue;
        if (seen_star) return cg_error(c, "multiple starred expressions in assignment");
        if (i >= (1 << 8) || n - i - 1 >= (0x7fffffff >> 8))
            return cg_error(c, "too many expressions in star-unpacking assignment");
        TRY(cg_addop_i(c, OP_UNPACK_EX, i + ((n - i - 1) << 8)));
        seen_star = 1;
    }
    if (!seen_star) TRY(cg_addop_i(c, OP_UNPACK_SEQUENCE, n));
    return 1;
}

static int assignment_helper(Compiler *c, const NodeList *elts)
{
    TRY(unpack_helper(c, elts));
    for (int i = 0; i < elts->n; i++) {
        const Node *elt = elts->items[i];
        TRY(cg_visit_expr(c, elt->kind == AST_Starred ? elt->u.starred.value : elt));
    }
    return 1;
}

static int compile_sequence(Compiler *c, const Node *e, int tuple)
{
    if (e->u.seq.ctx == CTX_STORE) return assignment_helper(c, &e->u.seq.elts);
    if (e->u.seq.ctx == CTX_LOAD)
        return starunpack_helper(c, &e->u.seq.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, tuple);
    return visit_exprs(c, &e->u.seq.elts);
}

static int compile_subdict(Compiler *c, const Node *e, int begin, int end)
{
    int n = end - begin, big = n * 2 > STACK_USE_GUIDELINE;
    const NodeList *keys = &e->u.dict.keys, *values = &e->u.dict.values;
    if (n > 1 && !big && all_const(keys, begin, end)) {
        for (int i = begin; i < end; i++) TRY(cg_visit_expr(c, values->items[i]));
        TRY(load_const_new(c, const_tuple_of(c, keys, begin, end)));
        return cg_addop_i(c, OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big) TRY(cg_addop_i(c, OP_BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        TRY(cg_visit_expr(c, keys->items[i]));
        TRY(cg_visit_expr(c, values->items[i]));
        if (big) TRY(cg_addop_i(c, OP_MAP_ADD, 1));
    }
    if (!big) TRY(cg_addop_i(c, OP_BUILD_MAP, n));
    return 1;
}

static int compile_dict(Compiler *c, const Node *e)
{
    int n = e->u.dict.values.n, have_dict = 0, elements = 0;
    for (int i = 0; i < n; i++) {
        if (!e->u.dict.keys.items[i]) {
            if (elements) {
                TRY(compile_subdict(c, e, i - elements, i));
                if (have_dict) TRY(cg_addop_i(c, OP_DICT_UPDATE, 1));
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                TRY(cg_addop_i(c, OP_BUILD_MAP, 0));
                have_dict = 1;
            }
            TRY(cg_visit_expr(c, e->u.dict.values.items[i]));
            TRY(cg_addop_i(c, OP_DICT_UPDATE, 1));
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            TRY(compile_subdict(c, e, i - elements, i + 1));
            if (have_dict) TRY(cg_addop_i(c, OP_DICT_UPDATE, 1));
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        TRY(compile_subdict(c, e, n - elements, n));
        if (have_dict) TRY(cg_addop_i(c, OP_DICT_UPDATE, 1));
        have_dict = 1;
    }
    if (!have_dict) TRY(cg_addop_i(c, OP_BUILD_MAP, 0));
    return 1;
}

/* ---- compile-time warnings: compile.c's check_* helpers ----
 *
 * CPython warns where a literal makes the code certainly wrong at run
 * time (or certainly pointless).  The tree is the folded one, as in
 * CPython: (1, 2) and -1 are constants here. */

/* The kind of a Constant's value.  A folded constant's value is an object
 * in the compiler's node map (its AstConst is blank); the others are read
 * from the tree, so that a check allocates nothing the code generator
 * would not (their objects are made when the code generator reaches them). */
static AstConstKind const_kind(Compiler *c, const Node *e)
{
    Sim *S = c->S;
    Obj o = ptrmap_get(&c->node_consts, (uint64_t)(uintptr_t)e);
    if (!o) return e->u.constant.value.kind;
    if (o == S->none) return CONST_NONE;
    if (o == S->true_) return CONST_TRUE;
    if (o == S->false_) return CONST_FALSE;
    if (o == S->ellipsis) return CONST_ELLIPSIS;
    if (ob_is(S, o, TI_INT)) return CONST_INT;
    if (ob_is(S, o, TI_FLOAT)) return CONST_FLOAT;
    if (ob_is(S, o, TI_STR)) return CONST_STR;
    if (ob_is(S, o, TI_BYTES)) return CONST_BYTES;
    if (ob_is(S, o, TI_TUPLE)) return CONST_TUPLE;
    if (ob_is(S, o, TI_FROZENSET)) return CONST_FROZENSET;
    return CONST_COMPLEX;   /* the one kind left; refscope never folds to it */
}

/* A constant's type name, as Py_TYPE(value)->tp_name. */
static const char *const_type_name(Compiler *c, const Node *e)
{
    switch (const_kind(c, e)) {
    case CONST_NONE: return "NoneType";
    case CONST_TRUE:
    case CONST_FALSE: return "bool";
    case CONST_ELLIPSIS: return "ellipsis";
    case CONST_INT: return "int";
    case CONST_FLOAT: return "float";
    case CONST_COMPLEX: return "complex";
    case CONST_STR: return "str";
    case CONST_BYTES: return "bytes";
    case CONST_TUPLE: return "tuple";
    case CONST_FROZENSET: return "frozenset";
    }
    return NULL;
}

/* infer_type: the type of what the expression certainly evaluates to, or
 * NULL when the tree does not say. */
static const char *infer_type(Compiler *c, const Node *e)
{
    switch (e->kind) {
    case AST_Tuple: return "tuple";
    case AST_List:
    case AST_ListComp: return "list";
    case AST_Dict:
    case AST_DictComp: return "dict";
    case AST_Set:
    case AST_SetComp: return "set";
    case AST_GeneratorExp: return "generator";
    case AST_Lambda: return "function";
    case AST_JoinedStr:
    case AST_FormattedValue: return "str";
    case AST_Constant: return const_type_name(c, e);
    default: return NULL;
    }
}

static int const_is(Compiler *c, const Node *e, AstConstKind k)
{
    return e->kind == AST_Constant && const_kind(c, e) == k;
}

int cg_const_is_nonempty_tuple(Compiler *c, const Node *e)
{
    if (e->kind != AST_Constant || const_kind(c, e) != CONST_TUPLE) return 0;
    Obj o = ptrmap_get(&c->node_consts, (uint64_t)(uintptr_t)e);
    return o ? ob_size(c->S, o) > 0 : e->u.constant.value.nitems > 0;
}

/* check_is_arg: anything but a literal, or one of the named singletons
 * whose identity is guaranteed. */
static int check_is_arg(Compiler *c, const Node *e)
{
    if (e->kind != AST_Constant) return 1;
    AstConstKind k = const_kind(c, e);
    return k == CONST_NONE || k == CONST_FALSE || k == CONST_TRUE || k == CONST_ELLIPSIS;
}

/* check_compare: "is" / "is not" with a literal operand; one warning per
 * comparison at most (the first such operator of a chain). */
static int check_compare(Compiler *c, const Node *e)
{
    int left = check_is_arg(c, e->u.compare.left);
    const NodeList *comps = &e->u.compare.comparators;
    for (int i = 0; i < comps->n; i++) {
        CmpOpKind op = e->u.compare.ops[i];
        int right = check_is_arg(c, comps->items[i]);
        if ((op == CMP_IS || op == CMP_ISNOT) && (!right || !left)) {
            return op == CMP_IS ? cg_warn(c, "\"is\" with a literal. Did you mean \"==\"?")
                                : cg_warn(c, "\"is not\" with a literal. Did you mean \"!=\"?");
        }
        left = right;
    }
    return 1;
}

/* check_caller: calling a display, a comprehension or a literal. */
static int check_caller(Compiler *c, const Node *e)
{
    switch (e->kind) {
    case AST_Constant:
    case AST_Tuple:
    case AST_List:
    case AST_ListComp:
    case AST_Dict:
    case AST_DictComp:
    case AST_Set:
    case AST_SetComp:
    case AST_GeneratorExp:
    case AST_JoinedStr:
    case AST_FormattedValue:
        return cg_warn(c, "'%.200s' object is not callable; perhaps you missed a comma?", infer_type(c, e));
    default: return 1;
    }
}

/* check_subscripter: subscripting what has no __getitem__ (a str, bytes
 * or tuple literal has one). */
static int check_subscripter(Compiler *c, const Node *e)
{
    int warn;
    switch (e->kind) {
    case AST_Constant:
        switch (const_kind(c, e)) {
        case CONST_STR:
        case CONST_BYTES:
        case CONST_TUPLE: warn = 0; break;
        default: warn = 1; break;
        }
        break;
    case AST_Set:
    case AST_SetComp:
    case AST_GeneratorExp:
    case AST_Lambda: warn = 1; break;
    default: warn = 0; break;
    }
    return !warn || cg_warn(c, "'%.200s' object is not subscriptable; perhaps you missed a comma?", infer_type(c, e));
}

/* check_index: a sequence literal indexed by what is certainly neither an
 * int (bool included) nor a slice. */
static int check_index(Compiler *c, const Node *e, const Node *s)
{
    const char *index_type = infer_type(c, s);
    if (!index_type || const_is(c, s, CONST_INT) || const_is(c, s, CONST_TRUE) || const_is(c, s, CONST_FALSE))
        return 1;
    int warn;
    switch (e->kind) {
    case AST_Constant:
        warn = const_is(c, e, CONST_STR) || const_is(c, e, CONST_BYTES) || const_is(c, e, CONST_TUPLE);
        break;
    case AST_Tuple:
    case AST_List:
    case AST_ListComp:
    case AST_JoinedStr:
    case AST_FormattedValue: warn = 1; break;
    default: warn = 0; break;
    }
    return !warn || cg_warn(c, "%.200s indices must be integers or slices, not %.200s; perhaps you missed a comma?",
                            infer_type(c, e), index_type);
}

/* ---- comparisons and boolean jumps ---- */

static int addcompare(Compiler *c, CmpOpKind op)
{
    static const int cmp[] = {[CMP_LT] = 0, [CMP_LTE] = 1, [CMP_EQ] = 2, [CMP_NOTEQ] = 3, [CMP_GT] = 4, [CMP_GTE] = 5};
    switch (op) {
    case CMP_IS: return cg_addop_i(c, OP_IS_OP, 0);
    case CMP_ISNOT: return cg_addop_i(c, OP_IS_OP, 1);
    case CMP_IN: return cg_addop_i(c, OP_CONTAINS_OP, 0);
    case CMP_NOTIN: return cg_addop_i(c, OP_CONTAINS_OP, 1);
    default: return cg_addop_i(c, OP_COMPARE_OP, cmp[op]);
    }
}

static int compile_compare(Compiler *c, const Node *e)
{
    const NodeList *comps = &e->u.compare.comparators;
    int n = comps->n - 1;
    TRY(check_compare(c, e));
    TRY(cg_visit_expr(c, e->u.compare.left));
    if (n == 0) {
        TRY(cg_visit_expr(c, comps->items[0]));
        return addcompare(c, e->u.compare.ops[0]);
    }
    Block *cleanup = cg_new_block(c);
    TRY(cleanup);
    for (int i = 0; i < n; i++) {
        TRY(cg_visit_expr(c, comps->items[i]));
        TRY(cg_addop_i(c, OP_SWAP, 2) && cg_addop_i(c, OP_COPY, 2));
        TRY(addcompare(c, e->u.compare.ops[i]));
        TRY(cg_addop_j(c, OP_JUMP_IF_FALSE_OR_POP, cleanup));
    }
    TRY(cg_visit_expr(c, comps->items[n]));
    TRY(addcompare(c, e->u.compare.ops[n]));
    Block *end = cg_new_block(c);
    TRY(end);
    TRY(cg_addop_j_noline(c, OP_JUMP, end));
    cg_use_next_block(c, cleanup);
    TRY(cg_addop_i(c, OP_SWAP, 2) && cg_addop(c, OP_POP_TOP));
    cg_use_next_block(c, end);
    return 1;
}

int cg_jump_if(Compiler *c, const Node *e, Block *next, int cond)
{
    switch (e->kind) {
    case AST_UnaryOp:
        if (e->u.unaryop.op == UOP_NOT) return cg_jump_if(c, e->u.unaryop.operand, next, !cond);
        break;
    case AST_BoolOp: {
        const NodeList *s = &e->u.boolop.values;
        int n = s->n - 1, cond2 = e->u.boolop.op == BOOL_OR;
        Block *next2 = next;
        if (!cond2 != !cond) TRY(next2 = cg_new_block(c));
        for (int i = 0; i < n; i++) TRY(cg_jump_if(c, s->items[i], next2, cond2));
        TRY(cg_jump_if(c, s->items[n], next, cond));
        if (next2 != next) cg_use_next_block(c, next2);
        return 1;
    }
    case AST_IfExp: {
        Block *end = cg_new_block(c), *next2;
        TRY(end);
        TRY(next2 = cg_new_block(c));
        TRY(cg_jump_if(c, e->u.ifexp.test, next2, 0));
        TRY(cg_jump_if(c, e->u.ifexp.body, next, cond));
        TRY(cg_addop_j_noline(c, OP_JUMP, end));
        cg_use_next_block(c, next2);
        TRY(cg_jump_if(c, e->u.ifexp.orelse, next, cond));
        cg_use_next_block(c, end);
        return 1;
    }
    case AST_Compare: {
        cg_set_loc(c, e);
        const NodeList *comps = &e->u.compare.comparators;
        int n = comps->n - 1;
        if (n <= 0) break;
        TRY(check_compare(c, e));
        Block *cleanup = cg_new_block(c);
        TRY(cleanup);
        TRY(cg_visit_expr(c, e->u.compare.left));
        for (int i = 0; i < n; i++) {
            TRY(cg_visit_expr(c, comps->items[i]));
            TRY(cg_addop_i(c, OP_SWAP, 2) && cg_addop_i(c, OP_COPY, 2));
            TRY(addcompare(c, e->u.compare.ops[i]));
            TRY(cg_addop_j(c, OP_POP_JUMP_IF_FALSE, cleanup));
        }
        TRY(cg_visit_expr(c, comps->items[n]));
        TRY(addcompare(c, e->u.compare.ops[n]));
        TRY(cg_addop_j(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next));
        Block *end = cg_new_block(c);
        TRY(end);
        TRY(cg_addop_j_noline(c, OP_JUMP, end));
        cg_use_next_block(c, cleanup);
        TRY(cg_addop(c, OP_POP_TOP));
        if (!cond) TRY(cg_addop_j_noline(c, OP_JUMP, next));
        cg_use_next_block(c, end);
        return 1;
    }
    default: break;
    }
    TRY(cg_visit_expr(c, e));
    return cg_addop_j(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next);
}

static int compile_ifexp(Compiler *c, const Node *e)
{
    Block *end = cg_new_block(c), *next;
    TRY(end);
    TRY(next = cg_new_block(c));
    TRY(cg_jump_if(c, e->u.ifexp.test, next, 0));
    TRY(cg_visit_expr(c, e->u.ifexp.body));
    TRY(cg_addop_j_noline(c, OP_JUMP, end));
    cg_use_next_block(c, next);
    TRY(cg_visit_expr(c, e->u.ifexp.orelse));
    cg_use_next_block(c, end);
    return 1;
}

static int compile_boolop(Compiler *c, const Node *e)
{
    int jumpi = e->u.boolop.op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    Block *end = cg_new_block(c);
    TRY(end);
    const NodeList *s = &e->u.boolop.values;
    int n = s->n - 1;
    for (int i = 0; i < n; i++) {
        TRY(cg_visit_expr(c, s->items[i]));
        TRY(cg_addop_j(c, jumpi, end));
        Block *next = cg_new_block(c);
        TRY(next);
        cg_use_next_block(c, next);
    }
    TRY(cg_visit_expr(c, s->items[n]));
    cg_use_next_block(c, end);
    return 1;
}

/* ---- calls ---- */

static int validate_keywords(Compiler *c, const NodeList *keywords)
{
    for (int i = 0; i < keywords->n; i++) {
        const Node *key = keywords->items[i];
        if (!key->u.keyword.arg) continue;
        if (!strcmp(key->u.keyword.arg, "__debug__")) return cg_error(c, "cannot assign to __debug__");
        for (int j = i + 1; j < keywords->n; j++) {
            const Node *other = keywords->items[j];
            if (other->u.keyword.arg && !strcmp(key->u.keyword.arg, other->u.keyword.arg)) {
                cg_set_loc(c, other);
                return cg_error(c, "keyword argument repeated: %s", key->u.keyword.arg);
            }
        }
    }
    return 1;
}

/* KW_NAMES with the tuple of the keywords' names. */
static int call_simple_kw_helper(Compiler *c, const NodeList *keywords)
{
    Sim *S = c->S;
    Obj names = tuple_new(S, keywords->n);
    if (!names) return cg_sim_error(c);
    fp_tuple_new(c->fp, keywords->n);
    for (int i = 0; i < keywords->n; i++) {
        Obj s = cg_ident(c, keywords->items[i]->u.keyword.arg);
        if (!s) {
            ob_decref(S, names, HOLD_TEMP);
            return 0;
        }
        ob_incref(S, s, HOLD_TEMP);
        tuple_set_item(S, names, i, s);
    }
    int arg = cg_add_const(c, names);
    if (arg >= 0) cg_fp_release_new(c, names);
    ob_decref(S, names, HOLD_TEMP);
    return arg >= 0 && cg_addop_i(c, OP_KW_NAMES, arg);
}

static int compile_subkwargs(Compiler *c, const NodeList *keywords, int begin, int end)
{
    Sim *S = c->S;
    int n = end - begin, big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (int i = begin; i < end; i++) TRY(cg_visit_expr(c, keywords->items[i]->u.keyword.value));
        Obj keys = tuple_new(S, n);
        if (!keys) return cg_sim_error(c);
        fp_tuple_new(c->fp, n);
        for (int i = begin; i < end; i++) {
            Obj s = cg_ident(c, keywords->items[i]->u.keyword.arg);
            if (!s) {
                ob_decref(S, keys, HOLD_TEMP);
                return 0;
            }
            ob_incref(S, s, HOLD_TEMP);
            tuple_set_item(S, keys, i - begin, s);
        }
        TRY(load_const_new(c, keys));
        return cg_addop_i(c, OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big) TRY(cg_addop_i_noline(c, OP_BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        Obj s = cg_ident(c, keywords->items[i]->u.keyword.arg);
        TRY(s && cg_addop_load_const(c, s));
        TRY(cg_visit_expr(c, keywords->items[i]->u.keyword.value));
        if (big) TRY(cg_addop_i_noline(c, OP_MAP_ADD, 1));
    }
    if (!big) TRY(cg_addop_i(c, OP_BUILD_MAP, n));
    return 1;
}

int cg_call_helper(Compiler *c, int n, const NodeList *args, const NodeList *keywords)
{
    TRY(validate_keywords(c, keywords));
    int nelts = args->n, nkwelts = keywords->n, ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE;
    for (int i = 0; i < nelts && !ex_call; i++) ex_call = args->items[i]->kind == AST_Starred;
    for (int i = 0; i < nkwelts && !ex_call; i++) ex_call = keywords->items[i]->u.keyword.arg == NULL;
    if (!ex_call) {
        TRY(visit_exprs(c, args));
        if (nkwelts) {
            for (int i = 0; i < nkwelts; i++) TRY(cg_visit_expr(c, keywords->items[i]->u.keyword.value));
            TRY(call_simple_kw_helper(c, keywords));
        }
        return cg_addop_i(c, OP_PRECALL, n + nelts + nkwelts) && cg_addop_i(c, OP_CALL, n + nelts + nkwelts);
    }
    if (n == 0 && nelts == 1 && args->items[0]->kind == AST_Starred)
        TRY(cg_visit_expr(c, args->items[0]->u.starred.value));
    else
        TRY(starunpack_helper(c, args, n, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, 1));
    if (nkwelts) {
        int have_dict = 0, nseen = 0;
        for (int i = 0; i < nkwelts; i++) {
            const Node *kw = keywords->items[i];
            if (kw->u.keyword.arg) {
                nseen++;
                continue;
            }
            if (nseen) {
                TRY(compile_subkwargs(c, keywords, i - nseen, i));
                if (have_dict) TRY(cg_addop_i(c, OP_DICT_MERGE, 1));
                have_dict = 1;
                nseen = 0;
            }
            if (!have_dict) {
                TRY(cg_addop_i(c, OP_BUILD_MAP, 0));
                have_dict = 1;
            }
            TRY(cg_visit_expr(c, kw->u.keyword.value));
            TRY(cg_addop_i(c, OP_DICT_MERGE, 1));
        }
        if (nseen) {
            TRY(compile_subkwargs(c, keywords, nkwelts - nseen, nkwelts));
            if (have_dict) TRY(cg_addop_i(c, OP_DICT_MERGE, 1));
        }
    }
    return cg_addop_i(c, OP_CALL_FUNCTION_EX, nkwelts > 0);
}

/* is_import_originated: a module-level name bound by an import. */
static int is_import_originated(Compiler *c, const Node *e)
{
    if (e->kind != AST_Name) return 0;
    return (sym_flags(symtable_top(c->st), e->u.name.id) & SYM_DEF_IMPORT) != 0;
}

/* maybe_optimize_method_call: 1 done, -1 not applicable, 0 error. */
static int maybe_optimize_method_call(Compiler *c, const Node *e)
{
    const Node *meth = e->u.call.func;
    const NodeList *args = &e->u.call.args, *kwds = &e->u.call.keywords;
    if (meth->kind != AST_Attribute || meth->u.attribute.ctx != CTX_LOAD) return -1;
    if (is_import_originated(c, meth->u.attribute.value)) return -1;
    int argsl = args->n, kwdsl = kwds->n;
    if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE) return -1;
    for (int i = 0; i < argsl; i++)
        if (args->items[i]->kind == AST_Starred) return -1;
    for (int i = 0; i < kwdsl; i++)
        if (!kwds->items[i]->u.keyword.arg) return -1;
    TRY(cg_visit_expr(c, meth->u.attribute.value));
    cg_set_loc(c, meth);
    cg_update_start_location_to_match_attr(c, meth);
    TRY(cg_addop_name(c, OP_LOAD_METHOD, &c->u->names, meth->u.attribute.attr));
    TRY(visit_exprs(c, args));
    if (kwdsl) {
        for (int i = 0; i < kwdsl; i++) TRY(cg_visit_expr(c, kwds->items[i]->u.keyword.value));
        TRY(call_simple_kw_helper(c, kwds));
    }
    cg_set_loc(c, e);
    cg_update_start_location_to_match_attr(c, meth);
    return cg_addop_i(c, OP_PRECALL, argsl + kwdsl) && cg_addop_i(c, OP_CALL, argsl + kwdsl);
}

static int compile_call(Compiler *c, const Node *e)
{
    TRY(validate_keywords(c, &e->u.call.keywords));
    int ret = maybe_optimize_method_call(c, e);
    if (ret >= 0) return ret;
    TRY(check_caller(c, e->u.call.func));
    cg_set_loc(c, e->u.call.func);
    TRY(cg_addop(c, OP_PUSH_NULL));
    cg_set_loc(c, e);
    TRY(cg_visit_expr(c, e->u.call.func));
    return cg_call_helper(c, 0, &e->u.call.args, &e->u.call.keywords);
}

/* ---- f-strings ---- */

static int compile_joined_str(Compiler *c, const Node *e)
{
    const NodeList *values = &e->u.joinedstr.values;
    if (values->n > STACK_USE_GUIDELINE) {
        Obj empty = c->S->empty_str;
        TRY(cg_addop_load_const(c, empty));
        TRY(cg_addop_name(c, OP_LOAD_METHOD, &c->u->names, "join"));
        TRY(cg_addop_i(c, OP_BUILD_LIST, 0));
        for (int i = 0; i < values->n; i++) {
            TRY(cg_visit_expr(c, values->items[i]));
            TRY(cg_addop_i(c, OP_LIST_APPEND, 1));
        }
        return cg_addop_i(c, OP_PRECALL, 1) && cg_addop_i(c, OP_CALL, 1);
    }
    TRY(visit_exprs(c, values));
    if (values->n != 1) TRY(cg_addop_i(c, OP_BUILD_STRING, values->n));
    return 1;
}

static int compile_formatted_value(Compiler *c, const Node *e)
{
    int oparg;
    TRY(cg_visit_expr(c, e->u.fvalue.value));
    switch (e->u.fvalue.conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    case -1: oparg = 0; break;
    default: return cg_error(c, "Unrecognized conversion character %d", e->u.fvalue.conversion);
    }
    if (e->u.fvalue.format_spec) {
        TRY(cg_visit_expr(c, e->u.fvalue.format_spec));
        oparg |= 4;
    }
    return cg_addop_i(c, OP_FORMAT_VALUE, oparg);
}

/* ---- comprehensions ---- */

static int comprehension_generator(Compiler *c, const NodeList *generators, int gen_index, int depth,
                                   const Node *elt, const Node *val, int type)
{
    Block *start = cg_new_block(c), *if_cleanup = cg_new_block(c), *anchor = cg_new_block(c);
    TRY(start && if_cleanup && anchor);
    const Node *gen = generators->items[gen_index];
    if (gen_index == 0) {
        c->u->argcount = 1;
        TRY(cg_addop_i(c, OP_LOAD_FAST, 0));
    } else {
        /* for y in [f(x)]: the one element, no loop */
        const Node *it = gen->u.comprehension.iter;
        const NodeList *elts = it->kind == AST_List || it->kind == AST_Tuple ? &it->u.seq.elts : NULL;
        if (elts && elts->n == 1 && elts->items[0]->kind != AST_Starred) {
            TRY(cg_visit_expr(c, elts->items[0]));
            start = NULL;
        }
        if (start) {
            TRY(cg_visit_expr(c, it));
            TRY(cg_addop(c, OP_GET_ITER));
        }
    }
    if (start) {
        depth++;
        cg_use_next_block(c, start);
        TRY(cg_addop_j(c, OP_FOR_ITER, anchor));
    }
    TRY(cg_visit_expr(c, gen->u.comprehension.target));
    for (int i = 0; i < gen->u.comprehension.ifs.n; i++)
        TRY(cg_jump_if(c, gen->u.comprehension.ifs.items[i], if_cleanup, 0));
    if (++gen_index < generators->n)
        TRY(comprehension_generator(c, generators, gen_index, depth, elt, val, type));
    if (gen_index >= generators->n) {
        TRY(cg_visit_expr(c, elt));
        switch (type) {
        case COMP_GENEXP:
            TRY(cg_addop(c, OP_YIELD_VALUE) && cg_addop_i(c, OP_RESUME, 1) && cg_addop(c, OP_POP_TOP));
            break;
        case COMP_LISTCOMP: TRY(cg_addop_i(c, OP_LIST_APPEND, depth + 1)); break;
        case COMP_SETCOMP: TRY(cg_addop_i(c, OP_SET_ADD, depth + 1)); break;
        default:
            TRY(cg_visit_expr(c, val));
            TRY(cg_addop_i(c, OP_MAP_ADD, depth + 1));
            break;
        }
    }
    cg_use_next_block(c, if_cleanup);
    if (start) {
        TRY(cg_addop_j(c, OP_JUMP, start));
        cg_use_next_block(c, anchor);
    }
    return 1;
}

static int compile_comprehension(Compiler *c, const Node *e, int type, const char *name)
{
    static const int build[] = {0, OP_BUILD_LIST, OP_BUILD_SET, OP_BUILD_MAP};
    const NodeList *generators = &e->u.comp.generators;
    const Node *outermost = generators->items[0];
    TRY(cg_enter_scope(c, name, SCOPE_T_COMPREHENSION, e, e->lineno));
    cg_set_loc(c, e);
    if (type != COMP_GENEXP) TRY(cg_addop_i(c, build[type], 0));
    TRY(comprehension_generator(c, generators, 0, 0, e->u.comp.elt, e->u.comp.value, type));
    if (type != COMP_GENEXP) TRY(cg_addop(c, OP_RETURN_VALUE));
    Obj co = cg_assemble(c, 1);
    cg_exit_scope(c);
    if (!co) return 0;
    int ok = cg_make_closure(c, co, 0);
    ob_decref(c->S, co, HOLD_TEMP);
    TRY(ok);
    TRY(cg_visit_expr(c, outermost->u.comprehension.iter));
    TRY(cg_addop(c, OP_GET_ITER));
    return cg_addop_i(c, OP_PRECALL, 0) && cg_addop_i(c, OP_CALL, 0);
}

/* ---- the rest ---- */

static int compile_slice(Compiler *c, const Node *s)
{
    int n = 2;
    if (s->u.slice.lower) TRY(cg_visit_expr(c, s->u.slice.lower));
    else TRY(cg_addop_load_const(c, c->S->none));
    if (s->u.slice.upper) TRY(cg_visit_expr(c, s->u.slice.upper));
    else TRY(cg_addop_load_const(c, c->S->none));
    if (s->u.slice.step) {
        n++;
        TRY(cg_visit_expr(c, s->u.slice.step));
    }
    return cg_addop_i(c, OP_BUILD_SLICE, n);
}

static int compile_attribute(Compiler *c, const Node *e)
{
    TRY(cg_visit_expr(c, e->u.attribute.value));
    cg_update_start_location_to_match_attr(c, e);
    switch (e->u.attribute.ctx) {
    case CTX_LOAD: return cg_addop_name(c, OP_LOAD_ATTR, &c->u->names, e->u.attribute.attr);
    case CTX_STORE:
        if (!strcmp(e->u.attribute.attr, "__debug__")) return cg_error(c, "cannot assign to __debug__");
        return cg_addop_name(c, OP_STORE_ATTR, &c->u->names, e->u.attribute.attr);
    default: return cg_addop_name(c, OP_DELETE_ATTR, &c->u->names, e->u.attribute.attr);
    }
}

static int compile_subscript(Compiler *c, const Node *e)
{
    static const int ops[] = {[CTX_LOAD] = OP_BINARY_SUBSCR, [CTX_STORE] = OP_STORE_SUBSCR,
                              [CTX_DEL] = OP_DELETE_SUBSCR};
    if (e->u.subscript.ctx == CTX_LOAD) {
        TRY(check_subscripter(c, e->u.subscript.value));
        TRY(check_index(c, e->u.subscript.value, e->u.subscript.slice));
    }
    TRY(cg_visit_expr(c, e->u.subscript.value));
    TRY(cg_visit_expr(c, e->u.subscript.slice));
    return cg_addop(c, ops[e->u.subscript.ctx]);
}

static int visit_expr1(Compiler *c, const Node *e)
{
    switch (e->kind) {
    case AST_BoolOp: return compile_boolop(c, e);
    case AST_BinOp:
        TRY(cg_visit_expr(c, e->u.binop.left));
        TRY(cg_visit_expr(c, e->u.binop.right));
        return cg_addop_i(c, OP_BINARY_OP, cg_binop_index(e->u.binop.op));
    case AST_UnaryOp: {
        static const int ops[] = {[UOP_INVERT] = OP_UNARY_INVERT, [UOP_NOT] = OP_UNARY_NOT,
                                  [UOP_UADD] = OP_UNARY_POSITIVE, [UOP_USUB] = OP_UNARY_NEGATIVE};
        TRY(cg_visit_expr(c, e->u.unaryop.operand));
        return cg_addop(c, ops[e->u.unaryop.op]);
    }
    case AST_Lambda: return cg_lambda(c, e);
    case AST_IfExp: return compile_ifexp(c, e);
    case AST_Dict: return compile_dict(c, e);
    case AST_Set:
        return starunpack_helper(c, &e->u.seq.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, 0);
    case AST_GeneratorExp: return compile_comprehension(c, e, COMP_GENEXP, "<genexpr>");
    case AST_ListComp: return compile_comprehension(c, e, COMP_LISTCOMP, "<listcomp>");
    case AST_SetComp: return compile_comprehension(c, e, COMP_SETCOMP, "<setcomp>");
    case AST_DictComp: return compile_comprehension(c, e, COMP_DICTCOMP, "<dictcomp>");
    case AST_Yield:
        if (c->u->ste->type != BLOCK_FUNCTION) return cg_error(c, "'yield' outside function");
        if (e->u.yield.value) TRY(cg_visit_expr(c, e->u.yield.value));
        else TRY(cg_addop_load_const(c, c->S->none));
        return cg_addop(c, OP_YIELD_VALUE) && cg_addop_i(c, OP_RESUME, 1);
    case AST_Compare: return compile_compare(c, e);
    case AST_Call: return compile_call(c, e);
    case AST_Constant: {
        Obj v = cg_const_of(c, e);
        return v && cg_addop_load_const(c, v);
    }
    case AST_JoinedStr: return compile_joined_str(c, e);
    case AST_FormattedValue: return compile_formatted_value(c, e);
    case AST_Attribute: return compile_attribute(c, e);
    case AST_Subscript: return compile_subscript(c, e);
    case AST_Starred:
        if (e->u.starred.ctx == CTX_STORE) return cg_error(c, "starred assignment target must be in a list or tuple");
        return cg_error(c, "can't use starred expression here");
    case AST_Slice: return compile_slice(c, e);
    case AST_Name: return cg_nameop(c, e->u.name.id, e->u.name.ctx);
    case AST_List: return compile_sequence(c, e, 0);
    case AST_Tuple: return compile_sequence(c, e, 1);
    default: return cg_error(c, "unexpected %s expression", ast_kind_name(e->kind));
    }
}

int cg_visit_expr(Compiler *c, const Node *e)
{
    Unit *u = c->u;
    int l = u->lineno, el = u->end_lineno, col = u->col, ec = u->end_col;
    cg_set_loc(c, e);
    int res = visit_expr1(c, e);
    u = c->u;
    u->lineno = l;
    u->end_lineno = el;
    u->col = col;
    u->end_col = ec;
    return res;
}
