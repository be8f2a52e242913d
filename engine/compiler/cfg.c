/* cfg.c -- instructions, basic blocks, the CFG optimizer and the
 * assembler: compile.c of CPython 3.11 from compiler_new_block to
 * assemble(), pass by pass and in its order (see cfg.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cfg.h"
#include "objects/tuple.h"

/* ---- opcode classes ---- */

int cfg_stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case OP_SETUP_FINALLY: return jump ? 1 : 0;
    case OP_SETUP_CLEANUP: return jump ? 2 : 0;  /* pushes lasti too */
    case OP_SETUP_WITH: return jump ? 1 : 0;
    case OP_POP_BLOCK:
    case OP_JUMP:
    case OP_JUMP_NO_INTERRUPT: return 0;
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE: return -1;
    default: return op >= 0 ? op_stack_effect(op, arg, jump) : OP_INVALID_STACK_EFFECT;
    }
}

int cfg_is_jump(int op)
{
    if (op < 0) return op <= OP_JUMP && op >= OP_POP_JUMP_IF_NOT_NONE;
    return (op_flags(op) & OPF_JREL) != 0;
}

int cfg_is_block_push(int op)
{
    return op == OP_SETUP_FINALLY || op == OP_SETUP_WITH || op == OP_SETUP_CLEANUP;
}

static int has_arg(int op) { return op >= OP_HAVE_ARGUMENT; }

static int is_end_of_basic_block(const Instr *i)
{
    return cfg_is_jump(i->op) || i->op == OP_RETURN_VALUE || i->op == OP_RAISE_VARARGS ||
           i->op == OP_RERAISE;
}

/* ---- building blocks ---- */

Block *cg_new_block(Compiler *c)
{
    Block *b = calloc(1, sizeof *b);
    if (!b) {
        cg_no_memory(c);
        return NULL;
    }
    b->list = c->u->blocks;
    c->u->blocks = b;
    return b;
}

Block *cg_use_next_block(Compiler *c, Block *b)
{
    c->u->cur->next = b;
    c->u->cur = b;
    c->u->need_new_implicit_block = 0;
    return b;
}

int block_next_instr(Block *b)
{
    if (b->n == b->cap) {
        int ncap = b->cap ? b->cap * 2 : 16;
        Instr *p = realloc(b->instr, (size_t)ncap * sizeof *p);
        if (!p) return -1;
        memset(p + b->cap, 0, (size_t)(ncap - b->cap) * sizeof *p);
        b->instr = p;
        b->cap = ncap;
    }
    return b->n++;
}

/* compiler_copy_block: only blocks without a fall-through are copied. */
Block *cg_copy_block(Compiler *c, Block *b)
{
    Block *r = cg_new_block(c);
    if (!r) return NULL;
    for (int i = 0; i < b->n; i++) {
        int k = block_next_instr(r);
        if (k < 0) {
            cg_no_memory(c);
            return NULL;
        }
        r->instr[k] = b->instr[i];
    }
    r->exit = b->exit;
    r->nofallthrough = 1;
    return r;
}

void units_free_blocks(Unit *u)
{
    Block *b = u->blocks;
    while (b) {
        Block *next = b->list;
        free(b->instr);
        free(b->exceptstack);
        free(b);
        b = next;
    }
    u->blocks = u->cur = NULL;
}

static Instr *add_instr(Compiler *c, int op, int arg, Block *target, int lineno, int end_lineno,
                        int col, int end_col)
{
    Unit *u = c->u;
    if (u->need_new_implicit_block) {
        Block *b = cg_new_block(c);
        if (!b) return NULL;
        cg_use_next_block(c, b);
    }
    Block *b = u->cur;
    int k = block_next_instr(b);
    if (k < 0) {
        cg_no_memory(c);
        return NULL;
    }
    Instr *i = &b->instr[k];
    i->op = op;
    i->arg = arg;
    i->target = target;
    i->except = NULL;
    i->lineno = lineno;
    i->end_lineno = end_lineno;
    i->col = col;
    i->end_col = end_col;
    if (is_end_of_basic_block(i)) u->need_new_implicit_block = 1;
    return i;
}

int cg_addop(Compiler *c, int op)
{
    Unit *u = c->u;
    Instr *i = add_instr(c, op, 0, NULL, u->lineno, u->end_lineno, u->col, u->end_col);
    if (!i) return 0;
    if (op == OP_RETURN_VALUE) u->cur->ret = 1;
    return 1;
}

int cg_addop_noline(Compiler *c, int op)
{
    Instr *i = add_instr(c, op, 0, NULL, -1, 0, 0, 0);
    if (!i) return 0;
    if (op == OP_RETURN_VALUE) c->u->cur->ret = 1;
    return 1;
}

int cg_addop_i(Compiler *c, int op, int arg)
{
    Unit *u = c->u;
    return add_instr(c, op, arg, NULL, u->lineno, u->end_lineno, u->col, u->end_col) != NULL;
}

int cg_addop_i_noline(Compiler *c, int op, int arg)
{
    return add_instr(c, op, arg, NULL, -1, 0, 0, 0) != NULL;
}

int cg_addop_j(Compiler *c, int op, Block *target)
{
    Unit *u = c->u;
    return add_instr(c, op, 0, target, u->lineno, u->end_lineno, u->col, u->end_col) != NULL;
}

int cg_addop_j_noline(Compiler *c, int op, Block *target)
{
    return add_instr(c, op, 0, target, -1, 0, 0, 0) != NULL;
}

int cg_addop_name(Compiler *c, int op, NameList *l, const char *name)
{
    const char *mangled = cg_mangle(c, name);
    if (!mangled) return 0;
    int arg = names_add(c, l, mangled);
    if (arg < 0) return 0;
    return cg_addop_i(c, op, arg);
}

int cg_addop_load_const(Compiler *c, Obj o)
{
    int arg = cg_add_const(c, o);
    if (arg < 0) return 0;
    return cg_addop_i(c, OP_LOAD_CONST, arg);
}

