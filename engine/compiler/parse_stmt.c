/* parse_stmt.c -- the file, statement and block rules of 3.11's
 * Grammar/python.gram (simple statements, imports, if/while/for/try, and
 * with/match, which are outside the subset but parsed for CPython's
 * errors), with their invalid_ rules. */
#include <string.h>

#include "compiler/parse_internal.h"

static NodeList *p_new_list(Parser *P);


static NodeList *r_statements(Parser *P);
static Node *compound_stmt(Parser *P);
static NodeList *simple_stmts(Parser *P);

static NodeList *p_new_list(Parser *P)
{
    NodeList *l = ast_alloc(P->arena, sizeof *l);
    if (!l) p_no_memory(P);
    return l;
}

/* file: a=[statements] ENDMARKER */
Node *r_file(Parser *P)
{
    ENTER();
    NodeList *a = r_statements(P);
    if (FAILED()) RETURN(NULL);
    if (!p_expect(P, T_ENDMARKER)) RETURN(NULL);
    Node *m = ast_node(P->arena, AST_Module, 0, 0, 0, 0);
    if (!m) {
        p_no_memory(P);
        RETURN(NULL);
    }
    if (a) m->u.module.body = *a;
    RETURN(m);
    LEAVE();
}

/* statements: statement+ (flattened); statement: compound_stmt | simple_stmts */
static NodeList *r_statements(Parser *P)
{
    ENTER();
    NodeList *out = p_new_list(P);
    if (!out) RETURN(NULL);
    for (;;) {
        Node *c = compound_stmt(P);
        if (c) {
            if (p_push(P, out, c) < 0) RETURN(NULL);
            continue;
        }
        if (FAILED()) RETURN(NULL);
        NodeList *s = simple_stmts(P);
        if (!s) break;
        for (int i = 0; i < s->n; i++)
            if (p_push(P, out, s->items[i]) < 0) RETURN(NULL);
    }
    if (FAILED() || !out->n) RETURN(NULL);
    RETURN(out);
    LEAVE();
}

static Node *simple_stmt(Parser *P);

/* simple_stmts: a=simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
static NodeList *simple_stmts(Parser *P)
{
    ENTER();
    NodeList *out = p_new_list(P);
    if (!out) RETURN(NULL);
    Node *a = simple_stmt(P);
    if (a && !p_at(P, T_SEMI) && p_expect(P, T_NEWLINE)) {
        if (p_push(P, out, a) < 0) RETURN(NULL);
        RETURN(out);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    a = simple_stmt(P);
    if (!a) RETURN(NULL);
    if (p_push(P, out, a) < 0) RETURN(NULL);
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, T_SEMI)) break;
        a = simple_stmt(P);
        if (!a) {
            P->mark = m;
            break;
        }
        if (p_push(P, out, a) < 0) RETURN(NULL);
    }
    if (FAILED()) RETURN(NULL);
    p_expect(P, T_SEMI);
    if (!p_expect(P, T_NEWLINE)) {
        RESET();
        RETURN(NULL);
    }
    RETURN(out);
    LEAVE();
}

/* ---- simple statements ---- */

static Node *invalid_assignment(Parser *P);

/* annotated_rhs / (yield_expr | star_expressions) */
static Node *annotated_rhs(Parser *P)
{
    Node *n = r_yield_expr(P);
    if (n || P->error) return n;
    return r_star_expressions(P);
}

/* The AnnAssign alternatives' tail: ':' b=expression c=['=' d=annotated_rhs].
 * `simple` is 1 for a bare NAME target, 0 for a parenthesised one or an
 * attribute or subscript.  Returns the statement or NULL. */
static Node *ann_tail(Parser *P, const PTok *start, Node *target, int simple)
{
    int m = P->mark;
    if (!p_expect(P, T_COLON)) return NULL;
    Node *b = r_expression(P);
    if (!b) {
        P->mark = m;
        return NULL;
    }
    int k = P->mark;
    Node *c = NULL;
    if (p_expect(P, T_EQUAL)) {
        c = annotated_rhs(P);
        if (!c) P->mark = k;
    }
    if (P->error) return NULL;
    Node *n = p_node(P, AST_AnnAssign, start);
    if (!n) return NULL;
    n->u.annassign.target = target;
    n->u.annassign.annotation = b;
    n->u.annassign.value = c;
    n->u.annassign.simple = simple;
    return n;
}

