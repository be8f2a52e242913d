/* parse_expr.c -- the expression, argument and target rules of 3.11's
 * Grammar/python.gram, with their invalid_* rules (second pass only). */
#include <string.h>

#include "compiler/parse_internal.h"

#define ENTER()                       \
    if (p_enter(P)) return NULL;      \
    int _mark = P->mark;              \
    (void)_mark;                      \
    void *_res = NULL
#define RETURN(x)          \
    do {                   \
        _res = (x);        \
        goto done;         \
    } while (0)
#define LEAVE()      \
    done:            \
    p_leave(P);      \
    return _res
#define RESET() (P->mark = _mark)
#define FAILED() (P->error)

/* A memoized rule: NAME_raw is the body. */
#define MEMO_RULE(name, id)                                         \
    static Node *name##_raw(Parser *P);                             \
    Node *r_##name(Parser *P)                                       \
    {                                                               \
        int found;                                                  \
        void *m = p_memo_get(P, id, &found);                        \
        if (found) return m;                                        \
        int pos = P->mark;                                          \
        Node *res = name##_raw(P);                                  \
        p_memo_put(P, pos, id, res);                                \
        return res;                                                 \
    }

static Node *node_copy(Parser *P, const Node *n)
{
    Node *c = ast_alloc(P->arena, sizeof *c);
    if (!c) {
        p_no_memory(P);
        return NULL;
    }
    *c = *n;
    return c;
}

static Node *seq_node(Parser *P, AstKind kind, const PTok *start, NodeList elts, ExprContext ctx)
{
    Node *n = p_node(P, kind, start);
    if (!n) return NULL;
    n->u.seq.elts = elts;
    n->u.seq.ctx = ctx;
    return n;
}

static Node *name_node(Parser *P, const PTok *t, ExprContext ctx)
{
    Node *n = ast_node(P->arena, AST_Name, t->lineno, t->col, t->end_lineno, t->end_col);
    if (!n) {
        p_no_memory(P);
        return NULL;
    }
    n->u.name.id = p_ident(P, t);
    n->u.name.ctx = ctx;
    return n;
}

/* NAME as an expression (the grammar's NAME token rule). */
static Node *r_name(Parser *P)
{
    PTok *t = p_expect_name(P);
    return t ? name_node(P, t, CTX_LOAD) : NULL;
}

/* _PyPegen_soft_keyword_token compares with strncmp(keyword, token,
 * token length): any prefix of "_", "case" or "match" ("c", "ma") counts. */
static int is_soft_keyword(const PTok *t)
{
    static const char *const soft[] = {"_", "case", "match"};
    if (t->type != T_NAME) return 0;
    for (int i = 0; i < 3; i++)
        if ((size_t)t->n <= strlen(soft[i]) && !memcmp(t->s, soft[i], (size_t)t->n)) return 1;
    return 0;
}

/* ---- pegen's action helpers ---- */

Node *p_set_ctx(Parser *P, Node *e, ExprContext ctx)
{
    if (!e) return NULL;
    Node *c;
    switch (e->kind) {
    case AST_Name:
        c = node_copy(P, e);
        if (c) c->u.name.ctx = ctx;
        return c;
    case AST_Attribute:
        c = node_copy(P, e);
        if (c) c->u.attribute.ctx = ctx;
        return c;
    case AST_Subscript:
        c = node_copy(P, e);
        if (c) c->u.subscript.ctx = ctx;
        return c;
    case AST_Starred:
        c = node_copy(P, e);
        if (c) {
            c->u.starred.value = p_set_ctx(P, e->u.starred.value, ctx);
            c->u.starred.ctx = ctx;
        }
        return c;
    case AST_List:
    case AST_Tuple: {
        c = node_copy(P, e);
        if (!c) return NULL;
        NodeList l = {0};
        for (int i = 0; i < e->u.seq.elts.n; i++)
            if (p_push(P, &l, p_set_ctx(P, e->u.seq.elts.items[i], ctx)) < 0) return NULL;
        c->u.seq.elts = l;
        c->u.seq.ctx = ctx;
        return c;
    }
    default: return e;
    }
}

const char *p_expr_name(const Parser *P, const Node *e)
{
    switch (p_pseudo_kind(P, e)) {
    case PS_NAMEDEXPR: return "named expression";
    case PS_AWAIT: return "await expression";
    case PS_YIELDFROM: return "yield expression";
    case PS_NONE: break;
    }
    switch (e->kind) {
    case AST_Attribute: return "attribute";
    case AST_Subscript: return "subscript";
    case AST_Starred: return "starred";
    case AST_Name: return "name";
    case AST_List: return "list";
    case AST_Tuple: return "tuple";
    case AST_Lambda: return "lambda";
    case AST_Call: return "function call";
    case AST_BoolOp:
    case AST_BinOp:
    case AST_UnaryOp: return "expression";
    case AST_GeneratorExp: return "generator expression";
    case AST_Yield: return "yield expression";
    case AST_ListComp: return "list comprehension";
    case AST_SetComp: return "set comprehension";
    case AST_DictComp: return "dict comprehension";
    case AST_Dict: return "dict literal";
    case AST_Set: return "set display";
    case AST_JoinedStr:
    case AST_FormattedValue: return "f-string expression";
    case AST_Constant:
        switch (e->u.constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_FALSE: return "False";
        case CONST_TRUE: return "True";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case AST_Compare: return "comparison";
    case AST_IfExp: return "conditional expression";
    default: return "expression";
    }
}

const Node *p_invalid_target(const Parser *P, const Node *e, TargetsType type)
{
    if (!e) return NULL;
    if (p_pseudo_kind(P, e) != PS_NONE) return e;
    switch (e->kind) {
    case AST_List:
    case AST_Tuple:
        for (int i = 0; i < e->u.seq.elts.n; i++) {
            const Node *c = p_invalid_target(P, e->u.seq.elts.items[i], type);
            if (c) return c;
        }
        return NULL;
    case AST_Starred:
        if (type == DEL_TARGETS) return e;
        return p_invalid_target(P, e->u.starred.value, type);
    case AST_Compare:
        if (type == FOR_TARGETS) {
            if (e->u.compare.ops[0] == CMP_IN) return p_invalid_target(P, e->u.compare.left, type);
            return NULL;
        }
        return e;
    case AST_Name:
    case AST_Subscript:
    case AST_Attribute: return NULL;
    default: return e;
    }
}

void *p_raise_invalid_target(Parser *P, TargetsType type, const Node *e)
{
    const Node *t = p_invalid_target(P, e, type);
    if (!t) return NULL;
    if (type == STAR_TARGETS || type == FOR_TARGETS)
        return p_raise_node(P, t, "cannot assign to %s", p_expr_name(P, t));
    return p_raise_node(P, t, "cannot delete %s", p_expr_name(P, t));
}

int p_is_legacy_stmt(const Node *name)
{
    if (!name || name->kind != AST_Name) return 0;
    return !strcmp(name->u.name.id, "print") || !strcmp(name->u.name.id, "exec");
}

/* ---- expressions ---- */

static Node *tuple_from(Parser *P, const PTok *start, Node *first, NodeList rest, ExprContext ctx)
{
    NodeList l = {0};
    if (p_push(P, &l, first) < 0) return NULL;
    for (int i = 0; i < rest.n; i++)
        if (p_push(P, &l, rest.items[i]) < 0) return NULL;
    return seq_node(P, AST_Tuple, start, l, ctx);
}

/* (',' elem)+ or (',' elem)* after a first element: the elements. */
static int sep_loop(Parser *P, Node *(*elem)(Parser *), NodeList *out)
{
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, T_COMMA)) break;
        Node *c = elem(P);
        if (!c) {
            P->mark = m;
            break;
        }
        if (p_push(P, out, c) < 0) return -1;
    }
    return P->error ? -1 : 0;
}

/* ','.elem+ : at least one element. */
static int gather(Parser *P, Node *(*elem)(Parser *), NodeList *out)
{
    Node *first = elem(P);
    if (!first) return 0;
    if (p_push(P, out, first) < 0) return -1;
    if (sep_loop(P, elem, out) < 0) return -1;
    return 1;
}