/* ---- sizes ---- */

static int instr_size(const Instr *i)
{
    int oparg = has_arg(i->op) ? i->arg : 0;
    int ext = (0xFFFFFF < oparg) + (0xFFFF < oparg) + (0xFF < oparg);
    return ext + 1 + op_caches(i->op);
}

static int blocksize(const Block *b)
{
    int size = 0;
    for (int i = 0; i < b->n; i++) size += instr_size(&b->instr[i]);
    return size;
}

/* ---- the first passes: normalize, extend ---- */

/* normalize_basic_block: exit/no-fall-through marks, and jumps past
 * empty blocks. */
static int normalize_basic_block(Compiler *c, Block *bb)
{
    for (int i = 0; i < bb->n; i++) {
        switch (bb->instr[i].op) {
        case OP_RETURN_VALUE:
        case OP_RAISE_VARARGS:
        case OP_RERAISE:
            bb->exit = 1;
            bb->nofallthrough = 1;
            break;
        case OP_JUMP:
        case OP_JUMP_NO_INTERRUPT:
        case OP_POP_JUMP_IF_NOT_NONE:
        case OP_POP_JUMP_IF_NONE:
        case OP_POP_JUMP_IF_FALSE:
        case OP_POP_JUMP_IF_TRUE:
        case OP_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP:
        case OP_FOR_ITER:
            if (i != bb->n - 1) return cg_error(c, "malformed control flow graph.");
            if (bb->instr[i].op == OP_JUMP || bb->instr[i].op == OP_JUMP_NO_INTERRUPT) bb->nofallthrough = 1;
            while (bb->instr[i].target->n == 0) bb->instr[i].target = bb->instr[i].target->next;
            break;
        default: break;
        }
    }
    return 1;
}

static int block_has_lineno(const Block *b)
{
    for (int i = 0; i < b->n; i++)
        if (b->instr[i].lineno > 0) return 1;
    return 0;
}

#define MAX_COPY_SIZE 4

/* extend_block: a jump to a small exit block without line numbers
 * becomes a copy of that block. */
static int extend_block(Compiler *c, Block *bb)
{
    if (bb->n == 0) return 1;
    Instr *last = &bb->instr[bb->n - 1];
    if (last->op != OP_JUMP && last->op != OP_JUMP_FORWARD && last->op != OP_JUMP_BACKWARD) return 1;
    Block *to_copy = last->target;
    if (!to_copy->exit || to_copy->n > MAX_COPY_SIZE || block_has_lineno(to_copy)) return 1;
    last->op = OP_NOP;
    for (int i = 0; i < to_copy->n; i++) {
        int k = block_next_instr(bb);
        if (k < 0) return cg_no_memory(c);
        bb->instr[k] = to_copy->instr[i];
    }
    bb->exit = 1;
    return 1;
}

/* clean_basic_block: NOPs go unless they carry a line nothing else does. */
static void clean_basic_block(Block *bb)
{
    int dest = 0, prev_lineno = -1;
    for (int src = 0; src < bb->n; src++) {
        int lineno = bb->instr[src].lineno;
        if (bb->instr[src].op == OP_NOP) {
            if (lineno < 0) continue;
            if (prev_lineno == lineno) continue;
            if (src < bb->n - 1) {
                Instr *nx = &bb->instr[src + 1];
                if (nx->lineno == lineno) continue;
                if (nx->lineno < 0) {
                    nx->lineno = bb->instr[src].lineno;
                    nx->col = bb->instr[src].col;
                    nx->end_lineno = bb->instr[src].end_lineno;
                    nx->end_col = bb->instr[src].end_col;
                    continue;
                }
            } else {
                Block *next = bb->next;
                while (next && next->n == 0) next = next->next;
                if (next && lineno == next->instr[0].lineno) continue;
            }
        }
        if (dest != src) bb->instr[dest] = bb->instr[src];
        dest++;
        prev_lineno = lineno;
    }
    bb->n = dest;
}

/* ---- optimize_basic_block and its helpers ---- */

static Obj const_at(Obj *consts, int nconsts, int i) { return i >= 0 && i < nconsts ? consts[i] : 0; }

/* fold_tuple_on_constants: LOAD_CONST x n, BUILD_TUPLE n -> LOAD_CONST. */
static int fold_tuple_on_constants(Compiler *c, Instr *inst, int n)
{
    Unit *u = c->u;
    for (int i = 0; i < n; i++)
        if (inst[i].op != OP_LOAD_CONST || !const_at(u->consts, u->nconsts, inst[i].arg)) return 1;
    Obj *items = malloc((size_t)(n + 1) * sizeof *items);
    if (!items) return cg_no_memory(c);
    for (int i = 0; i < n; i++) items[i] = u->consts[inst[i].arg];
    Obj t = tuple_pack(c->S, n, items);
    free(items);
    if (!t) return cg_sim_error(c);
    fp_tuple_new(c->fp, n);
    Obj canon = const_merge_one(c, t);
    if (!canon) return 0;
    int index;
    for (index = 0; index < u->nconsts; index++)
        if (u->consts[index] == canon) break;
    if (index == u->nconsts && unit_append_const(c, canon) < 0) return 0;
    for (int i = 0; i < n; i++) inst[i].op = OP_NOP;
    inst[n].op = OP_LOAD_CONST;
    inst[n].arg = index;
    return 1;
}

#define VISITED (-1)