static Node *assignment(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    /* a=NAME ':' b=expression c=['=' d=annotated_rhs] */
    PTok *name = p_expect_name(P);
    if (name) {
        Node *t = ast_node(P->arena, AST_Name, name->lineno, name->col, name->end_lineno,
                           name->end_col);
        if (!t) {
            p_no_memory(P);
            RETURN(NULL);
        }
        t->u.name.id = p_ident(P, name);
        t->u.name.ctx = CTX_STORE;
        Node *n = ann_tail(P, start, t, 1);
        if (n || FAILED()) RETURN(n);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=('(' b=single_target ')' | single_subscript_attribute_target) ':' ... */
    Node *a = NULL;
    if (p_expect(P, T_LPAR)) {
        a = r_single_target(P);
        if (!a || !p_expect(P, T_RPAR)) a = NULL;
    }
    if (!a) {
        RESET();
        if (FAILED()) RETURN(NULL);
        a = r_single_subscript_attribute_target(P);
    }
    if (a) {
        Node *n = ann_tail(P, start, a, 0);
        if (n || FAILED()) RETURN(n);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=(z=star_targets '=')+ b=(yield_expr | star_expressions) !'=' */
    NodeList targets = {0};
    for (;;) {
        int m = P->mark;
        Node *z = r_star_targets(P);
        if (!z || !p_expect(P, T_EQUAL)) {
            P->mark = m;
            break;
        }
        if (p_push(P, &targets, z) < 0) RETURN(NULL);
    }
    if (FAILED()) RETURN(NULL);
    if (targets.n) {
        Node *b = annotated_rhs(P);
        if (b && !p_at(P, T_EQUAL)) {
            Node *n = p_node(P, AST_Assign, start);
            if (n) {
                n->u.assign.targets = targets;
                n->u.assign.value = b;
            }
            RETURN(n);
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=single_target b=augassign ~ c=(yield_expr | star_expressions) */
    a = r_single_target(P);
    BinOpKind op;
    if (a && r_augassign(P, &op)) {
        Node *c = annotated_rhs(P);
        if (!c) {
            RESET();
            RETURN(NULL); /* the cut */
        }
        Node *n = p_node(P, AST_AugAssign, start);
        if (n) {
            n->u.augassign.target = a;
            n->u.augassign.op = op;
            n->u.augassign.value = c;
        }
        RETURN(n);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        invalid_assignment(P);
        RESET();
    }
    LEAVE();
}

/* invalid_ann_assign_target: list | tuple | '(' a=invalid_ann_assign_target ')' */
static Node *invalid_ann_assign_target(Parser *P)
{
    ENTER();
    Node *n = r_list(P);
    if (n || FAILED()) RETURN(n);
    n = r_tuple(P);
    if (n || FAILED()) RETURN(n);
    if (p_expect(P, T_LPAR)) {
        n = invalid_ann_assign_target(P);
        if (n && p_expect(P, T_RPAR)) RETURN(n);
    }
    RESET();
    LEAVE();
}

/* (star_targets '=')* */
static void star_targets_eq_loop(Parser *P)
{
    for (;;) {
        int m = P->mark;
        if (!r_star_targets(P) || !p_expect(P, T_EQUAL)) {
            P->mark = m;
            return;
        }
    }
}

static Node *invalid_assignment(Parser *P)
{
    ENTER();
    /* a=invalid_ann_assign_target ':' expression */
    Node *a = invalid_ann_assign_target(P);
    if (a && p_expect(P, T_COLON) && r_expression(P))
        RETURN(p_raise_node(P, a, "only single target (not %s) can be annotated",
                            p_expr_name(P, a)));
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=star_named_expression ',' star_named_expressions* ':' expression */
    a = r_star_named_expression(P);
    if (a && p_expect(P, T_COMMA)) {
        for (;;) {
            NodeList l = {0};
            int m = P->mark;
            if (r_star_named_expressions(P, &l) <= 0) {
                P->mark = m;
                break;
            }
        }
        if (!FAILED() && p_expect(P, T_COLON) && r_expression(P))
            RETURN(p_raise_node(P, a, "only single target (not tuple) can be annotated"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=expression ':' expression */
    a = r_expression(P);
    if (a && p_expect(P, T_COLON) && r_expression(P))
        RETURN(p_raise_node(P, a, "illegal target for annotation"));
    RESET();
    if (FAILED()) RETURN(NULL);
    /* (star_targets '=')* a=star_expressions '=' */
    star_targets_eq_loop(P);
    if (FAILED()) RETURN(NULL);
    a = r_star_expressions(P);
    if (a && p_expect(P, T_EQUAL)) {
        p_raise_invalid_target(P, STAR_TARGETS, a);
        if (FAILED()) RETURN(NULL);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* (star_targets '=')* a=yield_expr '=' */
    star_targets_eq_loop(P);
    if (FAILED()) RETURN(NULL);
    a = r_yield_expr(P);
    if (a && p_expect(P, T_EQUAL))
        RETURN(p_raise_node(P, a, "assignment to yield expression not possible"));
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=star_expressions augassign (yield_expr | star_expressions) */
    a = r_star_expressions(P);
    BinOpKind op;
    if (a && r_augassign(P, &op) && annotated_rhs(P))
        RETURN(p_raise_node(P, a, "'%s' is an illegal expression for augmented assignment",
                            p_expr_name(P, a)));
    RESET();
    LEAVE();
}

static Node *single_value_stmt(Parser *P, AstKind kind, const PTok *start, Node *value)
{
    Node *n = p_node(P, kind, start);
    if (n) n->u.ret.value = value;
    return n;
}

/* return_stmt: 'return' a=[star_expressions] */
static Node *return_stmt(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_RETURN);
    if (!start) RETURN(NULL);
    Node *a = r_star_expressions(P);
    if (FAILED()) RETURN(NULL);
    RETURN(single_value_stmt(P, AST_Return, start, a));
    LEAVE();
}

/* raise_stmt: 'raise' a=expression b=['from' z=expression] | 'raise' */
static Node *raise_stmt(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_RAISE);
    if (!start) RETURN(NULL);
    Node *a = r_expression(P);
    if (a) {
        Node *b = NULL;
        int m = P->mark;
        if (p_expect(P, K_FROM)) {
            b = r_expression(P);
            if (!b) P->mark = m;
        }
        if (FAILED()) RETURN(NULL);
        Node *n = p_node(P, AST_Raise, start);
        if (n) {
            n->u.raise.exc = a;
            n->u.raise.cause = b;
        }
        RETURN(n);
    }
    if (FAILED()) RETURN(NULL);
    P->mark = _mark + 1;
    RETURN(p_node(P, AST_Raise, start));
    LEAVE();
}

/* global_stmt / nonlocal_stmt: KW ','.NAME+ */
static Node *scope_stmt(Parser *P, int kw, AstKind kind)
{
    ENTER();
    PTok *start = p_expect(P, kw);
    if (!start) RETURN(NULL);
    PTok *names[512];
    PTok **list = names;
    int n = 0, cap = 512;
    PTok *t = p_expect_name(P);
    if (!t) {
        RESET();
        RETURN(NULL);
    }
    list[n++] = t;
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, T_COMMA)) break;
        t = p_expect_name(P);
        if (!t) {
            P->mark = m;
            break;
        }
        if (n == cap) {
            PTok **bigger = ast_alloc(P->scratch, (size_t)cap * 2 * sizeof *bigger);
            if (!bigger) {
                p_no_memory(P);
                RETURN(NULL);
            }
            memcpy(bigger, list, (size_t)n * sizeof *list);
            list = bigger;
            cap *= 2;
        }
        list[n++] = t;
    }
    if (FAILED()) RETURN(NULL);
    Node *s = p_node(P, kind, start);
    if (!s) RETURN(NULL);
    s->u.scope.names = ast_alloc(P->arena, (size_t)n * sizeof(const char *));
    if (!s->u.scope.names) {
        p_no_memory(P);
        RETURN(NULL);
    }
    for (int i = 0; i < n; i++) s->u.scope.names[i] = p_ident(P, list[i]);
    s->u.scope.n = n;
    RETURN(s);
    LEAVE();
}

/* del_stmt: 'del' a=del_targets &(';' | NEWLINE) | invalid_del_stmt */
static Node *del_stmt(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_DEL);
    if (!start) RETURN(NULL);
    NodeList targets = {0};
    int r = r_del_targets(P, &targets);
    if (r < 0) RETURN(NULL);
    if (r > 0 && (p_at(P, T_SEMI) || p_at(P, T_NEWLINE))) {
        Node *n = p_node(P, AST_Delete, start);
        if (n) n->u.del.targets = targets;
        RETURN(n);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        /* invalid_del_stmt: 'del' a=star_expressions */
        if (p_expect(P, K_DEL)) {
            Node *a = r_star_expressions(P);
            if (a) p_raise_invalid_target(P, DEL_TARGETS, a);
            if (FAILED()) RETURN(NULL);
        }
        RESET();
    }
    LEAVE();
}

/* assert_stmt: 'assert' a=expression b=[',' z=expression] */
static Node *assert_stmt(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_ASSERT);
    if (!start) RETURN(NULL);
    Node *a = r_expression(P);
    if (!a) {
        RESET();
        RETURN(NULL);
    }
    Node *b = NULL;
    int m = P->mark;
    if (p_expect(P, T_COMMA)) {
        b = r_expression(P);
        if (!b) P->mark = m;
    }
    if (FAILED()) RETURN(NULL);
    Node *n = p_node(P, AST_Assert, start);
    if (n) {
        n->u.assertstmt.test = a;
        n->u.assertstmt.msg = b;
    }
    RETURN(n);
    LEAVE();
}

/* ---- imports ---- */

/* dotted_name: dotted_name '.' NAME | NAME -- the joined text */
static const char *dotted_name(Parser *P)
{
    PTok *t = p_expect_name(P);
    if (!t) return NULL;
    char buf[1024];
    size_t len = 0;
    for (;;) {
        size_t k = (size_t)t->n;
        if (len + k + 2 > sizeof buf) k = sizeof buf - len - 2;
        if (len) buf[len++] = '.';
        memcpy(buf + len, t->s, k);
        len += k;
        int m = P->mark;
        if (!p_expect(P, T_DOT)) break;
        t = p_expect_name(P);
        if (!t) {
            P->mark = m;
            break;
        }
    }
    if (P->error) return NULL;
    const char *s = ast_strndup(P->arena, buf, len);
    if (!s) p_no_memory(P);
    return s;
}

static Node *alias_node(Parser *P, const PTok *start, const char *name, const char *asname)
{
    Node *n = p_node(P, AST_Alias, start);
    if (n) {
        n->u.alias.name = name;
        n->u.alias.asname = asname;
    }
    return n;
}

/* ['as' z=NAME] */
static const char *opt_as_name(Parser *P)
{
    int m = P->mark;
    if (!p_expect(P, K_AS)) return NULL;
    PTok *z = p_expect_name(P);
    if (!z) {
        P->mark = m;
        return NULL;
    }
    return p_ident(P, z);
}

/* dotted_as_name: a=dotted_name b=['as' z=NAME] */
static Node *dotted_as_name(Parser *P)
{
    PTok *start = p_peek(P);
    if (!start) return NULL;
    const char *a = dotted_name(P);
    if (!a) return NULL;
    const char *b = opt_as_name(P);
    if (P->error) return NULL;
    return alias_node(P, start, a, b);
}

/* import_from_as_name: a=NAME b=['as' z=NAME] */
static Node *import_from_as_name(Parser *P)
{
    PTok *start = p_expect_name(P);
    if (!start) return NULL;
    const char *b = opt_as_name(P);
    if (P->error) return NULL;
    return alias_node(P, start, p_ident(P, start), b);
}

static int gather_nodes(Parser *P, Node *(*elem)(Parser *), NodeList *out)
{
    Node *a = elem(P);
    if (!a) return P->error ? -1 : 0;
    if (p_push(P, out, a) < 0) return -1;
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, T_COMMA)) break;
        a = elem(P);
        if (!a) {
            P->mark = m;
            break;
        }
        if (p_push(P, out, a) < 0) return -1;
    }
    return P->error ? -1 : 1;
}