/* expressions: a=expression b=(',' c=expression)+ [','] | a=expression ',' | expression */
Node *r_expressions(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_expression(P);
    if (a) {
        NodeList rest = {0};
        if (sep_loop(P, r_expression, &rest) < 0) RETURN(NULL);
        if (rest.n) {
            p_expect(P, T_COMMA);
            RETURN(tuple_from(P, start, a, rest, CTX_LOAD));
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    a = r_expression(P);
    if (a && p_expect(P, T_COMMA)) RETURN(tuple_from(P, start, a, (NodeList){0}, CTX_LOAD));
    RESET();
    RETURN(r_expression(P));
    LEAVE();
}

static Node *invalid_expression(Parser *P);
static Node *invalid_legacy_expression(Parser *P);

/* a=disjunction 'if' b=disjunction 'else' c=expression */
static Node *ifexp(Parser *P, const PTok *start)
{
    int m = P->mark;
    Node *a = r_disjunction(P);
    if (!a || !p_expect(P, K_IF)) goto fail;
    Node *b = r_disjunction(P);
    if (!b || !p_expect(P, K_ELSE)) goto fail;
    Node *c = r_expression(P);
    if (!c) goto fail;
    Node *n = p_node(P, AST_IfExp, start);
    if (n) {
        n->u.ifexp.test = b;
        n->u.ifexp.body = a;
        n->u.ifexp.orelse = c;
    }
    return n;
fail:
    P->mark = m;
    return NULL;
}

MEMO_RULE(expression, M_EXPRESSION)
static Node *expression_raw(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_expression(P) || FAILED()) RETURN(NULL);
        RESET();
        if (invalid_legacy_expression(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    Node *n = ifexp(P, start);
    if (n || FAILED()) RETURN(n);
    n = r_disjunction(P);
    if (n || FAILED()) RETURN(n);
    RETURN(r_lambdef(P));
    LEAVE();
}

Node *r_expression_without_invalid(Parser *P)
{
    int saved = P->call_invalid;
    P->call_invalid = 0;
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *n = ifexp(P, start);
    if (n || FAILED()) RETURN(n);
    n = r_disjunction(P);
    if (n || FAILED()) RETURN(n);
    RETURN(r_lambdef(P));
    done:
    p_leave(P);
    P->call_invalid = saved;
    return _res;
}

/* invalid_legacy_expression: a=NAME !'(' b=star_expressions */
static Node *invalid_legacy_expression(Parser *P)
{
    ENTER();
    Node *a = r_name(P);
    if (!a || p_at(P, T_LPAR)) RETURN(NULL);
    Node *b = r_star_expressions(P);
    if (!b) RETURN(NULL);
    if (p_is_legacy_stmt(a))
        p_raise_range(P, a, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                      a->u.name.id, a->u.name.id);
    RETURN(NULL);
    LEAVE();
}

static Node *invalid_expression(Parser *P)
{
    ENTER();
    /* !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid */
    int skip = 0;
    PTok *t = p_peek(P);
    if (!t) RETURN(NULL);
    if (t->type == T_NAME) {
        PTok *u = p_tok(P, P->mark + 1);
        if (!u) RETURN(NULL);
        if (u->type == T_STRING) skip = 1;
    }
    if (!skip && is_soft_keyword(t)) skip = 1;
    if (!skip) {
        Node *a = r_disjunction(P);
        if (a) {
            Node *b = r_expression_without_invalid(P);
            if (b) {
                if (!p_is_legacy_stmt(a) && P->toks[P->mark - 1]->level != 0)
                    RETURN(p_raise_range(P, a, b, "invalid syntax. Perhaps you forgot a comma?"));
            }
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=disjunction 'if' b=disjunction !('else'|':') */
    Node *a = r_disjunction(P);
    if (a && p_expect(P, K_IF)) {
        Node *b = r_disjunction(P);
        if (b && !p_at(P, K_ELSE) && !p_at(P, T_COLON))
            RETURN(p_raise_range(P, a, b, "expected 'else' after 'if' expression"));
    }
    RESET();
    LEAVE();
}

/* yield_expr: 'yield' 'from' a=expression | 'yield' a=[star_expressions] */
Node *r_yield_expr(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_YIELD);
    if (!start) RETURN(NULL);
    if (p_expect(P, K_FROM)) {
        Node *a = r_expression(P);
        if (a) {
            Node *n = p_node(P, AST_Yield, start);
            if (n) {
                n->u.yield.value = a;
                p_pseudo(P, n, PS_YIELDFROM);
                p_unsupported(P, n->lineno, n->col, n->end_lineno, n->end_col,
                              "'yield from' is");
            }
            RETURN(n);
        }
        if (FAILED()) RETURN(NULL);
        P->mark = _mark + 1;
    }
    Node *a = r_star_expressions(P);
    if (FAILED()) RETURN(NULL);
    Node *n = p_node(P, AST_Yield, start);
    if (n) n->u.yield.value = a;
    RETURN(n);
    LEAVE();
}

Node *r_star_expressions(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_star_expression(P);
    if (a) {
        NodeList rest = {0};
        if (sep_loop(P, r_star_expression, &rest) < 0) RETURN(NULL);
        if (rest.n) {
            p_expect(P, T_COMMA);
            RETURN(tuple_from(P, start, a, rest, CTX_LOAD));
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    a = r_star_expression(P);
    if (a && p_expect(P, T_COMMA)) RETURN(tuple_from(P, start, a, (NodeList){0}, CTX_LOAD));
    RESET();
    RETURN(r_star_expression(P));
    LEAVE();
}

static Node *starred_bitwise_or(Parser *P)
{
    int m = P->mark;
    PTok *start = p_expect(P, T_STAR);
    if (!start) return NULL;
    Node *a = r_bitwise_or(P);
    if (!a) {
        P->mark = m;
        return NULL;
    }
    Node *n = p_node(P, AST_Starred, start);
    if (n) {
        n->u.starred.value = a;
        n->u.starred.ctx = CTX_LOAD;
    }
    return n;
}

MEMO_RULE(star_expression, M_STAR_EXPRESSION)
static Node *star_expression_raw(Parser *P)
{
    ENTER();
    Node *n = starred_bitwise_or(P);
    if (n || FAILED()) RETURN(n);
    RETURN(r_expression(P));
    LEAVE();
}

int r_star_named_expressions(Parser *P, NodeList *out)
{
    int r = gather(P, r_star_named_expression, out);
    if (r <= 0) return r;
    p_expect(P, T_COMMA);
    return P->error ? -1 : 1;
}

Node *r_star_named_expression(Parser *P)
{
    ENTER();
    Node *n = starred_bitwise_or(P);
    if (n || FAILED()) RETURN(n);
    RETURN(r_named_expression(P));
    LEAVE();
}

/* a=NAME ':=' ~ b=expression */
Node *r_assignment_expression(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    PTok *name = p_expect_name(P);
    if (!name) RETURN(NULL);
    PTok *op = p_expect(P, T_COLONEQUAL);
    if (!op) {
        RESET();
        RETURN(NULL);
    }
    Node *b = r_expression(P);
    if (!b) {
        RESET();
        RETURN(NULL);
    }
    /* NamedExpr is outside the subset: a stand-in node */
    Node *n = p_node(P, AST_Name, start);
    if (n) {
        n->u.name.id = p_ident(P, name);
        p_pseudo(P, n, PS_NAMEDEXPR);
        p_unsupported_tok(P, op, "assignment expressions (':=') are");
    }
    RETURN(n);
    LEAVE();
}

static Node *invalid_named_expression(Parser *P);

Node *r_named_expression(Parser *P)
{
    ENTER();
    Node *n = r_assignment_expression(P);
    if (n || FAILED()) RETURN(n);
    if (P->call_invalid) {
        if (invalid_named_expression(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    n = r_expression(P);
    if (n && !p_at(P, T_COLONEQUAL)) RETURN(n);
    RESET();
    LEAVE();
}

static int at_list_tuple_genexp_or_const(Parser *P)
{
    int m = P->mark;
    int r = r_list(P) || r_tuple(P) || r_genexp(P) || p_at(P, K_TRUE) || p_at(P, K_NONE) ||
            p_at(P, K_FALSE);
    P->mark = m;
    return r;
}

static Node *invalid_named_expression_raw(Parser *P)
{
    ENTER();
    /* a=expression ':=' expression */
    Node *a = r_expression(P);
    if (a && p_expect(P, T_COLONEQUAL) && r_expression(P))
        RETURN(p_raise_node(P, a, "cannot use assignment expressions with %s",
                            p_expr_name(P, a)));
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=NAME '=' b=bitwise_or !('='|':=') */
    a = r_name(P);
    if (a && p_expect(P, T_EQUAL)) {
        Node *b = r_bitwise_or(P);
        if (b && !p_at(P, T_EQUAL) && !p_at(P, T_COLONEQUAL))
            RETURN(p_raise_range(P, a, b,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=') */
    if (!at_list_tuple_genexp_or_const(P) && !FAILED()) {
        a = r_bitwise_or(P);
        if (a && p_expect(P, T_EQUAL) && r_bitwise_or(P) && !p_at(P, T_EQUAL) &&
            !p_at(P, T_COLONEQUAL))
            RETURN(p_raise_node(P, a,
                                "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                p_expr_name(P, a)));
    }
    RESET();
    LEAVE();
}

static Node *invalid_named_expression(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_INVALID_NAMED_EXPRESSION, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = invalid_named_expression_raw(P);
    p_memo_put(P, pos, M_INVALID_NAMED_EXPRESSION, res);
    return res;
}

/* disjunction / conjunction: a=x b=(op c=x)+ | x */
static Node *boolop(Parser *P, Node *(*operand)(Parser *), int kw, BoolOpKind op)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = operand(P);
    if (!a) RETURN(NULL);
    NodeList values = {0};
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, kw)) break;
        Node *c = operand(P);
        if (!c) {
            P->mark = m;
            break;
        }
        if (!values.n && p_push(P, &values, a) < 0) RETURN(NULL);
        if (p_push(P, &values, c) < 0) RETURN(NULL);
    }
    if (FAILED()) RETURN(NULL);
    if (!values.n) RETURN(a);
    Node *n = p_node(P, AST_BoolOp, start);
    if (n) {
        n->u.boolop.op = op;
        n->u.boolop.values = values;
    }
    RETURN(n);
    LEAVE();
}

static Node *r_conjunction(Parser *P);
static Node *r_inversion(Parser *P);
static Node *r_comparison(Parser *P);

MEMO_RULE(disjunction, M_DISJUNCTION)
static Node *disjunction_raw(Parser *P) { return boolop(P, r_conjunction, K_OR, BOOL_OR); }

static Node *conjunction_raw(Parser *P) { return boolop(P, r_inversion, K_AND, BOOL_AND); }
static Node *r_conjunction(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_CONJUNCTION, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = conjunction_raw(P);
    p_memo_put(P, pos, M_CONJUNCTION, res);
    return res;
}

static Node *inversion_raw(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_NOT);
    if (start) {
        Node *a = r_inversion(P);
        if (a) {
            Node *n = p_node(P, AST_UnaryOp, start);
            if (n) {
                n->u.unaryop.op = UOP_NOT;
                n->u.unaryop.operand = a;
            }
            RETURN(n);
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    RETURN(r_comparison(P));
    LEAVE();
}
static Node *r_inversion(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_INVERSION, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = inversion_raw(P);
    p_memo_put(P, pos, M_INVERSION, res);
    return res;
}

/* compare_op_bitwise_or_pair: the alternatives in order; the operand, or
 * NULL with the mark unchanged. */
static Node *compare_pair(Parser *P, CmpOpKind *op)
{
    static const struct {
        int t1, t2;
        CmpOpKind op;
    } ops[] = {
        {T_EQEQUAL, -1, CMP_EQ},   {T_NOTEQUAL, -1, CMP_NOTEQ}, {T_LESSEQUAL, -1, CMP_LTE},
        {T_LESS, -1, CMP_LT},      {T_GREATEREQUAL, -1, CMP_GTE}, {T_GREATER, -1, CMP_GT},
        {K_NOT, K_IN, CMP_NOTIN},  {K_IN, -1, CMP_IN},          {K_IS, K_NOT, CMP_ISNOT},
        {K_IS, -1, CMP_IS},
    };
    int m = P->mark;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        P->mark = m;
        PTok *t = p_expect(P, ops[i].t1);
        if (!t) {
            if (P->error) return NULL;
            continue;
        }
        /* '<>' is NOTEQUAL only under barry_as_FLUFL */
        if (ops[i].t1 == T_NOTEQUAL && t->n == 2 && t->s[0] == '<') continue;
        if (ops[i].t2 >= 0 && !p_expect(P, ops[i].t2)) {
            if (P->error) return NULL;
            continue;
        }
        Node *b = r_bitwise_or(P);
        if (b) {
            *op = ops[i].op;
            return b;
        }
        if (P->error) return NULL;
    }
    P->mark = m;
    return NULL;
}

static Node *r_comparison(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_bitwise_or(P);
    if (!a) RETURN(NULL);
    NodeList comps = {0};
    CmpOpKind opsbuf[16], *ops = opsbuf;
    int cap = 16;
    for (;;) {
        CmpOpKind op;
        Node *b = compare_pair(P, &op);
        if (!b) break;
        if (comps.n == cap) {
            CmpOpKind *bigger = ast_alloc(P->scratch, (size_t)cap * 2 * sizeof *bigger);
            if (!bigger) {
                p_no_memory(P);
                RETURN(NULL);
            }
            memcpy(bigger, ops, (size_t)cap * sizeof *ops);
            ops = bigger;
            cap *= 2;
        }
        ops[comps.n] = op;
        if (p_push(P, &comps, b) < 0) RETURN(NULL);
    }
    if (FAILED()) RETURN(NULL);
    if (!comps.n) RETURN(a);
    Node *n = p_node(P, AST_Compare, start);
    if (!n) RETURN(NULL);
    n->u.compare.left = a;
    n->u.compare.comparators = comps;
    n->u.compare.ops = ast_alloc(P->arena, (size_t)comps.n * sizeof *ops);
    if (!n->u.compare.ops) {
        p_no_memory(P);
        RETURN(NULL);
    }
    memcpy(n->u.compare.ops, ops, (size_t)comps.n * sizeof *ops);
    RETURN(n);
    LEAVE();
}

/* Left-recursive binary operator levels as loops. */
typedef struct BinLevel {
    int tok;
    BinOpKind op;
} BinLevel;

static Node *binary(Parser *P, Node *(*operand)(Parser *), const BinLevel *ops, int nops)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = operand(P);
    if (!a) RETURN(NULL);
    for (;;) {
        int m = P->mark, matched = 0;
        for (int i = 0; i < nops && !matched; i++) {
            if (!p_expect(P, ops[i].tok)) continue;
            Node *b = operand(P);
            if (!b) {
                P->mark = m;
                continue;
            }
            Node *n = p_node(P, AST_BinOp, start);
            if (!n) RETURN(NULL);
            n->u.binop.left = a;
            n->u.binop.op = ops[i].op;
            n->u.binop.right = b;
            a = n;
            matched = 1;
        }
        if (FAILED()) RETURN(NULL);
        if (!matched) break;
    }
    RETURN(a);
    LEAVE();
}

static Node *r_factor(Parser *P);

static Node *r_term(Parser *P)
{
    static const BinLevel ops[] = {{T_STAR, OP_MULT}, {T_SLASH, OP_DIV},
                                   {T_DOUBLESLASH, OP_FLOORDIV}, {T_PERCENT, OP_MOD},
                                   {T_AT, OP_MATMULT}};
    return binary(P, r_factor, ops, 5);
}

static Node *r_sum(Parser *P)
{
    static const BinLevel ops[] = {{T_PLUS, OP_ADD}, {T_MINUS, OP_SUB}};
    return binary(P, r_term, ops, 2);
}

static Node *r_shift_expr(Parser *P)
{
    static const BinLevel ops[] = {{T_LEFTSHIFT, OP_LSHIFT}, {T_RIGHTSHIFT, OP_RSHIFT}};
    return binary(P, r_sum, ops, 2);
}

static Node *r_bitwise_and(Parser *P)
{
    static const BinLevel ops[] = {{T_AMPER, OP_BITAND}};
    return binary(P, r_shift_expr, ops, 1);
}

static Node *r_bitwise_xor(Parser *P)
{
    static const BinLevel ops[] = {{T_CIRCUMFLEX, OP_BITXOR}};
    return binary(P, r_bitwise_and, ops, 1);
}

static Node *bitwise_or_raw(Parser *P)
{
    static const BinLevel ops[] = {{T_VBAR, OP_BITOR}};
    return binary(P, r_bitwise_xor, ops, 1);
}

Node *r_bitwise_or(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_BITWISE_OR, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = bitwise_or_raw(P);
    p_memo_put(P, pos, M_BITWISE_OR, res);
    return res;
}

static Node *r_power(Parser *P);

static Node *factor_raw(Parser *P)
{
    ENTER();
    static const struct {
        int tok;
        UnaryOpKind op;
    } ops[] = {{T_PLUS, UOP_UADD}, {T_MINUS, UOP_USUB}, {T_TILDE, UOP_INVERT}};
    for (int i = 0; i < 3; i++) {
        PTok *start = p_expect(P, ops[i].tok);
        if (!start) continue;
        Node *a = r_factor(P);
        if (a) {
            Node *n = p_node(P, AST_UnaryOp, start);
            if (n) {
                n->u.unaryop.op = ops[i].op;
                n->u.unaryop.operand = a;
            }
            RETURN(n);
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    if (FAILED()) RETURN(NULL);
    RETURN(r_power(P));
    LEAVE();
}

static Node *r_factor(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_FACTOR, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = factor_raw(P);
    p_memo_put(P, pos, M_FACTOR, res);
    return res;
}

static Node *r_await_primary(Parser *P);

static Node *r_power(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_await_primary(P);
    if (!a) RETURN(NULL);
    int m = P->mark;
    if (p_expect(P, T_DOUBLESTAR)) {
        Node *b = r_factor(P);
        if (b) {
            Node *n = p_node(P, AST_BinOp, start);
            if (n) {
                n->u.binop.left = a;
                n->u.binop.op = OP_POW;
                n->u.binop.right = b;
            }
            RETURN(n);
        }
        P->mark = m;
    }
    if (FAILED()) RETURN(NULL);
    RETURN(a);
    LEAVE();
}

static Node *await_primary_raw(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_AWAIT);
    if (start) {
        Node *a = r_primary(P);
        if (a) {
            Node *n = node_copy(P, a);
            if (n) {
                n->lineno = start->lineno;
                n->col = start->col;
                p_pseudo(P, n, PS_AWAIT);
                p_unsupported_tok(P, start, "'await' is");
            }
            RETURN(n);
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    RETURN(r_primary(P));
    LEAVE();
}

static Node *r_await_primary(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_AWAIT_PRIMARY, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = await_primary_raw(P);
    p_memo_put(P, pos, M_AWAIT_PRIMARY, res);
    return res;
}

static Node *make_call(Parser *P, const PTok *start, Node *func, Node *args)
{
    Node *n = p_node(P, AST_Call, start);
    if (!n) return NULL;
    n->u.call.func = func;
    if (args) {
        n->u.call.args = args->u.call.args;
        n->u.call.keywords = args->u.call.keywords;
    }
    return n;
}

static Node *single_genexp_call(Parser *P, const PTok *start, Node *func, Node *gen)
{
    Node *n = p_node(P, AST_Call, start);
    if (!n) return NULL;
    n->u.call.func = func;
    if (p_push(P, &n->u.call.args, gen) < 0) return NULL;
    return n;
}

/* One step of primary's (t_primary's) left recursion after `a`:
 * '.' NAME | genexp | '(' [arguments] ')' | '[' slices ']', each followed by
 * &t_lookahead when `tlook`; NULL (mark unchanged) when none applies. */
static Node *primary_step(Parser *P, const PTok *start, Node *a, int tlook)
{
    int m = P->mark;
    if (p_expect(P, T_DOT)) {
        PTok *b = p_expect_name(P);
        if (b && (!tlook || r_t_lookahead(P))) {
            Node *n = p_node(P, AST_Attribute, start);
            if (n) {
                n->u.attribute.value = a;
                n->u.attribute.attr = p_ident(P, b);
                n->u.attribute.ctx = CTX_LOAD;
            }
            return n;
        }
    }
    P->mark = m;
    if (P->error) return NULL;
    if (tlook && p_expect(P, T_LSQB)) {
        Node *s = r_slices(P);
        if (s && p_expect(P, T_RSQB) && r_t_lookahead(P)) {
            Node *n = p_node(P, AST_Subscript, start);
            if (n) {
                n->u.subscript.value = a;
                n->u.subscript.slice = s;
                n->u.subscript.ctx = CTX_LOAD;
            }
            return n;
        }
        P->mark = m;
        if (P->error) return NULL;
    }
    Node *g = r_genexp(P);
    if (g && (!tlook || r_t_lookahead(P))) return single_genexp_call(P, start, a, g);
    P->mark = m;
    if (P->error) return NULL;
    if (p_expect(P, T_LPAR)) {
        Node *args = r_arguments(P);
        if (!P->error && p_expect(P, T_RPAR) && (!tlook || r_t_lookahead(P)))
            return make_call(P, start, a, args);
    }
    P->mark = m;
    if (P->error) return NULL;
    if (!tlook && p_expect(P, T_LSQB)) {
        Node *s = r_slices(P);
        if (s && p_expect(P, T_RSQB)) {
            Node *n = p_node(P, AST_Subscript, start);
            if (n) {
                n->u.subscript.value = a;
                n->u.subscript.slice = s;
                n->u.subscript.ctx = CTX_LOAD;
            }
            return n;
        }
        P->mark = m;
    }
    return NULL;
}

static Node *primary_raw(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_atom(P);
    if (!a) RETURN(NULL);
    for (;;) {
        Node *n = primary_step(P, start, a, 0);
        if (FAILED()) RETURN(NULL);
        if (!n) break;
        a = n;
    }
    RETURN(a);
    LEAVE();
}

Node *r_primary(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_PRIMARY, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = primary_raw(P);
    p_memo_put(P, pos, M_PRIMARY, res);
    return res;
}

/* slice: a=[expression] ':' b=[expression] c=[':' d=[expression]] | named_expression */
static Node *r_slice(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_expression(P);
    if (FAILED()) RETURN(NULL);
    if (p_expect(P, T_COLON)) {
        Node *b = r_expression(P);
        if (FAILED()) RETURN(NULL);
        Node *c = NULL;
        int m = P->mark;
        if (p_expect(P, T_COLON)) {
            c = r_expression(P);
            if (FAILED()) RETURN(NULL);
        } else {
            P->mark = m;
        }
        Node *n = p_node(P, AST_Slice, start);
        if (n) {
            n->u.slice.lower = a;
            n->u.slice.upper = b;
            n->u.slice.step = c;
        }
        RETURN(n);
    }
    RESET();
    RETURN(r_named_expression(P));
    LEAVE();
}

static Node *slice_or_starred(Parser *P)
{
    Node *n = r_slice(P);
    if (n || P->error) return n;
    return r_starred_expression(P);
}

/* slices: a=slice !',' | ','.(slice | starred_expression)+ [','] */
Node *r_slices(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_slice(P);
    if (a && !p_at(P, T_COMMA)) RETURN(a);
    RESET();
    if (FAILED()) RETURN(NULL);
    NodeList l = {0};
    int r = gather(P, slice_or_starred, &l);
    if (r <= 0) RETURN(NULL);
    p_expect(P, T_COMMA);
    RETURN(seq_node(P, AST_Tuple, start, l, CTX_LOAD));
    LEAVE();
}

static Node *r_strings(Parser *P);
static Node *r_group(Parser *P);
static Node *r_listcomp(Parser *P);
static Node *r_dict(Parser *P);
static Node *r_set(Parser *P);
static Node *r_dictcomp(Parser *P);
static Node *r_setcomp(Parser *P);

static Node *constant_tok(Parser *P, const PTok *t, AstConstKind k)
{
    Node *n = ast_node(P->arena, AST_Constant, t->lineno, t->col, t->end_lineno, t->end_col);
    if (!n) {
        p_no_memory(P);
        return NULL;
    }
    n->u.constant.value.kind = k;
    return n;
}

Node *r_atom(Parser *P)
{
    ENTER();
    PTok *t = p_peek(P);
    if (!t) RETURN(NULL);
    Node *n;
    switch (t->type) {
    case T_NAME: P->mark++; RETURN(name_node(P, t, CTX_LOAD));
    case K_TRUE: P->mark++; RETURN(constant_tok(P, t, CONST_TRUE));
    case K_FALSE: P->mark++; RETURN(constant_tok(P, t, CONST_FALSE));
    case K_NONE: P->mark++; RETURN(constant_tok(P, t, CONST_NONE));
    case T_STRING: RETURN(r_strings(P));
    case T_NUMBER: P->mark++; RETURN(p_number(P, t));
    case T_LPAR:
        n = r_tuple(P);
        if (n || FAILED()) RETURN(n);
        n = r_group(P);
        if (n || FAILED()) RETURN(n);
        RETURN(r_genexp(P));
    case T_LSQB:
        n = r_list(P);
        if (n || FAILED()) RETURN(n);
        RETURN(r_listcomp(P));
    case T_LBRACE:
        n = r_dict(P);
        if (n || FAILED()) RETURN(n);
        n = r_set(P);
        if (n || FAILED()) RETURN(n);
        n = r_dictcomp(P);
        if (n || FAILED()) RETURN(n);
        RETURN(r_setcomp(P));
    case T_ELLIPSIS: P->mark++; RETURN(constant_tok(P, t, CONST_ELLIPSIS));
    default: RETURN(NULL);
    }
    LEAVE();
}

static Node *invalid_group(Parser *P);

/* group: '(' a=(yield_expr | named_expression) ')' | invalid_group */
static Node *r_group(Parser *P)
{
    ENTER();
    if (p_expect(P, T_LPAR)) {
        Node *a = r_yield_expr(P);
        if (!a && !FAILED()) a = r_named_expression(P);
        if (a && p_expect(P, T_RPAR)) RETURN(a);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_group(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}

/* invalid_group: '(' a=starred_expression ')' | '(' a='**' expression ')' */
static Node *invalid_group(Parser *P)
{
    ENTER();
    if (p_expect(P, T_LPAR)) {
        Node *a = r_starred_expression(P);
        if (a && p_expect(P, T_RPAR))
            RETURN(p_raise_node(P, a, "cannot use starred expression here"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (p_expect(P, T_LPAR)) {
        PTok *a = p_expect(P, T_DOUBLESTAR);
        if (a && r_expression(P) && p_expect(P, T_RPAR))
            RETURN(p_raise_tok_range(P, a, a, "cannot use double starred expression here"));
    }
    RESET();
    LEAVE();
}

/* lambdef: 'lambda' a=[lambda_params] ':' b=expression */
Node *r_lambdef(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_LAMBDA);
    if (!start) RETURN(NULL);
    Node *a = r_params(P, 1);
    if (FAILED()) RETURN(NULL);
    if (!p_expect(P, T_COLON)) {
        RESET();
        RETURN(NULL);
    }
    Node *b = r_expression(P);
    if (!b) {
        RESET();
        RETURN(NULL);
    }
    Node *n = p_node(P, AST_Lambda, start);
    if (!n) RETURN(NULL);
    if (!a) {
        a = ast_node(P->arena, AST_Arguments, 0, 0, 0, 0);
        if (!a) {
            p_no_memory(P);
            RETURN(NULL);
        }
    }
    n->u.func.args = a;
    if (p_push(P, &n->u.func.body, b) < 0) RETURN(NULL);
    RETURN(n);
    LEAVE();
}

static Node *strings_raw(Parser *P)
{
    ENTER();
    int first = P->mark, last = -1;
    while (p_at(P, T_STRING)) last = P->mark++;
    if (FAILED() || last < 0) RETURN(NULL);
    RETURN(p_concatenate_strings(P, first, last));
    LEAVE();
}

static Node *r_strings(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_STRINGS, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = strings_raw(P);
    p_memo_put(P, pos, M_STRINGS, res);
    return res;
}

/* list: '[' a=[star_named_expressions] ']' */
Node *r_list(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LSQB);
    if (!start) RETURN(NULL);
    NodeList l = {0};
    if (r_star_named_expressions(P, &l) < 0) RETURN(NULL);
    if (!p_expect(P, T_RSQB)) {
        RESET();
        RETURN(NULL);
    }
    RETURN(seq_node(P, AST_List, start, l, CTX_LOAD));
    LEAVE();
}

/* tuple: '(' a=[y=star_named_expression ',' z=[star_named_expressions]] ')' */
Node *r_tuple(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LPAR);
    if (!start) RETURN(NULL);
    NodeList l = {0};
    int m = P->mark;
    Node *y = r_star_named_expression(P);
    if (y && p_expect(P, T_COMMA)) {
        if (p_push(P, &l, y) < 0) RETURN(NULL);
        if (r_star_named_expressions(P, &l) < 0) RETURN(NULL);
    } else {
        P->mark = m;
    }
    if (FAILED()) RETURN(NULL);
    if (!p_expect(P, T_RPAR)) {
        RESET();
        RETURN(NULL);
    }
    RETURN(seq_node(P, AST_Tuple, start, l, CTX_LOAD));
    LEAVE();
}

/* set: '{' a=star_named_expressions '}' */
static Node *r_set(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LBRACE);
    if (!start) RETURN(NULL);
    NodeList l = {0};
    int r = r_star_named_expressions(P, &l);
    if (r <= 0 || !p_expect(P, T_RBRACE)) {
        RESET();
        RETURN(NULL);
    }
    Node *n = p_node(P, AST_Set, start);
    if (n) n->u.seq.elts = l;
    RETURN(n);
    LEAVE();
}

/* kvpair: a=expression ':' b=expression */
Node *r_kvpair(Parser *P, Node **value)
{
    int m = P->mark;
    Node *a = r_expression(P);
    if (!a || !p_expect(P, T_COLON)) goto fail;
    Node *b = r_expression(P);
    if (!b) goto fail;
    *value = b;
    return a;
fail:
    P->mark = m;
    return NULL;
}

/* double_starred_kvpair: '**' a=bitwise_or | kvpair.  Returns 1 with
 * *key (NULL for **) and *value. */
static int double_starred_kvpair(Parser *P, Node **key, Node **value)
{
    int m = P->mark;
    if (p_expect(P, T_DOUBLESTAR)) {
        Node *a = r_bitwise_or(P);
        if (a) {
            *key = NULL;
            *value = a;
            return 1;
        }
        P->mark = m;
    }
    if (P->error) return 0;
    *key = r_kvpair(P, value);
    return *key != NULL;
}

/* double_starred_kvpairs: a=','.double_starred_kvpair+ [','] */
static int double_starred_kvpairs(Parser *P, NodeList *keys, NodeList *values)
{
    Node *k, *v;
    if (!double_starred_kvpair(P, &k, &v)) return 0;
    if (p_push(P, keys, k) < 0 || p_push(P, values, v) < 0) return -1;
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, T_COMMA)) break;
        if (!double_starred_kvpair(P, &k, &v)) {
            P->mark = m;
            break;
        }
        if (p_push(P, keys, k) < 0 || p_push(P, values, v) < 0) return -1;
    }
    if (P->error) return -1;
    p_expect(P, T_COMMA);
    return P->error ? -1 : 1;
}

static Node *invalid_double_starred_kvpairs(Parser *P);

/* dict: '{' a=[double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}' */
static Node *r_dict(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LBRACE);
    if (!start) RETURN(NULL);
    NodeList keys = {0}, values = {0};
    if (double_starred_kvpairs(P, &keys, &values) < 0) RETURN(NULL);
    if (p_expect(P, T_RBRACE)) {
        Node *n = p_node(P, AST_Dict, start);
        if (n) {
            n->u.dict.keys = keys;
            n->u.dict.values = values;
        }
        RETURN(n);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* '{' invalid_double_starred_kvpairs '}': pegen guards only alternatives
     * made of a lone invalid_ rule, so this one runs in the first pass too */
    if (p_expect(P, T_LBRACE)) {
        invalid_double_starred_kvpairs(P);
        if (FAILED()) RETURN(NULL);
    }
    RESET();
    LEAVE();
}

/* invalid_kvpair / the tails of invalid_double_starred_kvpairs:
 *   expression ':' a='*' bitwise_or | expression a=':' &('}'|',') */
static int invalid_kv_tails(Parser *P)
{
    int m = P->mark;
    if (r_expression(P) && p_expect(P, T_COLON)) {
        PTok *a = p_expect(P, T_STAR);
        if (a && r_bitwise_or(P)) {
            Node fake = {.lineno = a->lineno, .col = a->col};
            p_raise_starting_from(P, &fake, "cannot use a starred expression in a dictionary value");
            return 1;
        }
    }
    P->mark = m;
    if (P->error) return 1;
    if (r_expression(P)) {
        PTok *a = p_expect(P, T_COLON);
        if (a && (p_at(P, T_RBRACE) || p_at(P, T_COMMA))) {
            p_raise_tok_range(P, a, a, "expression expected after dictionary key and ':'");
            return 1;
        }
    }
    P->mark = m;
    return P->error;
}

/* invalid_kvpair: a=expression !(':') | the tails */
static int invalid_kvpair(Parser *P)
{
    int m = P->mark;
    Node *a = r_expression(P);
    if (a && !p_at(P, T_COLON) && !P->error) {
        p_raise_at(P, "SyntaxError", a->lineno, a->end_col - 1, a->end_lineno, -1,
                   "':' expected after dictionary key");
        return 1;
    }
    P->mark = m;
    if (P->error) return 1;
    return invalid_kv_tails(P);
}

static Node *invalid_double_starred_kvpairs(Parser *P)
{
    ENTER();
    /* ','.double_starred_kvpair+ ',' invalid_kvpair */
    Node *k, *v;
    if (double_starred_kvpair(P, &k, &v)) {
        for (;;) {
            int m = P->mark;
            if (!p_expect(P, T_COMMA)) break;
            if (!double_starred_kvpair(P, &k, &v)) {
                P->mark = m;
                break;
            }
        }
        if (!FAILED() && p_expect(P, T_COMMA)) {
            invalid_kvpair(P);
            if (FAILED()) RETURN(NULL);
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    invalid_kv_tails(P);
    RESET();
    LEAVE();
}

/* ---- comprehensions ---- */

/* 'for' a=star_targets 'in' ~ b=disjunction c=('if' z=disjunction)*;
 * *cut set once 'in' matched (then no other alternative is tried). */
static Node *for_if_body(Parser *P, int is_async, int *cut)
{
    int m = P->mark;
    if (!p_expect(P, K_FOR)) return NULL;
    Node *a = r_star_targets(P);
    if (!a || !p_expect(P, K_IN)) goto fail;
    *cut = 1;
    Node *b = r_disjunction(P);
    if (!b) goto fail;
    Node *c = ast_node(P->arena, AST_Comprehension, 0, 0, 0, 0);
    if (!c) {
        p_no_memory(P);
        return NULL;
    }
    c->u.comprehension.target = a;
    c->u.comprehension.iter = b;
    c->u.comprehension.is_async = is_async;
    for (;;) {
        int k = P->mark;
        if (!p_expect(P, K_IF)) break;
        Node *z = r_disjunction(P);
        if (!z) {
            P->mark = k;
            break;
        }
        if (p_push(P, &c->u.comprehension.ifs, z) < 0) return NULL;
    }
    return P->error ? NULL : c;
fail:
    P->mark = m;
    return NULL;
}

static Node *for_if_clause(Parser *P)
{
    ENTER();
    int cut = 0;
    PTok *async_tok = p_expect(P, T_ASYNC);
    if (async_tok) {
        Node *c = for_if_body(P, 1, &cut);
        if (c) {
            p_unsupported_tok(P, async_tok, "asynchronous comprehensions are");
            RETURN(c);
        }
        RESET();
        if (cut || FAILED()) RETURN(NULL);
    }
    Node *c = for_if_body(P, 0, &cut);
    if (c || cut || FAILED()) {
        if (!c) RESET();
        RETURN(c);
    }
    RESET();
    if (P->call_invalid) {
        r_invalid_for_target(P);
        RESET();
    }
    LEAVE();
}

int r_for_if_clauses(Parser *P, NodeList *out)
{
    Node *c = for_if_clause(P);
    if (!c) return P->error ? -1 : 0;
    if (p_push(P, out, c) < 0) return -1;
    for (;;) {
        c = for_if_clause(P);
        if (!c) break;
        if (p_push(P, out, c) < 0) return -1;
    }
    return P->error ? -1 : 1;
}

/* invalid_for_target: ASYNC? 'for' a=star_expressions */
Node *r_invalid_for_target(Parser *P)
{
    ENTER();
    p_expect(P, T_ASYNC);
    if (p_expect(P, K_FOR)) {
        Node *a = r_star_expressions(P);
        if (a) RETURN(p_raise_invalid_target(P, FOR_TARGETS, a));
    }
    RESET();
    LEAVE();
}

static Node *invalid_comprehension(Parser *P);
static Node *invalid_dict_comprehension(Parser *P);

static Node *comp_node(Parser *P, AstKind kind, const PTok *start, Node *elt, Node *value,
                       NodeList gens)
{
    Node *n = p_node(P, kind, start);
    if (!n) return NULL;
    n->u.comp.elt = elt;
    n->u.comp.value = value;
    n->u.comp.generators = gens;
    return n;
}

/* listcomp / setcomp: OPEN a=named_expression b=for_if_clauses CLOSE | invalid_comprehension */
static Node *list_or_set_comp(Parser *P, int open, int close, AstKind kind)
{
    ENTER();
    PTok *start = p_expect(P, open);
    if (start) {
        Node *a = r_named_expression(P);
        NodeList gens = {0};
        if (a && r_for_if_clauses(P, &gens) > 0 && p_expect(P, close))
            RETURN(comp_node(P, kind, start, a, NULL, gens));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_comprehension(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}

static Node *r_listcomp(Parser *P) { return list_or_set_comp(P, T_LSQB, T_RSQB, AST_ListComp); }
static Node *r_setcomp(Parser *P) { return list_or_set_comp(P, T_LBRACE, T_RBRACE, AST_SetComp); }

/* genexp: '(' a=(assignment_expression | expression !':=') b=for_if_clauses ')' */
Node *r_genexp(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LPAR);
    if (start) {
        Node *a = r_assignment_expression(P);
        if (!a && !FAILED()) {
            int m = P->mark;
            a = r_expression(P);
            if (a && p_at(P, T_COLONEQUAL)) {
                a = NULL;
                P->mark = m;
            }
        }
        NodeList gens = {0};
        if (a && r_for_if_clauses(P, &gens) > 0 && p_expect(P, T_RPAR))
            RETURN(comp_node(P, AST_GeneratorExp, start, a, NULL, gens));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_comprehension(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}

/* dictcomp: '{' a=kvpair b=for_if_clauses '}' | invalid_dict_comprehension */
static Node *r_dictcomp(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LBRACE);
    if (start) {
        Node *v;
        Node *k = r_kvpair(P, &v);
        NodeList gens = {0};
        if (k && r_for_if_clauses(P, &gens) > 0 && p_expect(P, T_RBRACE))
            RETURN(comp_node(P, AST_DictComp, start, k, v, gens));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_dict_comprehension(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}

static const Node *last_comprehension_item(const Node *comp)
{
    if (comp->u.comprehension.ifs.n == 0) return comp->u.comprehension.iter;
    return comp->u.comprehension.ifs.items[comp->u.comprehension.ifs.n - 1];
}

static Node *invalid_comprehension(Parser *P)
{
    ENTER();
    /* ('[' | '(' | '{') a=starred_expression for_if_clauses */
    if (p_expect(P, T_LSQB) || p_expect(P, T_LPAR) || p_expect(P, T_LBRACE)) {
        Node *a = r_starred_expression(P);
        NodeList gens = {0};
        if (a && r_for_if_clauses(P, &gens) > 0)
            RETURN(p_raise_node(P, a, "iterable unpacking cannot be used in comprehension"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses */
    if (p_expect(P, T_LSQB) || p_expect(P, T_LBRACE)) {
        Node *a = r_star_named_expression(P);
        NodeList b = {0}, gens = {0};
        if (a && p_expect(P, T_COMMA) && r_star_named_expressions(P, &b) > 0 &&
            r_for_if_clauses(P, &gens) > 0)
            RETURN(p_raise_range(P, a, b.items[b.n - 1],
                                 "did you forget parentheses around the comprehension target?"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* ('[' | '{') a=star_named_expression b=',' for_if_clauses */
    if (p_expect(P, T_LSQB) || p_expect(P, T_LBRACE)) {
        Node *a = r_star_named_expression(P);
        PTok *b = a ? p_expect(P, T_COMMA) : NULL;
        NodeList gens = {0};
        if (b && r_for_if_clauses(P, &gens) > 0) {
            Node fake = {.end_lineno = b->end_lineno, .end_col = b->end_col};
            RETURN(p_raise_range(P, a, &fake,
                                 "did you forget parentheses around the comprehension target?"));
        }
    }
    RESET();
    LEAVE();
}

/* '{' a='**' bitwise_or for_if_clauses '}' */
static Node *invalid_dict_comprehension(Parser *P)
{
    ENTER();
    if (p_expect(P, T_LBRACE)) {
        PTok *a = p_expect(P, T_DOUBLESTAR);
        NodeList gens = {0};
        if (a && r_bitwise_or(P) && r_for_if_clauses(P, &gens) > 0 && p_expect(P, T_RBRACE))
            RETURN(p_raise_tok_range(P, a, a,
                                     "dict unpacking cannot be used in dict comprehension"));
    }
    RESET();
    LEAVE();
}

/* ---- call arguments ---- */

static Node *invalid_arguments(Parser *P);
static Node *invalid_kwarg(Parser *P);

static Node *arguments_raw(Parser *P)
{
    ENTER();
    Node *a = r_args(P);
    if (a) {
        p_expect(P, T_COMMA);
        if (p_at(P, T_RPAR)) RETURN(a);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_arguments(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}

Node *r_arguments(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_ARGUMENTS, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = arguments_raw(P);
    p_memo_put(P, pos, M_ARGUMENTS, res);
    return res;
}

/* starred_expression: '*' a=expression */
Node *r_starred_expression(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_STAR);
    if (!start) RETURN(NULL);
    Node *a = r_expression(P);
    if (!a) {
        RESET();
        RETURN(NULL);
    }
    Node *n = p_node(P, AST_Starred, start);
    if (n) {
        n->u.starred.value = a;
        n->u.starred.ctx = CTX_LOAD;
    }
    RETURN(n);
    LEAVE();
}

/* (starred_expression | (assignment_expression | expression !':=') !'=') */
static Node *positional_arg(Parser *P)
{
    int m = P->mark;
    Node *n = r_starred_expression(P);
    if (n || P->error) return n;
    n = r_assignment_expression(P);
    if (!n && !P->error) {
        n = r_expression(P);
        if (n && p_at(P, T_COLONEQUAL)) n = NULL;
    }
    if (n && !p_at(P, T_EQUAL)) return n;
    P->mark = m;
    return NULL;
}

/* a=NAME '=' b=expression -> keyword */
static Node *name_eq_kwarg(Parser *P)
{
    int m = P->mark;
    PTok *start = p_expect_name(P);
    if (start && p_expect(P, T_EQUAL)) {
        Node *b = r_expression(P);
        if (b) {
            Node *k = p_node(P, AST_Keyword, start);
            if (k) {
                k->u.keyword.arg = p_ident(P, start);
                k->u.keyword.value = b;
            }
            return k;
        }
    }
    P->mark = m;
    return NULL;
}

/* kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression */
static Node *kwarg_or_starred(Parser *P)
{
    int m = P->mark;
    if (P->call_invalid) {
        if (invalid_kwarg(P) || P->error) return NULL;
        P->mark = m;
    }
    Node *k = name_eq_kwarg(P);
    if (k || P->error) return k;
    return r_starred_expression(P);
}

/* kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
static Node *kwarg_or_double_starred(Parser *P)
{
    int m = P->mark;
    if (P->call_invalid) {
        if (invalid_kwarg(P) || P->error) return NULL;
        P->mark = m;
    }
    Node *k = name_eq_kwarg(P);
    if (k || P->error) return k;
    PTok *start = p_expect(P, T_DOUBLESTAR);
    if (start) {
        Node *a = r_expression(P);
        if (a) {
            k = p_node(P, AST_Keyword, start);
            if (k) k->u.keyword.value = a;
            return k;
        }
    }
    P->mark = m;
    return NULL;
}

/* kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
 *       | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+ */
static int r_kwargs(Parser *P, NodeList *out)
{
    int m = P->mark;
    NodeList a = {0};
    int r = gather(P, kwarg_or_starred, &a);
    if (r < 0) return -1;
    if (r > 0 && p_expect(P, T_COMMA)) {
        NodeList b = {0};
        int r2 = gather(P, kwarg_or_double_starred, &b);
        if (r2 < 0) return -1;
        if (r2 > 0) {
            for (int i = 0; i < a.n; i++)
                if (p_push(P, out, a.items[i]) < 0) return -1;
            for (int i = 0; i < b.n; i++)
                if (p_push(P, out, b.items[i]) < 0) return -1;
            return 1;
        }
    }
    P->mark = m;
    if (P->error) return -1;
    a = (NodeList){0};
    r = gather(P, kwarg_or_starred, &a);
    if (r != 0) {
        *out = a;
        return r;
    }
    P->mark = m;
    return gather(P, kwarg_or_double_starred, out);
}

/* _PyPegen_collect_call_seqs / the kwargs-only alternative of args */
static Node *call_of(Parser *P, const PTok *start, NodeList args, const NodeList *kw)
{
    Node *n = p_node(P, AST_Call, start);
    if (!n) return NULL;
    n->u.call.args = args;
    if (kw) {
        for (int i = 0; i < kw->n; i++) {
            Node *e = kw->items[i];
            if (p_push(P, e->kind == AST_Starred ? &n->u.call.args : &n->u.call.keywords, e) < 0)
                return NULL;
        }
    }
    return n;
}

/* args: ','.positional+ [',' kwargs] | kwargs */
Node *r_args(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    NodeList a = {0};
    int r = gather(P, positional_arg, &a);
    if (r < 0) RETURN(NULL);
    if (r > 0) {
        int m = P->mark;
        NodeList k = {0};
        if (p_expect(P, T_COMMA)) {
            int rk = r_kwargs(P, &k);
            if (rk < 0) RETURN(NULL);
            if (rk > 0) RETURN(call_of(P, start, a, &k));
        }
        P->mark = m;
        RETURN(call_of(P, start, a, NULL));
    }
    RESET();
    NodeList k = {0};
    r = r_kwargs(P, &k);
    if (r <= 0) RETURN(NULL);
    RETURN(call_of(P, start, (NodeList){0}, &k));
    LEAVE();
}

static Node *invalid_arguments(Parser *P)
{
    ENTER();
    NodeList gens = {0};
    /* ((','.(starred_expression | (assignment_expression | expression !':=') !'=')+
     *   ',' kwargs) | kwargs) ',' b='*'  (3.11.7's form of the rule) */
    NodeList pos = {0}, kw = {0};
    int ok = gather(P, positional_arg, &pos) > 0 && p_expect(P, T_COMMA) && r_kwargs(P, &kw) > 0;
    if (!ok) {
        RESET();
        kw = (NodeList){0};
        ok = !FAILED() && r_kwargs(P, &kw) > 0;
    }
    if (ok && p_expect(P, T_COMMA)) {
        PTok *b = p_expect(P, T_STAR);
        if (b)
            RETURN(p_raise_tok_range(P, b, b,
                                     "iterable argument unpacking follows keyword argument unpacking"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    Node *a;
    /* a=expression b=for_if_clauses ',' [args | expression for_if_clauses] */
    a = r_expression(P);
    if (a && r_for_if_clauses(P, &gens) > 0 && p_expect(P, T_COMMA)) {
        int m = P->mark;
        if (!r_args(P) && !FAILED()) {
            P->mark = m;
            NodeList g2 = {0};
            if (!(r_expression(P) && r_for_if_clauses(P, &g2) > 0)) P->mark = m;
        }
        if (FAILED()) RETURN(NULL);
        RETURN(p_raise_range(P, a, last_comprehension_item(gens.items[gens.n - 1]),
                             "Generator expression must be parenthesized"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=NAME b='=' expression for_if_clauses */
    PTok *name = p_expect_name(P);
    PTok *eq = name ? p_expect(P, T_EQUAL) : NULL;
    gens = (NodeList){0};
    if (eq && r_expression(P) && r_for_if_clauses(P, &gens) > 0)
        RETURN(p_raise_tok_range(P, name, eq,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=args b=for_if_clauses */
    a = r_args(P);
    gens = (NodeList){0};
    if (a && r_for_if_clauses(P, &gens) > 0) {
        /* _PyPegen_nonparen_genexp_in_call */
        int len = a->u.call.args.n;
        if (len > 1)
            RETURN(p_raise_range(P, a->u.call.args.items[len - 1],
                                 last_comprehension_item(gens.items[gens.n - 1]),
                                 "Generator expression must be parenthesized"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* args ',' a=expression b=for_if_clauses */
    gens = (NodeList){0};
    if (r_args(P) && p_expect(P, T_COMMA)) {
        a = r_expression(P);
        if (a && r_for_if_clauses(P, &gens) > 0)
            RETURN(p_raise_range(P, a, last_comprehension_item(gens.items[gens.n - 1]),
                                 "Generator expression must be parenthesized"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=args ',' args */
    a = r_args(P);
    if (a && p_expect(P, T_COMMA) && r_args(P)) {
        /* _PyPegen_arguments_parsing_error */
        int unpacking = 0;
        for (int i = 0; i < a->u.call.keywords.n; i++)
            if (!a->u.call.keywords.items[i]->u.keyword.arg) unpacking = 1;
        RETURN(p_raise_last(P, "SyntaxError", "%s",
                            unpacking ? "positional argument follows keyword argument unpacking"
                                      : "positional argument follows keyword argument"));
    }
    RESET();
    LEAVE();
}

static Node *invalid_kwarg(Parser *P)
{
    ENTER();
    /* a=('True'|'False'|'None') b='=' */
    PTok *a = p_expect(P, K_TRUE);
    if (!a) a = p_expect(P, K_FALSE);
    if (!a) a = p_expect(P, K_NONE);
    if (a) {
        PTok *b = p_expect(P, T_EQUAL);
        if (b) RETURN(p_raise_tok_range(P, a, b, "cannot assign to %.*s", a->n, a->s));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=NAME b='=' expression for_if_clauses */
    a = p_expect_name(P);
    PTok *b = a ? p_expect(P, T_EQUAL) : NULL;
    NodeList gens = {0};
    if (b && r_expression(P) && r_for_if_clauses(P, &gens) > 0)
        RETURN(p_raise_tok_range(P, a, b,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    RESET();
    if (FAILED()) RETURN(NULL);
    /* !(NAME '=') a=expression b='=' */
    int name_eq = 0;
    if (p_expect_name(P) && p_at(P, T_EQUAL)) name_eq = 1;
    RESET();
    if (FAILED()) RETURN(NULL);
    if (!name_eq) {
        Node *e = r_expression(P);
        PTok *eq = e ? p_expect(P, T_EQUAL) : NULL;
        if (eq) {
            Node fake = {.end_lineno = eq->end_lineno, .end_col = eq->end_col};
            RETURN(p_raise_range(P, e, &fake,
                                 "expression cannot contain assignment, perhaps you meant \"==\"?"));
        }
    }
    RESET();
    LEAVE();
}

/* ---- targets ---- */

Node *r_star_targets(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_star_target(P);
    if (!a) RETURN(NULL);
    if (!p_at(P, T_COMMA)) RETURN(a);
    if (FAILED()) RETURN(NULL);
    NodeList rest = {0};
    if (sep_loop(P, r_star_target, &rest) < 0) RETURN(NULL);
    p_expect(P, T_COMMA);
    RETURN(tuple_from(P, start, a, rest, CTX_STORE));
    LEAVE();
}

static Node *r_target_with_star_atom(Parser *P);

static Node *star_target_raw(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_STAR);
    if (start) {
        if (!p_at(P, T_STAR) && !FAILED()) {
            Node *a = r_star_target(P);
            if (a) {
                Node *n = p_node(P, AST_Starred, start);
                if (n) {
                    n->u.starred.value = p_set_ctx(P, a, CTX_STORE);
                    n->u.starred.ctx = CTX_STORE;
                }
                RETURN(n);
            }
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    RETURN(r_target_with_star_atom(P));
    LEAVE();
}

Node *r_star_target(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_STAR_TARGET, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = star_target_raw(P);
    p_memo_put(P, pos, M_STAR_TARGET, res);
    return res;
}

/* a=t_primary '.' b=NAME !t_lookahead | a=t_primary '[' b=slices ']' !t_lookahead */
static Node *subscript_attribute_target(Parser *P, ExprContext ctx)
{
    int m = P->mark;
    PTok *start = p_peek(P);
    if (!start) return NULL;
    Node *a = r_t_primary(P);
    if (a) {
        PTok *b;
        if (p_expect(P, T_DOT) && (b = p_expect_name(P)) && !r_t_lookahead(P)) {
            Node *n = p_node(P, AST_Attribute, start);
            if (n) {
                n->u.attribute.value = a;
                n->u.attribute.attr = p_ident(P, b);
                n->u.attribute.ctx = ctx;
            }
            return n;
        }
    }
    P->mark = m;
    if (P->error) return NULL;
    a = r_t_primary(P);
    if (a && p_expect(P, T_LSQB)) {
        Node *s = r_slices(P);
        if (s && p_expect(P, T_RSQB) && !r_t_lookahead(P)) {
            Node *n = p_node(P, AST_Subscript, start);
            if (n) {
                n->u.subscript.value = a;
                n->u.subscript.slice = s;
                n->u.subscript.ctx = ctx;
            }
            return n;
        }
    }
    P->mark = m;
    return NULL;
}

/* star_targets_tuple_seq: a=star_target b=(',' c=star_target)+ [','] | a=star_target ',' */
static int star_targets_tuple_seq(Parser *P, NodeList *out)
{
    int m = P->mark;
    Node *a = r_star_target(P);
    if (!a) return P->error ? -1 : 0;
    NodeList rest = {0};
    if (sep_loop(P, r_star_target, &rest) < 0) return -1;
    if (rest.n) {
        p_expect(P, T_COMMA);
        if (p_push(P, out, a) < 0) return -1;
        for (int i = 0; i < rest.n; i++)
            if (p_push(P, out, rest.items[i]) < 0) return -1;
        return 1;
    }
    P->mark = m;
    a = r_star_target(P);
    if (a && p_expect(P, T_COMMA)) return p_push(P, out, a) < 0 ? -1 : 1;
    P->mark = m;
    return P->error ? -1 : 0;
}

static Node *star_atom(Parser *P)
{
    ENTER();
    PTok *t = p_expect_name(P);
    if (t) RETURN(name_node(P, t, CTX_STORE));
    if (FAILED()) RETURN(NULL);
    PTok *start = p_expect(P, T_LPAR);
    if (start) {
        Node *a = r_target_with_star_atom(P);
        if (a && p_expect(P, T_RPAR)) RETURN(p_set_ctx(P, a, CTX_STORE));
        RESET();
        if (FAILED()) RETURN(NULL);
        P->mark++;
        NodeList l = {0};
        if (star_targets_tuple_seq(P, &l) < 0) RETURN(NULL);
        if (p_expect(P, T_RPAR)) RETURN(seq_node(P, AST_Tuple, start, l, CTX_STORE));
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    start = p_expect(P, T_LSQB);
    if (start) {
        NodeList l = {0};
        if (gather(P, r_star_target, &l) < 0) RETURN(NULL);
        if (l.n) p_expect(P, T_COMMA);
        if (p_expect(P, T_RSQB)) RETURN(seq_node(P, AST_List, start, l, CTX_STORE));
        RESET();
    }
    LEAVE();
}

static Node *target_with_star_atom_raw(Parser *P)
{
    ENTER();
    Node *n = subscript_attribute_target(P, CTX_STORE);
    if (n || FAILED()) RETURN(n);
    RETURN(star_atom(P));
    LEAVE();
}

static Node *r_target_with_star_atom(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_TARGET_WITH_STAR_ATOM, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = target_with_star_atom_raw(P);
    p_memo_put(P, pos, M_TARGET_WITH_STAR_ATOM, res);
    return res;
}

Node *r_single_subscript_attribute_target(Parser *P)
{
    return subscript_attribute_target(P, CTX_STORE);
}

/* single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
Node *r_single_target(Parser *P)
{
    ENTER();
    Node *n = subscript_attribute_target(P, CTX_STORE);
    if (n || FAILED()) RETURN(n);
    PTok *t = p_expect_name(P);
    if (t) RETURN(name_node(P, t, CTX_STORE));
    if (p_expect(P, T_LPAR)) {
        n = r_single_target(P);
        if (n && p_expect(P, T_RPAR)) RETURN(n);
    }
    RESET();
    LEAVE();
}

int r_t_lookahead(Parser *P)
{
    return p_at(P, T_LPAR) || p_at(P, T_LSQB) || p_at(P, T_DOT);
}

static Node *t_primary_raw(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_atom(P);
    if (!a || !r_t_lookahead(P)) {
        RESET();
        RETURN(NULL);
    }
    for (;;) {
        Node *n = primary_step(P, start, a, 1);
        if (FAILED()) RETURN(NULL);
        if (!n) break;
        a = n;
    }
    RETURN(a);
    LEAVE();
}

Node *r_t_primary(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_T_PRIMARY, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = t_primary_raw(P);
    p_memo_put(P, pos, M_T_PRIMARY, res);
    return res;
}

/* del_targets: a=','.del_target+ [','] */
static Node *r_del_target(Parser *P);

int r_del_targets(Parser *P, NodeList *out)
{
    int r = gather(P, r_del_target, out);
    if (r <= 0) return r;
    p_expect(P, T_COMMA);
    return P->error ? -1 : 1;
}

static Node *del_t_atom(Parser *P)
{
    ENTER();
    PTok *t = p_expect_name(P);
    if (t) RETURN(name_node(P, t, CTX_DEL));
    if (FAILED()) RETURN(NULL);
    PTok *start = p_expect(P, T_LPAR);
    if (start) {
        Node *a = r_del_target(P);
        if (a && p_expect(P, T_RPAR)) RETURN(p_set_ctx(P, a, CTX_DEL));
        RESET();
        if (FAILED()) RETURN(NULL);
        P->mark++;
        NodeList l = {0};
        if (r_del_targets(P, &l) < 0) RETURN(NULL);
        if (p_expect(P, T_RPAR)) RETURN(seq_node(P, AST_Tuple, start, l, CTX_DEL));
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    start = p_expect(P, T_LSQB);
    if (start) {
        NodeList l = {0};
        if (r_del_targets(P, &l) < 0) RETURN(NULL);
        if (p_expect(P, T_RSQB)) RETURN(seq_node(P, AST_List, start, l, CTX_DEL));
        RESET();
    }
    LEAVE();
}

static Node *del_target_raw(Parser *P)
{
    ENTER();
    Node *n = subscript_attribute_target(P, CTX_DEL);
    if (n || FAILED()) RETURN(n);
    RETURN(del_t_atom(P));
    LEAVE();
}

static Node *r_del_target(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_DEL_TARGET, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = del_target_raw(P);
    p_memo_put(P, pos, M_DEL_TARGET, res);
    return res;
}

int r_augassign(Parser *P, BinOpKind *op)
{
    static const struct {
        int tok;
        BinOpKind op;
    } ops[] = {
        {T_PLUSEQUAL, OP_ADD},          {T_MINEQUAL, OP_SUB},          {T_STAREQUAL, OP_MULT},
        {T_ATEQUAL, OP_MATMULT},        {T_SLASHEQUAL, OP_DIV},        {T_PERCENTEQUAL, OP_MOD},
        {T_AMPEREQUAL, OP_BITAND},      {T_VBAREQUAL, OP_BITOR},       {T_CIRCUMFLEXEQUAL, OP_BITXOR},
        {T_LEFTSHIFTEQUAL, OP_LSHIFT},  {T_RIGHTSHIFTEQUAL, OP_RSHIFT}, {T_DOUBLESTAREQUAL, OP_POW},
        {T_DOUBLESLASHEQUAL, OP_FLOORDIV},
    };
    PTok *t = p_peek(P);
    if (!t) return 0;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (t->type == ops[i].tok) {
            P->mark++;
            *op = ops[i].op;
            return 1;
        }
    return 0;
}