/* swaptimize: a run of SWAPs and NOPs becomes the shortest equivalent. */
static int swaptimize(Compiler *c, Block *block, int *ix)
{
    Instr *ins = &block->instr[*ix];
    int depth = ins[0].arg, len = 0, more = 0, limit = block->n - *ix;
    while (++len < limit) {
        int op = ins[len].op;
        if (op == OP_SWAP) {
            if (ins[len].arg > depth) depth = ins[len].arg;
            more = 1;
        } else if (op != OP_NOP) {
            break;
        }
    }
    if (!more) return 1;
    int *stack = malloc((size_t)depth * sizeof *stack);
    if (!stack) return cg_no_memory(c);
    for (int i = 0; i < depth; i++) stack[i] = i;
    for (int i = 0; i < len; i++) {
        if (ins[i].op == OP_SWAP) {
            int oparg = ins[i].arg, top = stack[0];
            stack[0] = stack[oparg - 1];
            stack[oparg - 1] = top;
        }
    }
    int current = len - 1;
    for (int i = 0; i < depth; i++) {
        if (stack[i] == VISITED || stack[i] == i) continue;
        int j = i;
        for (;;) {
            if (j) {
                ins[current].op = OP_SWAP;
                ins[current--].arg = j + 1;
            }
            if (stack[j] == VISITED) break;
            int next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while (0 <= current) ins[current--].op = OP_NOP;
    free(stack);
    *ix += len - 1;
    return 1;
}

#define SWAPPABLE(op) ((op) == OP_STORE_FAST || (op) == OP_POP_TOP)
#define STORES_TO(ins) ((ins).op == OP_STORE_FAST ? (ins).arg : -1)

static int next_swappable_instruction(Block *block, int i, int lineno)
{
    while (++i < block->n) {
        Instr *ins = &block->instr[i];
        if (0 <= lineno && ins->lineno != lineno) return -1;
        if (ins->op == OP_NOP) continue;
        if (SWAPPABLE(ins->op)) return i;
        return -1;
    }
    return -1;
}

/* apply_static_swaps: SWAP, POP_TOP, STORE_FAST -> NOP, STORE_FAST,
 * POP_TOP, when no observable binding changes order. */
static void apply_static_swaps(Block *block, int i)
{
    for (; 0 <= i; i--) {
        Instr *swap = &block->instr[i];
        if (swap->op != OP_SWAP) {
            if (swap->op == OP_NOP || SWAPPABLE(swap->op)) continue;
            return;
        }
        int j = next_swappable_instruction(block, i, -1);
        if (j < 0) return;
        int k = j, lineno = block->instr[j].lineno;
        for (int count = swap->arg - 1; 0 < count; count--) {
            k = next_swappable_instruction(block, k, lineno);
            if (k < 0) return;
        }
        int store_j = STORES_TO(block->instr[j]), store_k = STORES_TO(block->instr[k]);
        if (store_j >= 0 || store_k >= 0) {
            if (store_j == store_k) return;
            for (int idx = j + 1; idx < k; idx++) {
                int store_idx = STORES_TO(block->instr[idx]);
                if (store_idx >= 0 && (store_idx == store_j || store_idx == store_k)) return;
            }
        }
        swap->op = OP_NOP;
        Instr temp = block->instr[j];
        block->instr[j] = block->instr[k];
        block->instr[k] = temp;
    }
}

static int jump_thread(Instr *inst, const Instr *target, int opcode)
{
    if (inst->lineno == target->lineno && inst->target != target->target) {
        inst->target = target->target;
        inst->op = opcode;
        return 1;
    }
    return 0;
}

static int optimize_basic_block(Compiler *c, Block *bb)
{
    Instr nop = {.op = OP_NOP};
    for (int i = 0; i < bb->n; i++) {
        Instr *inst = &bb->instr[i];
        int oparg = inst->arg;
        int nextop = i + 1 < bb->n ? bb->instr[i + 1].op : 0;
        const Instr *target;
        if (cfg_is_jump(inst->op) || cfg_is_block_push(inst->op)) {
            while (inst->target->n == 0) inst->target = inst->target->next;
            target = &inst->target->instr[0];
        } else {
            target = &nop;
        }
        switch (inst->op) {
        case OP_LOAD_CONST: {
            Obj cnt = const_at(c->u->consts, c->u->nconsts, oparg);
            int is_true, jump_if_true;
            switch (nextop) {
            case OP_POP_JUMP_IF_FALSE:
            case OP_POP_JUMP_IF_TRUE:
                is_true = const_is_true(c, cnt);
                inst->op = OP_NOP;
                jump_if_true = nextop == OP_POP_JUMP_IF_TRUE;
                if (is_true == jump_if_true) {
                    bb->instr[i + 1].op = OP_JUMP;
                    bb->nofallthrough = 1;
                } else {
                    bb->instr[i + 1].op = OP_NOP;
                }
                break;
            case OP_JUMP_IF_FALSE_OR_POP:
            case OP_JUMP_IF_TRUE_OR_POP:
                is_true = const_is_true(c, cnt);
                jump_if_true = nextop == OP_JUMP_IF_TRUE_OR_POP;
                if (is_true == jump_if_true) {
                    bb->instr[i + 1].op = OP_JUMP;
                    bb->nofallthrough = 1;
                } else {
                    inst->op = OP_NOP;
                    bb->instr[i + 1].op = OP_NOP;
                }
                break;
            case OP_IS_OP: {
                int jump_op = i + 2 < bb->n ? bb->instr[i + 2].op : 0;
                if (cnt == c->S->none && (jump_op == OP_POP_JUMP_IF_FALSE || jump_op == OP_POP_JUMP_IF_TRUE)) {
                    unsigned char nextarg = (unsigned char)bb->instr[i + 1].arg;
                    inst->op = OP_NOP;
                    bb->instr[i + 1].op = OP_NOP;
                    bb->instr[i + 2].op = (nextarg ^ (jump_op == OP_POP_JUMP_IF_FALSE))
                                              ? OP_POP_JUMP_IF_NOT_NONE : OP_POP_JUMP_IF_NONE;
                }
                break;
            }
            default: break;
            }
            break;
        }
        case OP_BUILD_TUPLE:
            if (nextop == OP_UNPACK_SEQUENCE && oparg == bb->instr[i + 1].arg) {
                if (oparg == 1) {
                    inst->op = OP_NOP;
                    bb->instr[i + 1].op = OP_NOP;
                    continue;
                }
                if (oparg == 2 || oparg == 3) {
                    inst->op = OP_NOP;
                    bb->instr[i + 1].op = OP_SWAP;
                    continue;
                }
            }
            if (i >= oparg && !fold_tuple_on_constants(c, inst - oparg, oparg)) return 0;
            break;
        case OP_JUMP_IF_FALSE_OR_POP:
            switch (target->op) {
            case OP_POP_JUMP_IF_FALSE: i -= jump_thread(inst, target, OP_POP_JUMP_IF_FALSE); break;
            case OP_JUMP:
            case OP_JUMP_IF_FALSE_OR_POP: i -= jump_thread(inst, target, OP_JUMP_IF_FALSE_OR_POP); break;
            case OP_JUMP_IF_TRUE_OR_POP:
            case OP_POP_JUMP_IF_TRUE:
                if (inst->lineno == target->lineno) {
                    inst->op = OP_POP_JUMP_IF_FALSE;
                    inst->target = inst->target->next;
                    --i;
                }
                break;
            default: break;
            }
            break;
        case OP_JUMP_IF_TRUE_OR_POP:
            switch (target->op) {
            case OP_POP_JUMP_IF_TRUE: i -= jump_thread(inst, target, OP_POP_JUMP_IF_TRUE); break;
            case OP_JUMP:
            case OP_JUMP_IF_TRUE_OR_POP: i -= jump_thread(inst, target, OP_JUMP_IF_TRUE_OR_POP); break;
            case OP_JUMP_IF_FALSE_OR_POP:
            case OP_POP_JUMP_IF_FALSE:
                if (inst->lineno == target->lineno) {
                    inst->op = OP_POP_JUMP_IF_TRUE;
                    inst->target = inst->target->next;
                    --i;
                }
                break;
            default: break;
            }
            break;
        case OP_POP_JUMP_IF_NOT_NONE:
        case OP_POP_JUMP_IF_NONE:
            if (target->op == OP_JUMP) i -= jump_thread(inst, target, inst->op);
            break;
        case OP_POP_JUMP_IF_FALSE:
            if (target->op == OP_JUMP) i -= jump_thread(inst, target, OP_POP_JUMP_IF_FALSE);
            break;
        case OP_POP_JUMP_IF_TRUE:
            if (target->op == OP_JUMP) i -= jump_thread(inst, target, OP_POP_JUMP_IF_TRUE);
            break;
        case OP_JUMP:
            if (target->op == OP_JUMP) i -= jump_thread(inst, target, OP_JUMP);
            break;
        case OP_SWAP:
            if (oparg == 1) {
                inst->op = OP_NOP;
                break;
            }
            if (!swaptimize(c, bb, &i)) return 0;
            apply_static_swaps(bb, i);
            break;
        case OP_PUSH_NULL:
            /* compile.c tests the opcode's low bit, not the oparg's: always
             * true for LOAD_GLOBAL (116) */
            if (nextop == OP_LOAD_GLOBAL && (inst[1].op & 1) == 0) {
                inst->op = OP_NOP;
                inst->arg = 0;
                inst[1].arg |= 1;
            }
            break;
        default: break;
        }
    }
    return 1;
}

/* ---- reachability and empty blocks ---- */

static int mark_reachable(Compiler *c, Block *entry, int nblocks)
{
    Block **stack = malloc((size_t)(nblocks + 1) * sizeof *stack), **sp = stack;
    if (!stack) return cg_no_memory(c);
    entry->predecessors = 1;
    *sp++ = entry;
    while (sp > stack) {
        Block *b = *--sp;
        if (b->next && !b->nofallthrough) {
            if (b->next->predecessors == 0) *sp++ = b->next;
            b->next->predecessors++;
        }
        for (int i = 0; i < b->n; i++) {
            Instr *ins = &b->instr[i];
            if (cfg_is_jump(ins->op) || cfg_is_block_push(ins->op)) {
                Block *target = ins->target;
                if (target->predecessors == 0) *sp++ = target;
                target->predecessors++;
            }
        }
    }
    free(stack);
    return 1;
}

static void eliminate_empty_basic_blocks(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        Block *next = b->next;
        if (next) {
            while (next->n == 0 && next->next) next = next->next;
            b->next = next;
        }
    }
    for (Block *b = entry; b; b = b->next) {
        if (b->n == 0) continue;
        Instr *last = &b->instr[b->n - 1];
        if (cfg_is_jump(last->op)) {
            Block *target = last->target;
            while (target->n == 0) target = target->next;
            last->target = target;
        }
    }
}

static int count_chain(const Block *entry)
{
    int n = 0;
    for (const Block *b = entry; b; b = b->next) n++;
    return n;
}

static int count_list(const Block *blocks)
{
    int n = 0;
    for (const Block *b = blocks; b; b = b->list) n++;
    return n;
}

static int optimize_cfg(Compiler *c, Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        if (!optimize_basic_block(c, b)) return 0;
        clean_basic_block(b);
    }
    for (Block *b = c->u->blocks; b; b = b->list)
        if (!extend_block(c, b)) return 0;
    if (!mark_reachable(c, entry, count_list(c->u->blocks))) return 0;
    for (Block *b = entry; b; b = b->next) {
        if (b->predecessors == 0) {
            b->n = 0;
            b->nofallthrough = 0;
        }
    }
    eliminate_empty_basic_blocks(entry);
    for (Block *b = entry; b; b = b->next) clean_basic_block(b);
    /* a jump to the block that follows anyway is a NOP */
    int maybe_empty_blocks = 0;
    for (Block *b = entry; b; b = b->next) {
        if (b->n == 0) continue;
        Instr *last = &b->instr[b->n - 1];
        if ((last->op == OP_JUMP || last->op == OP_JUMP_NO_INTERRUPT) && last->target == b->next) {
            b->nofallthrough = 0;
            last->op = OP_NOP;
            maybe_empty_blocks = 1;
        }
    }
    if (maybe_empty_blocks) eliminate_empty_basic_blocks(entry);
    return 1;
}