/* import_from_targets: '(' a=import_from_as_names [','] ')'
 *   | import_from_as_names !',' | '*' | invalid_import_from_targets */
static int import_from_targets(Parser *P, NodeList *out)
{
    int m = P->mark;
    if (p_expect(P, T_LPAR)) {
        NodeList l = {0};
        if (gather_nodes(P, import_from_as_name, &l) > 0) {
            p_expect(P, T_COMMA);
            if (p_expect(P, T_RPAR)) {
                *out = l;
                return 1;
            }
        }
    }
    P->mark = m;
    if (P->error) return -1;
    NodeList l = {0};
    if (gather_nodes(P, import_from_as_name, &l) > 0 && !p_at(P, T_COMMA)) {
        *out = l;
        return 1;
    }
    P->mark = m;
    if (P->error) return -1;
    PTok *star = p_expect(P, T_STAR);
    if (star) {
        Node *a = alias_node(P, star, "*", NULL);
        return a && p_push(P, out, a) == 0 ? 1 : -1;
    }
    if (P->error) return -1;
    if (P->call_invalid) {
        /* import_from_as_names ',' NEWLINE */
        l = (NodeList){0};
        if (gather_nodes(P, import_from_as_name, &l) > 0 && p_expect(P, T_COMMA) &&
            p_expect(P, T_NEWLINE)) {
            p_raise_last(P, "SyntaxError",
                         "trailing comma not allowed without surrounding parentheses");
            return -1;
        }
        P->mark = m;
        if (P->error) return -1;
    }
    return 0;
}