/* trim_unused_consts: trailing constants nothing loads go (the first
 * stays: it may be the docstring). */
static void trim_unused_consts(Compiler *c, Block *entry)
{
    int max_const_index = 0;
    for (Block *b = entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if ((b->instr[i].op == OP_LOAD_CONST || b->instr[i].op == OP_KW_NAMES) &&
                b->instr[i].arg > max_const_index)
                max_const_index = b->instr[i].arg;
    if (max_const_index + 1 < c->u->nconsts) unit_truncate_consts(c, max_const_index + 1);
}

static int is_exit_without_lineno(const Block *b)
{
    if (!b->exit) return 0;
    for (int i = 0; i < b->n; i++)
        if (b->instr[i].lineno >= 0) return 0;
    return 1;
}

static void copy_loc(const Instr *from, Instr *to)
{
    to->lineno = from->lineno;
    to->col = from->col;
    to->end_lineno = from->end_lineno;
    to->end_col = from->end_col;
}

/* duplicate_exits_without_lineno (PEP 626): an exit block without a line
 * reached by several jumps is copied for each, to take the jump's line. */
static int duplicate_exits_without_lineno(Compiler *c)
{
    for (Block *b = c->u->blocks; b; b = b->list) {
        if (b->n == 0 || !cfg_is_jump(b->instr[b->n - 1].op)) continue;
        Block *target = b->instr[b->n - 1].target;
        if (!is_exit_without_lineno(target) || target->predecessors <= 1) continue;
        Block *new_target = cg_copy_block(c, target);
        if (!new_target) return 0;
        copy_loc(&b->instr[b->n - 1], &new_target->instr[0]);
        b->instr[b->n - 1].target = new_target;
        target->predecessors--;
        new_target->predecessors = 1;
        new_target->next = target->next;
        target->next = new_target;
    }
    for (Block *b = c->u->blocks; b; b = b->list)
        while (b->next && b->next->n == 0) b->next = b->next->next;
    for (Block *b = c->u->blocks; b; b = b->list)
        if (!b->nofallthrough && b->next && b->n > 0 && is_exit_without_lineno(b->next))
            copy_loc(&b->instr[b->n - 1], &b->next->instr[0]);
    return 1;
}

static void propagate_line_numbers(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        if (b->n == 0) continue;
        Instr prev = {.lineno = -1, .col = -1, .end_lineno = -1, .end_col = -1};
        for (int i = 0; i < b->n; i++) {
            if (b->instr[i].lineno < 0) copy_loc(&prev, &b->instr[i]);
            else copy_loc(&b->instr[i], &prev);
        }
        if (!b->nofallthrough && b->next && b->next->predecessors == 1 && b->next->n &&
            b->next->instr[0].lineno < 0)
            copy_loc(&prev, &b->next->instr[0]);
        Instr *last = &b->instr[b->n - 1];
        if (cfg_is_jump(last->op)) {
            Block *target = last->target;
            if (target->predecessors == 1 && target->instr[0].lineno < 0) copy_loc(&prev, &target->instr[0]);
        }
    }
}

static void guarantee_lineno_for_exits(Block *entry, int firstlineno)
{
    int lineno = firstlineno;
    for (Block *b = entry; b; b = b->next) {
        if (b->n == 0) continue;
        Instr *last = &b->instr[b->n - 1];
        if (last->lineno < 0) {
            if (last->op == OP_RETURN_VALUE)
                for (int i = 0; i < b->n; i++) b->instr[i].lineno = lineno;
        } else {
            lineno = last->lineno;
        }
    }
}

/* ---- stack depth ---- */

static void stackdepth_push(Block ***sp, Block *b, int depth)
{
    if (b->startdepth < depth && b->startdepth < 100) {
        b->startdepth = depth;
        *(*sp)++ = b;
    }
}

static int stackdepth(Compiler *c)
{
    Block *entry = NULL;
    int nblocks = 0, maxdepth = 0;
    for (Block *b = c->u->blocks; b; b = b->list) {
        b->startdepth = INT_MIN;
        entry = b;
        nblocks++;
    }
    Block **stack = malloc((size_t)(nblocks + 1) * sizeof *stack), **sp = stack;
    if (!stack) {
        cg_no_memory(c);
        return -1;
    }
    stackdepth_push(&sp, entry, c->u->ste->generator ? 1 : 0);
    while (sp != stack) {
        Block *b = *--sp;
        int depth = b->startdepth;
        Block *next = b->next;
        for (int i = 0; i < b->n; i++) {
            Instr *ins = &b->instr[i];
            int effect = cfg_stack_effect(ins->op, ins->arg, 0);
            if (effect == OP_INVALID_STACK_EFFECT) {
                free(stack);
                cg_error(c, "compiler stack_effect(opcode=%d, arg=%i) failed", ins->op, ins->arg);
                return -1;
            }
            int new_depth = depth + effect;
            if (new_depth > maxdepth) maxdepth = new_depth;
            if (cfg_is_jump(ins->op) || cfg_is_block_push(ins->op)) {
                int target_depth = depth + cfg_stack_effect(ins->op, ins->arg, 1);
                if (target_depth > maxdepth) maxdepth = target_depth;
                stackdepth_push(&sp, ins->target, target_depth);
            }
            depth = new_depth;
            if (ins->op == OP_JUMP_NO_INTERRUPT || ins->op == OP_JUMP || ins->op == OP_RETURN_VALUE ||
                ins->op == OP_RAISE_VARARGS || ins->op == OP_RERAISE) {
                next = NULL;
                break;
            }
        }
        if (next) stackdepth_push(&sp, next, depth);
    }
    free(stack);
    return maxdepth;
}

/* ---- exception handlers ---- */

static Block *push_except_block(ExceptStack *stack, const Instr *setup)
{
    Block *target = setup->target;
    if (setup->op == OP_SETUP_WITH || setup->op == OP_SETUP_CLEANUP) target->preserve_lasti = 1;
    stack->handlers[++stack->depth] = target;
    return target;
}