/* import_name: 'import' a=dotted_as_names */
static Node *import_name(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_IMPORT);
    if (!start) RETURN(NULL);
    NodeList names = {0};
    int r = gather_nodes(P, dotted_as_name, &names);
    if (r <= 0) {
        RESET();
        RETURN(NULL);
    }
    Node *n = p_node(P, AST_Import, start);
    if (n) n->u.import.names = names;
    RETURN(n);
    LEAVE();
}

/* ('.' | '...')* : the level */
static int dots(Parser *P)
{
    int level = 0;
    for (;;) {
        if (p_expect(P, T_DOT)) level += 1;
        else if (p_expect(P, T_ELLIPSIS)) level += 3;
        else break;
    }
    return level;
}

static Node *import_from(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_FROM);
    if (!start) RETURN(NULL);
    /* 'from' a=('.' | '...')* b=dotted_name 'import' c=import_from_targets */
    int level = dots(P);
    const char *b = dotted_name(P);
    if (b && p_expect(P, K_IMPORT)) {
        NodeList names = {0};
        int r = import_from_targets(P, &names);
        if (r < 0) RETURN(NULL);
        if (r > 0) {
            Node *n = p_node(P, AST_ImportFrom, start);
            if (n) {
                n->u.import.module = b;
                n->u.import.names = names;
                n->u.import.level = level;
            }
            RETURN(n);
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* 'from' a=('.' | '...')+ 'import' b=import_from_targets */
    P->mark++;
    level = dots(P);
    if (level > 0 && p_expect(P, K_IMPORT)) {
        NodeList names = {0};
        int r = import_from_targets(P, &names);
        if (r < 0) RETURN(NULL);
        if (r > 0) {
            Node *n = p_node(P, AST_ImportFrom, start);
            if (n) {
                n->u.import.names = names;
                n->u.import.level = level;
            }
            RETURN(n);
        }
    }
    RESET();
    LEAVE();
}

static Node *simple_stmt_raw(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *n = assignment(P);
    if (n || FAILED()) RETURN(n);
    Node *e = r_star_expressions(P);
    if (e) RETURN(single_value_stmt(P, AST_Expr, start, e));
    if (FAILED()) RETURN(NULL);
    switch (start->type) {
    case K_RETURN: RETURN(return_stmt(P));
    case K_IMPORT:
    case K_FROM:
        n = import_name(P);
        if (n || FAILED()) RETURN(n);
        RETURN(import_from(P));
    case K_RAISE: RETURN(raise_stmt(P));
    case K_PASS: P->mark++; RETURN(p_node(P, AST_Pass, start));
    case K_DEL: RETURN(del_stmt(P));
    case K_YIELD:
        e = r_yield_expr(P);
        if (!e) RETURN(NULL);
        RETURN(single_value_stmt(P, AST_Expr, start, e));
    case K_ASSERT: RETURN(assert_stmt(P));
    case K_BREAK: P->mark++; RETURN(p_node(P, AST_Break, start));
    case K_CONTINUE: P->mark++; RETURN(p_node(P, AST_Continue, start));
    case K_GLOBAL: RETURN(scope_stmt(P, K_GLOBAL, AST_Global));
    case K_NONLOCAL: RETURN(scope_stmt(P, K_NONLOCAL, AST_Nonlocal));
    default: RETURN(NULL);
    }
    LEAVE();
}

static Node *simple_stmt(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_SIMPLE_STMT, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = simple_stmt_raw(P);
    p_memo_put(P, pos, M_SIMPLE_STMT, res);
    return res;
}

/* ---- blocks ---- */

static NodeList *block_raw(Parser *P)
{
    ENTER();
    if (p_expect(P, T_NEWLINE) && p_expect(P, T_INDENT)) {
        NodeList *a = r_statements(P);
        if (a && p_expect(P, T_DEDENT)) RETURN(a);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    NodeList *s = simple_stmts(P);
    if (s || FAILED()) RETURN(s);
    if (P->call_invalid) {
        /* invalid_block: NEWLINE !INDENT */
        if (p_expect(P, T_NEWLINE) && !p_at(P, T_INDENT) && !FAILED())
            RETURN(p_raise_last(P, "IndentationError", "expected an indented block"));
        RESET();
    }
    LEAVE();
}

NodeList *r_block(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_BLOCK, &found);
    if (found) return m;
    int pos = P->mark;
    NodeList *res = block_raw(P);
    p_memo_put(P, pos, M_BLOCK, res);
    return res;
}

/* NEWLINE !INDENT after a header's ':' -- the IndentationError of the
 * invalid_*_stmt rules ("expected an indented block after ...") */
int p_newline_no_indent(Parser *P)
{
    return p_expect(P, T_NEWLINE) && !p_at(P, T_INDENT) && !P->error;
}

void *p_raise_no_block(Parser *P, const char *what, int lineno)
{
    return p_raise_last(P, "IndentationError", "expected an indented block after %s on line %d",
                        what, lineno);
}

/* &&':' -- a forced token: its absence is an error at once */
PTok *p_expect_forced(Parser *P, int type, const char *text)
{
    PTok *t = p_peek(P);
    if (!t) return NULL;
    if (t->type != type) {
        p_raise_at(P, "SyntaxError", t->lineno, t->col, t->end_lineno, t->end_col, "expected '%s'",
                   text);
        return NULL;
    }
    P->mark++;
    return t;
}

/* ---- if / while / for ---- */

static NodeList *else_block(Parser *P);

static Node *if_node(Parser *P, const PTok *start, Node *test, NodeList *body, NodeList orelse)
{
    Node *n = p_node(P, AST_If, start);
    if (!n) return NULL;
    n->u.whileloop.test = test;
    n->u.whileloop.body = *body;
    n->u.whileloop.orelse = orelse;
    return n;
}

/* invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt:
 *   KW named_expression NEWLINE | a=KW named_expression ':' NEWLINE !INDENT */
static void invalid_cond_stmt(Parser *P, int kw, const char *what)
{
    int m = P->mark;
    if (p_expect(P, kw) && r_named_expression(P) && p_expect(P, T_NEWLINE)) {
        p_raise_last(P, "SyntaxError", "expected ':'");
        return;
    }
    P->mark = m;
    if (P->error) return;
    PTok *a = p_expect(P, kw);
    if (a && r_named_expression(P) && p_expect(P, T_COLON) && p_newline_no_indent(P)) {
        p_raise_no_block(P, what, a->lineno);
        return;
    }
    P->mark = m;
}

/* if_stmt / elif_stmt: KW a=named_expression ':' b=block (c=elif_stmt | c=[else_block]) */
static Node *if_stmt(Parser *P, int kw)
{
    ENTER();
    if (P->call_invalid) {
        invalid_cond_stmt(P, kw, kw == K_IF ? "'if' statement" : "'elif' statement");
        if (FAILED()) RETURN(NULL);
        RESET();
    }
    PTok *start = p_expect(P, kw);
    if (!start) RETURN(NULL);
    Node *a = r_named_expression(P);
    if (!a || !p_expect(P, T_COLON)) {
        RESET();
        RETURN(NULL);
    }
    NodeList *b = r_block(P);
    if (!b) {
        RESET();
        RETURN(NULL);
    }
    int m = P->mark;
    Node *c = if_stmt(P, K_ELIF);
    if (c) {
        NodeList orelse = {0};
        if (p_push(P, &orelse, c) < 0) RETURN(NULL);
        RETURN(if_node(P, start, a, b, orelse));
    }
    if (FAILED()) RETURN(NULL);
    P->mark = m;
    NodeList orelse = {0}, *el = else_block(P);
    if (el) orelse = *el;
    if (FAILED()) RETURN(NULL);
    RETURN(if_node(P, start, a, b, orelse));
    LEAVE();
}

/* else_block: invalid_else_stmt | 'else' &&':' b=block */
static NodeList *else_block(Parser *P)
{
    ENTER();
    if (P->call_invalid) {
        PTok *a = p_expect(P, K_ELSE);
        if (a && p_expect(P, T_COLON) && p_newline_no_indent(P))
            RETURN(p_raise_no_block(P, "'else' statement", a->lineno));
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    PTok *start = p_expect(P, K_ELSE);
    if (!start) RETURN(NULL);
    if (!p_expect_forced(P, T_COLON, ":")) RETURN(NULL);
    NodeList *b = r_block(P);
    if (!b) {
        RESET();
        RETURN(NULL);
    }
    RETURN(b);
    LEAVE();
}

static Node *while_stmt(Parser *P)
{
    ENTER();
    if (P->call_invalid) {
        invalid_cond_stmt(P, K_WHILE, "'while' statement");
        if (FAILED()) RETURN(NULL);
        RESET();
    }
    PTok *start = p_expect(P, K_WHILE);
    if (!start) RETURN(NULL);
    Node *a = r_named_expression(P);
    if (!a || !p_expect(P, T_COLON)) {
        RESET();
        RETURN(NULL);
    }
    NodeList *b = r_block(P);
    if (!b) {
        RESET();
        RETURN(NULL);
    }
    NodeList orelse = {0}, *el = else_block(P);
    if (el) orelse = *el;
    if (FAILED()) RETURN(NULL);
    Node *n = p_node(P, AST_While, start);
    if (n) {
        n->u.whileloop.test = a;
        n->u.whileloop.body = *b;
        n->u.whileloop.orelse = orelse;
    }
    RETURN(n);
    LEAVE();
}

/* invalid_for_stmt:
 *   [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
 * | [ASYNC] a='for' star_targets 'in' star_expressions ':' NEWLINE !INDENT */
static void invalid_for_stmt(Parser *P)
{
    int m = P->mark;
    p_expect(P, T_ASYNC);
    if (p_expect(P, K_FOR) && r_star_targets(P) && p_expect(P, K_IN) && r_star_expressions(P) &&
        p_expect(P, T_NEWLINE)) {
        p_raise_last(P, "SyntaxError", "expected ':'");
        return;
    }
    P->mark = m;
    if (P->error) return;
    p_expect(P, T_ASYNC);
    PTok *a = p_expect(P, K_FOR);
    if (a && r_star_targets(P) && p_expect(P, K_IN) && r_star_expressions(P) &&
        p_expect(P, T_COLON) && p_newline_no_indent(P)) {
        p_raise_no_block(P, "'for' statement", a->lineno);
        return;
    }
    P->mark = m;
}

/* [ASYNC] 'for' t=star_targets 'in' ~ ex=star_expressions ':' b=block el=[else_block] */
static Node *for_body(Parser *P, const PTok *start, int *cut)
{
    int m = P->mark;
    if (!p_expect(P, K_FOR)) return NULL;
    Node *t = r_star_targets(P);
    if (!t || !p_expect(P, K_IN)) goto fail;
    *cut = 1;
    Node *ex = r_star_expressions(P);
    if (!ex || !p_expect(P, T_COLON)) goto fail;
    NodeList *b = r_block(P);
    if (!b) goto fail;
    NodeList orelse = {0}, *el = else_block(P);
    if (el) orelse = *el;
    if (P->error) return NULL;
    Node *n = p_node(P, AST_For, start);
    if (n) {
        n->u.forloop.target = t;
        n->u.forloop.iter = ex;
        n->u.forloop.body = *b;
        n->u.forloop.orelse = orelse;
    }
    return n;
fail:
    P->mark = m;
    return NULL;
}

static Node *for_stmt(Parser *P)
{
    ENTER();
    if (P->call_invalid) {
        invalid_for_stmt(P);
        if (FAILED()) RETURN(NULL);
        RESET();
    }
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    int cut = 0;
    Node *n = for_body(P, start, &cut);
    if (n || cut || FAILED()) {
        if (!n) RESET();
        RETURN(n);
    }
    RESET();
    if (p_expect(P, T_ASYNC)) {
        n = for_body(P, start, &cut);
        if (n) p_unsupported_tok(P, start, "'async for' loops are");
        if (n || cut || FAILED()) {
            if (!n) RESET();
            RETURN(n);
        }
        RESET();
    }
    if (P->call_invalid) {
        r_invalid_for_target(P);
        RESET();
    }
    LEAVE();
}

/* ---- with (outside the subset, parsed for CPython's errors) ---- */

/* with_item: e=expression 'as' t=star_target &(',' | ')' | ':')
 *          | invalid_with_item | e=expression */
static Node *with_item(Parser *P)
{
    int m = P->mark;
    Node *e = r_expression(P);
    if (e && p_expect(P, K_AS)) {
        Node *t = r_star_target(P);
        if (t && (p_at(P, T_COMMA) || p_at(P, T_RPAR) || p_at(P, T_COLON))) return e;
    }
    P->mark = m;
    if (P->error) return NULL;
    if (P->call_invalid) {
        /* expression 'as' a=expression &(',' | ')' | ':') */
        if (r_expression(P) && p_expect(P, K_AS)) {
            Node *a = r_expression(P);
            if (a && (p_at(P, T_COMMA) || p_at(P, T_RPAR) || p_at(P, T_COLON))) {
                p_raise_invalid_target(P, STAR_TARGETS, a);
                if (P->error) return NULL;
            }
        }
        P->mark = m;
        if (P->error) return NULL;
    }
    return r_expression(P);
}

/* ','.(EXPR ['as' star_target])+ with EXPR expression or expressions */
static int with_items_loose(Parser *P, Node *(*expr)(Parser *))
{
    int count = 0;
    for (;;) {
        int m = P->mark;
        if (count && !p_expect(P, T_COMMA)) break;
        if (!expr(P)) {
            P->mark = m;
            break;
        }
        int k = P->mark;
        if (!(p_expect(P, K_AS) && r_star_target(P))) P->mark = k;
        count++;
    }
    return P->error ? -1 : count;
}

static void invalid_with_stmt_indent(Parser *P)
{
    int m = P->mark;
    p_expect(P, T_ASYNC);
    PTok *a = p_expect(P, K_WITH);
    if (a && with_items_loose(P, r_expression) > 0 && p_expect(P, T_COLON) &&
        p_newline_no_indent(P)) {
        p_raise_no_block(P, "'with' statement", a->lineno);
        return;
    }
    P->mark = m;
    if (P->error) return;
    p_expect(P, T_ASYNC);
    a = p_expect(P, K_WITH);
    if (a && p_expect(P, T_LPAR) && with_items_loose(P, r_expressions) > 0) {
        p_expect(P, T_COMMA);
        if (p_expect(P, T_RPAR) && p_expect(P, T_COLON) && p_newline_no_indent(P)) {
            p_raise_no_block(P, "'with' statement", a->lineno);
            return;
        }
    }
    P->mark = m;
}

static void invalid_with_stmt(Parser *P)
{
    int m = P->mark;
    p_expect(P, T_ASYNC);
    if (p_expect(P, K_WITH) && with_items_loose(P, r_expression) > 0 && p_expect(P, T_NEWLINE)) {
        p_raise_last(P, "SyntaxError", "expected ':'");
        return;
    }
    P->mark = m;
    if (P->error) return;
    p_expect(P, T_ASYNC);
    if (p_expect(P, K_WITH) && p_expect(P, T_LPAR) && with_items_loose(P, r_expressions) > 0) {
        p_expect(P, T_COMMA);
        if (p_expect(P, T_RPAR) && p_expect(P, T_NEWLINE)) {
            p_raise_last(P, "SyntaxError", "expected ':'");
            return;
        }
    }
    P->mark = m;
}

static int with_items(Parser *P)
{
    int n = 0;
    for (;;) {
        int m = P->mark;
        if (n && !p_expect(P, T_COMMA)) break;
        if (!with_item(P)) {
            P->mark = m;
            break;
        }
        n++;
    }
    return P->error ? -1 : n;
}

/* [ASYNC] 'with' ( '(' items ','? ')' ':' block | items ':' block ) */
static Node *with_body(Parser *P, const PTok *start, int is_async)
{
    int m = P->mark;
    PTok *kw = p_expect(P, K_WITH);
    if (!kw) return NULL;
    NodeList *b = NULL;
    if (p_expect(P, T_LPAR) && with_items(P) > 0) {
        p_expect(P, T_COMMA);
        if (p_expect(P, T_RPAR) && p_expect(P, T_COLON)) b = r_block(P);
    }
    if (!b) {
        P->mark = m + 1;
        if (P->error) return NULL;
        if (with_items(P) > 0 && p_expect(P, T_COLON)) b = r_block(P);
    }
    if (!b) {
        P->mark = m;
        return NULL;
    }
    Node *n = p_node(P, AST_If, start);
    if (!n) return NULL;
    n->u.whileloop.body = *b;
    if (is_async) p_unsupported_tok(P, start, "'async with' statements are");
    else p_unsupported_tok(P, kw, "'with' statements are");
    return n;
}

static Node *with_stmt(Parser *P)
{
    ENTER();
    if (P->call_invalid) {
        invalid_with_stmt_indent(P);
        if (FAILED()) RETURN(NULL);
        RESET();
    }
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *n = with_body(P, start, 0);
    if (n || FAILED()) RETURN(n);
    if (p_expect(P, T_ASYNC)) {
        n = with_body(P, start, 1);
        if (n || FAILED()) RETURN(n);
        RESET();
    }
    if (P->call_invalid) {
        invalid_with_stmt(P);
        RESET();
    }
    LEAVE();
}

/* ---- try ---- */

/* ['as' NAME] */
static const char *opt_as(Parser *P)
{
    int m = P->mark;
    if (!p_expect(P, K_AS)) return NULL;
    PTok *z = p_expect_name(P);
    if (!z) {
        P->mark = m;
        return NULL;
    }
    return p_ident(P, z);
}

static void invalid_except_stmt(Parser *P)
{
    int m = P->mark;
    /* 'except' '*'? a=expression ',' expressions ['as' NAME ] ':' */
    if (p_expect(P, K_EXCEPT)) {
        p_expect(P, T_STAR);
        Node *a = r_expression(P);
        if (a && p_expect(P, T_COMMA) && r_expressions(P)) {
            opt_as(P);
            if (!P->error && p_expect(P, T_COLON)) {
                p_raise_starting_from(P, a, "multiple exception types must be parenthesized");
                return;
            }
        }
    }
    P->mark = m;
    if (P->error) return;
    /* a='except' '*'? expression ['as' NAME ] NEWLINE */
    if (p_expect(P, K_EXCEPT)) {
        p_expect(P, T_STAR);
        if (r_expression(P)) {
            opt_as(P);
            if (!P->error && p_expect(P, T_NEWLINE)) {
                p_raise_last(P, "SyntaxError", "expected ':'");
                return;
            }
        }
    }
    P->mark = m;
    if (P->error) return;
    /* a='except' NEWLINE */
    if (p_expect(P, K_EXCEPT) && p_expect(P, T_NEWLINE)) {
        p_raise_last(P, "SyntaxError", "expected ':'");
        return;
    }
    P->mark = m;
    if (P->error) return;
    /* a='except' '*' (NEWLINE | ':') */
    if (p_expect(P, K_EXCEPT) && p_expect(P, T_STAR) &&
        (p_expect(P, T_NEWLINE) || p_expect(P, T_COLON))) {
        p_raise_last(P, "SyntaxError", "expected one or more exception types");
        return;
    }
    P->mark = m;
}

static Node *handler_node(Parser *P, const PTok *start, Node *type, const char *name, NodeList *b)
{
    Node *n = p_node(P, AST_ExceptHandler, start);
    if (!n) return NULL;
    n->u.handler.type = type;
    n->u.handler.name = name;
    n->u.handler.body = *b;
    return n;
}

/* except_block / except_star_block (star: 1) */
static Node *except_block(Parser *P, int star)
{
    ENTER();
    if (P->call_invalid) {
        /* invalid_except_stmt_indent / invalid_except_star_stmt_indent */
        PTok *a = p_expect(P, K_EXCEPT);
        if (a && (!star || p_expect(P, T_STAR)) && r_expression(P)) {
            opt_as(P);
            if (!FAILED() && p_expect(P, T_COLON) && p_newline_no_indent(P))
                RETURN(p_raise_no_block(P, star ? "'except*' statement" : "'except' statement",
                                      a->lineno));
        }
        RESET();
        if (FAILED()) RETURN(NULL);
        if (!star) {
            a = p_expect(P, K_EXCEPT);
            if (a && p_expect(P, T_COLON) && p_newline_no_indent(P))
                RETURN(p_raise_no_block(P, "'except' statement", a->lineno));
            RESET();
            if (FAILED()) RETURN(NULL);
        }
    }
    PTok *start = p_expect(P, K_EXCEPT);
    if (start && (!star || p_expect(P, T_STAR))) {
        Node *e = r_expression(P);
        if (e) {
            const char *t = opt_as(P);
            if (!FAILED() && p_expect(P, T_COLON)) {
                NodeList *b = r_block(P);
                if (b) RETURN(handler_node(P, start, e, t, b));
            }
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (!star) {
        start = p_expect(P, K_EXCEPT);
        if (start && p_expect(P, T_COLON)) {
            NodeList *b = r_block(P);
            if (b) RETURN(handler_node(P, start, NULL, NULL, b));
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    if (P->call_invalid) {
        invalid_except_stmt(P);
        RESET();
    }
    LEAVE();
}

/* finally_block: invalid_finally_stmt | 'finally' &&':' a=block */
static int finally_block(Parser *P, NodeList *out)
{
    int m = P->mark;
    if (P->call_invalid) {
        PTok *a = p_expect(P, K_FINALLY);
        if (a && p_expect(P, T_COLON) && p_newline_no_indent(P)) {
            p_raise_no_block(P, "'finally' statement", a->lineno);
            return -1;
        }
        P->mark = m;
        if (P->error) return -1;
    }
    if (!p_expect(P, K_FINALLY)) return P->error ? -1 : 0;
    if (!p_expect_forced(P, T_COLON, ":")) return -1;
    NodeList *b = r_block(P);
    if (!b) {
        P->mark = m;
        return P->error ? -1 : 0;
    }
    *out = *b;
    return 1;
}

static void invalid_try_stmt(Parser *P)
{
    int m = P->mark;
    /* a='try' ':' NEWLINE !INDENT */
    PTok *a = p_expect(P, K_TRY);
    if (a && p_expect(P, T_COLON) && p_newline_no_indent(P)) {
        p_raise_no_block(P, "'try' statement", a->lineno);
        return;
    }
    P->mark = m;
    if (P->error) return;
    /* 'try' ':' block !('except' | 'finally') */
    if (p_expect(P, K_TRY) && p_expect(P, T_COLON) && r_block(P) && !p_at(P, K_EXCEPT) &&
        !p_at(P, K_FINALLY) && !P->error) {
        p_raise_last(P, "SyntaxError", "expected 'except' or 'finally' block");
        return;
    }
    P->mark = m;
    if (P->error) return;
    /* 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':' */
    /* 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':' */
    for (int star = 0; star < 2; star++) {
        if (p_expect(P, K_TRY) && p_expect(P, T_COLON)) {
            while (r_block(P)) {
            }
            int n = 0;
            while (except_block(P, star)) n++;
            if (n && !P->error) {
                PTok *ex = p_expect(P, K_EXCEPT);
                if (ex && !star) {
                    PTok *b = p_expect(P, T_STAR);
                    if (b && r_expression(P)) {
                        opt_as(P);
                        if (!P->error && p_expect(P, T_COLON)) {
                            p_raise_tok_range(
                                P, ex, b,
                                "cannot have both 'except' and 'except*' on the same 'try'");
                            return;
                        }
                    }
                } else if (ex) {
                    int k = P->mark;
                    if (r_expression(P)) {
                        opt_as(P);
                    } else {
                        P->mark = k;
                    }
                    if (!P->error && p_expect(P, T_COLON)) {
                        p_raise_tok_range(
                            P, ex, ex, "cannot have both 'except' and 'except*' on the same 'try'");
                        return;
                    }
                }
            }
        }
        P->mark = m;
        if (P->error) return;
    }
}

static Node *try_node(Parser *P, const PTok *start, NodeList *b, NodeList handlers,
                      NodeList orelse, NodeList final)
{
    Node *n = p_node(P, AST_Try, start);
    if (!n) return NULL;
    n->u.trystmt.body = *b;
    n->u.trystmt.handlers = handlers;
    n->u.trystmt.orelse = orelse;
    n->u.trystmt.finalbody = final;
    return n;
}

static Node *try_stmt(Parser *P)
{
    ENTER();
    if (P->call_invalid) {
        invalid_try_stmt(P);
        if (FAILED()) RETURN(NULL);
        RESET();
    }
    PTok *start = p_expect(P, K_TRY);
    if (!start) RETURN(NULL);
    if (!p_expect_forced(P, T_COLON, ":")) RETURN(NULL);
    int after_colon = P->mark;
    /* 'try' &&':' b=block f=finally_block */
    NodeList *b = r_block(P);
    NodeList final = {0};
    if (b) {
        int r = finally_block(P, &final);
        if (r < 0) RETURN(NULL);
        if (r > 0) RETURN(try_node(P, start, b, (NodeList){0}, (NodeList){0}, final));
    }
    if (FAILED()) RETURN(NULL);
    /* 'try' &&':' b=block ex=except_block+ el=[else_block] f=[finally_block] */
    for (int star = 0; star < 2; star++) {
        P->mark = after_colon;
        b = r_block(P);
        if (!b) break;
        NodeList handlers = {0};
        Node *h;
        while ((h = except_block(P, star)))
            if (p_push(P, &handlers, h) < 0) RETURN(NULL);
        if (FAILED()) RETURN(NULL);
        if (!handlers.n) continue;
        NodeList orelse = {0}, *el = else_block(P);
        if (el) orelse = *el;
        if (FAILED()) RETURN(NULL);
        final = (NodeList){0};
        if (finally_block(P, &final) < 0) RETURN(NULL);
        Node *n = try_node(P, start, b, handlers, orelse, final);
        if (n && star) {
            const Node *h0 = handlers.items[0];
            p_unsupported(P, h0->lineno, h0->col, h0->lineno, h0->col + 6, "'except*' clauses are");
        }
        RETURN(n);
    }
    if (FAILED()) RETURN(NULL);
    RESET();
    LEAVE();
}

/* A case block read loosely: "case" <its tokens up to the ':' at its own
 * bracket depth> ':' block.  Patterns are outside the subset and not
 * parsed: a match statement is noted as unsupported and the parse goes on,
 * so that syntax errors after it are still CPython's. */
static int loose_case_block(Parser *P)
{
    int m = P->mark;
    PTok *kw = p_expect_soft(P, "case");
    if (!kw) return 0;
    for (;;) {
        PTok *t = p_peek(P);
        if (!t || t->type == T_INDENT || t->type == T_DEDENT || t->type == T_ENDMARKER) break;
        if (t->type == T_NEWLINE) {
            /* invalid_case_block: "case" patterns guard? NEWLINE */
            if (P->call_invalid && P->mark > m + 1) p_raise_last(P, "SyntaxError", "expected ':'");
            break;
        }
        P->mark++;
        if (t->type == T_COLON && t->level == kw->level) {
            /* invalid_case_block: "case" patterns guard? ':' NEWLINE !INDENT */
            int k = P->mark;
            if (P->call_invalid && p_newline_no_indent(P)) {
                p_raise_no_block(P, "'case' statement", kw->lineno);
                return 0;
            }
            P->mark = k;
            if (r_block(P)) return 1;
            break;
        }
    }
    P->mark = m;
    return 0;
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
 *           | invalid_match_stmt */
static Node *match_stmt(Parser *P)
{
    ENTER();
    PTok *kw = p_expect_soft(P, "match");
    if (!kw) RETURN(NULL);
    /* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
    Node *subject = r_star_named_expression(P);
    if (subject && p_expect(P, T_COMMA)) {
        NodeList l = {0};
        r_star_named_expressions(P, &l);
    } else {
        P->mark = _mark + 1;
        subject = FAILED() ? NULL : r_named_expression(P);
    }
    if (!subject) {
        RESET();
        RETURN(NULL);
    }
    int after_subject = P->mark;
    if (p_expect(P, T_COLON) && p_expect(P, T_NEWLINE) && p_expect(P, T_INDENT)) {
        int cases = 0;
        while (loose_case_block(P)) cases++;
        if (cases && p_expect(P, T_DEDENT)) {
            Node *n = p_node(P, AST_Pass, kw);
            p_unsupported_tok(P, kw, "'match' statements are");
            RETURN(n);
        }
    }
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        P->mark = after_subject;
        if (p_expect(P, T_NEWLINE)) RETURN(p_raise_last(P, "SyntaxError", "expected ':'"));
        P->mark = after_subject;
        if (p_expect(P, T_COLON) && p_newline_no_indent(P))
            RETURN(p_raise_no_block(P, "'match' statement", kw->lineno));
    }
    RESET();
    LEAVE();
}

static Node *compound_stmt(Parser *P)
{
    ENTER();
    PTok *t = p_peek(P);
    if (!t) RETURN(NULL);
    Node *n = NULL;
    if (t->type == K_DEF || t->type == T_AT || t->type == T_ASYNC) {
        n = p_function_def(P);
        if (n || FAILED()) RETURN(n);
    }
    if (t->type == K_IF) {
        n = if_stmt(P, K_IF);
        if (n || FAILED()) RETURN(n);
    }
    if (t->type == K_CLASS || t->type == T_AT) {
        n = p_class_def(P);
        if (n || FAILED()) RETURN(n);
    }
    if (t->type == K_WITH || t->type == T_ASYNC) {
        n = with_stmt(P);
        if (n || FAILED()) RETURN(n);
    }
    if (t->type == K_FOR || t->type == T_ASYNC) {
        n = for_stmt(P);
        if (n || FAILED()) RETURN(n);
    }
    if (t->type == K_TRY) {
        n = try_stmt(P);
        if (n || FAILED()) RETURN(n);
    }
    if (t->type == K_WHILE) {
        n = while_stmt(P);
        if (n || FAILED()) RETURN(n);
    }
    RETURN(match_stmt(P));
    LEAVE();
}