static int label_exception_targets(Compiler *c, Block *entry)
{
    int nblocks = count_chain(entry);
    for (Block *b = entry; b; b = b->next) b->visited = 0;
    Block **todo_stack = malloc((size_t)(nblocks + 1) * sizeof *todo_stack);
    ExceptStack *except_stack = calloc(1, sizeof *except_stack);
    if (!todo_stack || !except_stack) {
        free(todo_stack);
        free(except_stack);
        return cg_no_memory(c);
    }
    todo_stack[0] = entry;
    entry->visited = 1;
    entry->exceptstack = except_stack;
    Block **todo = &todo_stack[1];
    while (todo > todo_stack) {
        todo--;
        Block *b = todo[0];
        except_stack = b->exceptstack;
        b->exceptstack = NULL;
        Block *handler = except_stack->handlers[except_stack->depth];
        for (int i = 0; i < b->n; i++) {
            Instr *ins = &b->instr[i];
            if (cfg_is_block_push(ins->op)) {
                if (!ins->target->visited) {
                    ExceptStack *copy = malloc(sizeof *copy);
                    if (!copy) goto nomem;
                    *copy = *except_stack;
                    ins->target->exceptstack = copy;
                    *todo++ = ins->target;
                    ins->target->visited = 1;
                }
                if (except_stack->depth >= CO_MAXBLOCKS) {
                    cg_error(c, "too many statically nested blocks");
                    goto fail;
                }
                handler = push_except_block(except_stack, ins);
            } else if (ins->op == OP_POP_BLOCK) {
                if (except_stack->depth > 0) except_stack->depth--;
                handler = except_stack->handlers[except_stack->depth];
            } else if (cfg_is_jump(ins->op)) {
                ins->except = handler;
                if (!ins->target->visited) {
                    if (!b->nofallthrough) {
                        ExceptStack *copy = malloc(sizeof *copy);
                        if (!copy) goto nomem;
                        *copy = *except_stack;
                        ins->target->exceptstack = copy;
                    } else {
                        ins->target->exceptstack = except_stack;
                        except_stack = NULL;
                    }
                    *todo++ = ins->target;
                    ins->target->visited = 1;
                }
            } else {
                ins->except = handler;
            }
        }
        if (!b->nofallthrough && b->next && !b->next->visited) {
            b->next->exceptstack = except_stack;
            *todo++ = b->next;
            b->next->visited = 1;
        } else {
            free(except_stack);
        }
    }
    free(todo_stack);
    return 1;
nomem:
    cg_no_memory(c);
fail:
    free(except_stack);
    free(todo_stack);
    for (Block *b = entry; b; b = b->next) {
        free(b->exceptstack);
        b->exceptstack = NULL;
    }
    return 0;
}

static void convert_exception_handlers_to_nops(Block *entry)
{
    for (Block *b = entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (cfg_is_block_push(b->instr[i].op) || b->instr[i].op == OP_POP_BLOCK) b->instr[i].op = OP_NOP;
}

/* ---- jumps ---- */

static void normalize_jumps(Block *entry)
{
    for (Block *b = entry; b; b = b->next) b->visited = 0;
    for (Block *b = entry; b; b = b->next) {
        b->visited = 1;
        if (b->n == 0) continue;
        Instr *last = &b->instr[b->n - 1];
        if (!cfg_is_jump(last->op)) continue;
        int fwd = last->target->visited == 0;
        switch (last->op) {
        case OP_JUMP: last->op = fwd ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD; break;
        case OP_JUMP_NO_INTERRUPT: last->op = fwd ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD_NO_INTERRUPT; break;
        case OP_POP_JUMP_IF_NOT_NONE:
            last->op = fwd ? OP_POP_JUMP_FORWARD_IF_NOT_NONE : OP_POP_JUMP_BACKWARD_IF_NOT_NONE;
            break;
        case OP_POP_JUMP_IF_NONE:
            last->op = fwd ? OP_POP_JUMP_FORWARD_IF_NONE : OP_POP_JUMP_BACKWARD_IF_NONE;
            break;
        case OP_POP_JUMP_IF_FALSE:
            last->op = fwd ? OP_POP_JUMP_FORWARD_IF_FALSE : OP_POP_JUMP_BACKWARD_IF_FALSE;
            break;
        case OP_POP_JUMP_IF_TRUE:
            last->op = fwd ? OP_POP_JUMP_FORWARD_IF_TRUE : OP_POP_JUMP_BACKWARD_IF_TRUE;
            break;
        default: break;
        }
    }
}

/* assemble_jump_offsets: block offsets, then jump opargs, until no
 * EXTENDED_ARG appears or goes. */
static int assemble_jump_offsets(Compiler *c, Block *entry)
{
    int again;
    do {
        int totsize = 0;
        for (Block *b = entry; b; b = b->next) {
            b->offset = totsize;
            totsize += blocksize(b);
        }
        again = 0;
        for (Block *b = c->u->blocks; b; b = b->list) {
            int bsize = b->offset;
            for (int i = 0; i < b->n; i++) {
                Instr *ins = &b->instr[i];
                int isize = instr_size(ins);
                bsize += isize;
                if (!cfg_is_jump(ins->op)) continue;
                ins->arg = ins->target->offset;
                if (ins->op >= 0) {   /* every 3.11 jump is relative */
                    if (ins->arg < bsize) ins->arg = bsize - ins->arg;
                    else ins->arg -= bsize;
                }
                if (instr_size(ins) != isize) again = 1;
            }
        }
    } while (again);
    return 1;
}

/* ---- emitting bytes ---- */

typedef struct Buf {
    uint8_t *p;
    int n, cap;
} Buf;

static int buf_put(Buf *b, int byte)
{
    if (b->n == b->cap) {
        int ncap = b->cap ? b->cap * 2 : 64;
        uint8_t *p = realloc(b->p, (size_t)ncap);
        if (!p) return -1;
        b->p = p;
        b->cap = ncap;
    }
    b->p[b->n++] = (uint8_t)byte;
    return 0;
}

static int write_instr(Buf *code, const Instr *ins)
{
    int oparg = has_arg(ins->op) ? ins->arg : 0;
    int size = instr_size(ins), caches = op_caches(ins->op);
    int r = 0;
    for (int k = size - caches - 1; k > 0; k--)
        r |= buf_put(code, OP_EXTENDED_ARG) || buf_put(code, (oparg >> (8 * k)) & 0xFF);
    r |= buf_put(code, ins->op) || buf_put(code, oparg & 0xFF);
    for (int k = 0; k < caches; k++) r |= buf_put(code, OP_CACHE) || buf_put(code, 0);
    return r;
}

static int write_varint(Buf *b, unsigned val)
{
    int r = 0;
    while (val >= 64) {
        r |= buf_put(b, 64 | (val & 63));
        val >>= 6;
    }
    return r | buf_put(b, (int)val);
}

static int write_signed_varint(Buf *b, int val)
{
    unsigned u = val < 0 ? ((unsigned)(-val) << 1) | 1 : (unsigned)val << 1;
    return write_varint(b, u);
}

enum {
    LOC_SHORT0 = 0, LOC_ONE_LINE0 = 10, LOC_NO_COLUMNS = 13, LOC_LONG = 14, LOC_NONE = 15
};

static int write_entry_start(Buf *b, int code, int length)
{
    return buf_put(b, 128 | (code << 3) | (length - 1));
}

/* write_location_info_entry: the PEP 657 entry for one instruction (or
 * an 8-unit slice of one). */
static int write_location_entry(Buf *b, int *a_lineno, const Instr *i, int isize)
{
    if (i->lineno < 0) return write_entry_start(b, LOC_NONE, isize);
    int line_delta = i->lineno - *a_lineno;
    int column = i->col, end_column = i->end_col;
    if (column < 0 || end_column < 0) {
        if (i->end_lineno == i->lineno || i->end_lineno == -1) {
            *a_lineno = i->lineno;
            return write_entry_start(b, LOC_NO_COLUMNS, isize) || write_signed_varint(b, line_delta);
        }
    } else if (i->end_lineno == i->lineno) {
        if (line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column) {
            return write_entry_start(b, LOC_SHORT0 + (column >> 3), isize) ||
                   buf_put(b, ((column & 7) << 4) | (end_column - column));
        }
        if (line_delta >= 0 && line_delta < 3 && column < 128 && end_column < 128) {
            *a_lineno = i->lineno;
            return write_entry_start(b, LOC_ONE_LINE0 + line_delta, isize) || buf_put(b, column) ||
                   buf_put(b, end_column);
        }
    }
    int r = write_entry_start(b, LOC_LONG, isize) || write_signed_varint(b, i->lineno - *a_lineno) ||
            write_varint(b, (unsigned)(i->end_lineno - i->lineno)) || write_varint(b, (unsigned)(i->col + 1)) ||
            write_varint(b, (unsigned)(i->end_col + 1));
    *a_lineno = i->lineno;
    return r;
}

static int emit_location(Buf *b, int *a_lineno, const Instr *i)
{
    int isize = instr_size(i);
    int r = 0;
    while (isize > 8) {
        r |= write_location_entry(b, a_lineno, i, 8);
        isize -= 8;
    }
    return r | write_location_entry(b, a_lineno, i, isize);
}

#define CONTINUATION_BIT 64

static int except_item(Buf *b, int value, int msb)
{
    int r = 0;
    if (value >= 1 << 24) {
        r |= buf_put(b, (value >> 24) | CONTINUATION_BIT | msb);
        msb = 0;
    }
    if (value >= 1 << 18) {
        r |= buf_put(b, ((value >> 18) & 0x3f) | CONTINUATION_BIT | msb);
        msb = 0;
    }
    if (value >= 1 << 12) {
        r |= buf_put(b, ((value >> 12) & 0x3f) | CONTINUATION_BIT | msb);
        msb = 0;
    }
    if (value >= 1 << 6) {
        r |= buf_put(b, ((value >> 6) & 0x3f) | CONTINUATION_BIT | msb);
        msb = 0;
    }
    return r | buf_put(b, (value & 0x3f) | msb);
}

static int except_entry(Buf *b, int start, int end, const Block *handler)
{
    int depth = handler->startdepth - 1;
    if (handler->preserve_lasti) depth -= 1;
    int depth_lasti = (depth << 1) | handler->preserve_lasti;
    return except_item(b, start, 1 << 7) || except_item(b, end - start, 0) || except_item(b, handler->offset, 0) ||
           except_item(b, depth_lasti, 0);
}

static int assemble_exception_table(Buf *b, Block *entry)
{
    int ioffset = 0, start = -1, r = 0;
    Block *handler = NULL;
    for (Block *bb = entry; bb; bb = bb->next) {
        ioffset = bb->offset;
        for (int i = 0; i < bb->n; i++) {
            Instr *ins = &bb->instr[i];
            if (ins->except != handler) {
                if (handler) r |= except_entry(b, start, ioffset, handler);
                start = ioffset;
                handler = ins->except;
            }
            ioffset += instr_size(ins);
        }
    }
    if (handler) r |= except_entry(b, start, ioffset, handler);
    return r;
}

/* ---- cells and free variables ---- */

static int *build_cellfixedoffsets(Compiler *c)
{
    Unit *u = c->u;
    int nlocals = u->varnames.n, ncells = u->cellvars.n, nfrees = u->freevars.n;
    int *fixed = malloc((size_t)(ncells + nfrees + 1) * sizeof *fixed);
    if (!fixed) return NULL;
    for (int i = 0; i < ncells + nfrees; i++) fixed[i] = nlocals + i;
    for (int i = 0; i < ncells; i++) {
        int v = names_find(&u->varnames, u->cellvars.names[i]);
        if (v >= 0) fixed[i] = v;
    }
    return fixed;
}

static int insert_instruction(Block *b, int pos, const Instr *ins)
{
    if (block_next_instr(b) < 0) return -1;
    for (int i = b->n - 1; i > pos; i--) b->instr[i] = b->instr[i - 1];
    b->instr[pos] = *ins;
    return 0;
}

static int insert_prefix_instructions(Compiler *c, Block *entry, const int *fixed, int nfreevars)
{
    Unit *u = c->u;
    int flags = cg_code_flags(c);
    if (flags & CO_GENERATOR) {
        Instr make_gen = {.op = OP_RETURN_GENERATOR, .lineno = u->firstlineno, .col = -1,
                          .end_lineno = u->firstlineno, .end_col = -1};
        Instr pop_top = {.op = OP_POP_TOP, .lineno = -1, .col = -1, .end_lineno = -1, .end_col = -1};
        if (insert_instruction(entry, 0, &make_gen) < 0 || insert_instruction(entry, 1, &pop_top) < 0)
            return cg_no_memory(c);
    }
    int ncells = u->cellvars.n;
    if (ncells) {
        int nvars = ncells + u->varnames.n;
        int *sorted = calloc((size_t)nvars, sizeof *sorted);
        if (!sorted) return cg_no_memory(c);
        for (int i = 0; i < ncells; i++) sorted[fixed[i]] = i + 1;
        for (int i = 0, used = 0; used < ncells; i++) {
            int oldindex = sorted[i] - 1;
            if (oldindex == -1) continue;
            Instr make_cell = {.op = OP_MAKE_CELL, .arg = oldindex, .lineno = -1, .col = -1,
                               .end_lineno = -1, .end_col = -1};
            if (insert_instruction(entry, used, &make_cell) < 0) {
                free(sorted);
                return cg_no_memory(c);
            }
            used++;
        }
        free(sorted);
    }
    if (nfreevars) {
        Instr copy_frees = {.op = OP_COPY_FREE_VARS, .arg = nfreevars, .lineno = -1, .col = -1,
                            .end_lineno = -1, .end_col = -1};
        if (insert_instruction(entry, 0, &copy_frees) < 0) return cg_no_memory(c);
    }
    return 1;
}

static int fix_cell_offsets(Compiler *c, Block *entry, int *fixedmap)
{
    Unit *u = c->u;
    int nlocals = u->varnames.n, noffsets = u->cellvars.n + u->freevars.n, numdropped = 0;
    for (int i = 0; i < noffsets; i++) {
        if (fixedmap[i] == i + nlocals) fixedmap[i] -= numdropped;
        else numdropped++;
    }
    for (Block *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            Instr *ins = &b->instr[i];
            switch (ins->op) {
            case OP_MAKE_CELL:
            case OP_LOAD_CLOSURE:
            case OP_LOAD_DEREF:
            case OP_STORE_DEREF:
            case OP_DELETE_DEREF:
            case OP_LOAD_CLASSDEREF:
                if (ins->arg >= 0 && ins->arg < noffsets) ins->arg = fixedmap[ins->arg];
                break;
            default: break;
            }
        }
    }
    return numdropped;
}

/* ---- assemble() ---- */

void assembled_free(Assembled *a)
{
    free(a->code);
    free(a->linetable);
    free(a->excepttable);
    memset(a, 0, sizeof *a);
}

int cfg_assemble(Compiler *c, int add_none, Assembled *out)
{
    Unit *u = c->u;
    memset(out, 0, sizeof *out);
    /* every block that falls off the end returns None */
    if (!u->cur->ret) {
        cg_unset_loc(c);
        if (add_none && !cg_addop_load_const(c, c->S->none)) return -1;
        if (!cg_addop(c, OP_RETURN_VALUE)) return -1;
    }
    for (Block *b = u->blocks; b; b = b->list)
        if (!normalize_basic_block(c, b)) return -1;
    for (Block *b = u->blocks; b; b = b->list)
        if (!extend_block(c, b)) return -1;
    Block *entry = NULL;
    for (Block *b = u->blocks; b; b = b->list) entry = b;
    int nlocalsplus = u->varnames.n + u->cellvars.n + u->freevars.n;
    int *fixed = build_cellfixedoffsets(c);
    if (!fixed) return cg_no_memory(c), -1;
    if (!u->firstlineno) {
        u->firstlineno = entry->n && entry->instr[0].lineno ? entry->instr[0].lineno : 1;
    }
    if (!insert_prefix_instructions(c, entry, fixed, u->freevars.n)) goto fail;
    nlocalsplus -= fix_cell_offsets(c, entry, fixed);
    free(fixed);
    fixed = NULL;

    if (!optimize_cfg(c, entry) || !duplicate_exits_without_lineno(c)) goto fail;
    trim_unused_consts(c, entry);
    propagate_line_numbers(entry);
    guarantee_lineno_for_exits(entry, u->firstlineno);
    int maxdepth = stackdepth(c);
    if (maxdepth < 0) goto fail;
    if (!label_exception_targets(c, entry)) goto fail;
    convert_exception_handlers_to_nops(entry);
    for (Block *b = entry; b; b = b->next) clean_basic_block(b);
    normalize_jumps(entry);
    if (!assemble_jump_offsets(c, entry)) goto fail;

    Buf code = {0}, lines = {0}, excs = {0};
    int r = 0;
    for (Block *b = entry; b; b = b->next)
        for (int j = 0; j < b->n; j++) r |= write_instr(&code, &b->instr[j]);
    int a_lineno = u->firstlineno;
    for (Block *b = entry; b; b = b->next)
        for (int j = 0; j < b->n; j++) r |= emit_location(&lines, &a_lineno, &b->instr[j]);
    r |= assemble_exception_table(&excs, entry);
    if (r) {
        free(code.p);
        free(lines.p);
        free(excs.p);
        cg_no_memory(c);
        goto fail;
    }
    out->code = code.p;
    out->nunits = code.n / 2;
    out->linetable = lines.p;
    out->nlinetable = lines.n;
    out->excepttable = excs.p;
    out->nexcepttable = excs.n;
    out->maxdepth = maxdepth;
    out->nlocalsplus = nlocalsplus;
    out->consts = u->consts;
    out->nconsts = u->nconsts;
    return 0;
fail:
    free(fixed);
    return -1;
}
