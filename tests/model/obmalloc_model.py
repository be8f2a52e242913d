"""obmalloc_model -- an independent reference model of CPython 3.11's pymalloc.

This module is a second, deliberately separate implementation of the small
object allocator of CPython 3.11 (Objects/obmalloc.c: pymalloc_alloc,
allocate_from_new_pool, pymalloc_pool_extend, pymalloc_free,
insert_to_usedpool, insert_to_freepool, new_arena, arena_map_mark_used and
_PyObject_DebugMallocStats/printone), written from CPython's algorithm and
the project's reference notes, not from refscope's C sources.  It is used by
gen_traces.py to produce golden traces that refscope's simulated heap must
reproduce exactly (addresses, arena lists and the report).

Addresses follow refscope's deterministic layout: arena slot i is "mmapped"
at ARENA_REGION_BASE + i*arena_size + arena_offset.  Nothing here touches
real memory: a pool's free list is a Python list used as a stack (its last
element is the head, i.e. the block whose first word CPython would read).

Python 3.11 standard library only.
"""

from __future__ import annotations

ARENA_REGION_BASE = 0x7F0004000000   # where arena slot 0 would start (+ offset)
POOL_OVERHEAD = 48                   # sizeof(struct pool_header) rounded up
DUMMY_SIZE_IDX = 0xFFFF              # szidx of a freshly carved pool
INITIAL_ARENA_OBJECTS = 16
POINTER_BITS = 64

# The three profiles the traces use, keyed by their refscope spec.
PROFILES = {
    "cpython-3.11": dict(arena_size=1 << 20, pool_size=16 << 10, alignment=16,
                         threshold=512, arena_offset=4096, keep_last_arena=True,
                         radix_tree=True),
    "classic": dict(arena_size=256 << 10, pool_size=4 << 10, alignment=8,
                    threshold=512, arena_offset=0, keep_last_arena=False,
                    radix_tree=False),
    "cpython-3.11,arena=16K,pool=1K,threshold=128": dict(
        arena_size=16 << 10, pool_size=1 << 10, alignment=16, threshold=128,
        arena_offset=0, keep_last_arena=True, radix_tree=True),
}


def _log2(x: int) -> int:
    assert x > 0 and x & (x - 1) == 0, f"{x} is not a power of two"
    return x.bit_length() - 1


def printone(msg: str, value: int) -> str:
    """CPython's printone(): label padded to 35 columns, '=', then the value
    with thousands separators right-aligned in 21 columns (no newline)."""
    digits = format(value, ",")
    assert len(digits) <= 21
    return msg.ljust(35) + "=" + digits.rjust(21)


class Pool:
    """A carved pool (a pool_header plus the bookkeeping we need)."""

    __slots__ = ("addr", "arena", "index", "count", "free", "szidx",
                 "nextoffset", "maxnextoffset")

    def __init__(self, addr: int, arena: "Arena", index: int):
        self.addr = addr          # pool header address
        self.arena = arena        # owning arena_object
        self.index = index        # pool number inside the arena (0 = first)
        self.count = 0            # ref.count: blocks in use
        self.free: list[int] = []  # freeblock list; free[-1] is the head
        self.szidx = DUMMY_SIZE_IDX
        self.nextoffset = 0
        self.maxnextoffset = 0


class Arena:
    """An arena_object slot."""

    __slots__ = ("slot", "address", "pool_address", "first_pool",
                 "nfreepools", "ntotalpools", "freepools", "pools")

    def __init__(self, slot: int):
        self.slot = slot
        self.address = 0              # 0: slot unused
        self.pool_address = 0         # next never-carved pool
        self.first_pool = 0           # address of pool 0
        self.nfreepools = 0
        self.ntotalpools = 0
        self.freepools: list[Pool] = []   # singly linked LIFO; [-1] is head
        self.pools: list[Pool] = []       # carved pools in address order


class PyMalloc:
    """pymalloc with configurable geometry.

    Public operations: malloc(n) -> address, free(address),
    usable_slots(), state(), report(), check().  After each malloc/free,
    `events` lists the arena-level things that happened (strings such as
    "new_arena 3", "arena_full 3", "arena_free 3", ...).
    """

    def __init__(self, arena_size: int, pool_size: int, alignment: int,
                 threshold: int = 512, arena_offset: int = 0,
                 keep_last_arena: bool = True, radix_tree: bool = True,
                 arena_base: int = ARENA_REGION_BASE):
        self.arena_size = arena_size
        self.pool_size = pool_size
        self.alignment = alignment
        self.align_shift = _log2(alignment)
        self.arena_bits = _log2(arena_size)
        _log2(pool_size)
        assert arena_size % pool_size == 0 and arena_size > pool_size
        assert alignment <= threshold and threshold % alignment == 0
        self.threshold = threshold
        self.nclasses = threshold >> self.align_shift
        assert pool_size - POOL_OVERHEAD >= 2 * threshold, \
            "a pool must hold at least two blocks of the largest class"
        self.arena_offset = arena_offset
        self.keep_last_arena = keep_last_arena
        self.radix_tree = radix_tree
        self.arena_base = arena_base

        # usedpools[c]: the circular list of partially used pools, front first.
        self.usedpools: list[list[Pool]] = [[] for _ in range(self.nclasses)]
        self.arenas: list[Arena] = []                 # the arena_object vector
        self.unused_arena_objects: list[Arena] = []   # [-1] is the head
        self.usable_arenas: list[Arena] = []          # [0] is the head
        self.narenas_currently_allocated = 0
        self.ntimes_arena_allocated = 0
        self.narenas_highwater = 0
        self.pool_by_addr: dict[int, Pool] = {}
        self.live: dict[int, Pool] = {}               # block address -> pool
        self.events: list[str] = []

        # Arena map (radix tree) bookkeeping: nodes are created, never freed.
        if radix_tree:
            self.interior_bits = (POINTER_BITS - self.arena_bits + 2) // 3
            self.bot_bits = POINTER_BITS - self.arena_bits - 2 * self.interior_bits
            self.mid_shift = self.arena_bits + self.bot_bits
            self.top_shift = self.mid_shift + self.interior_bits
        self.map_mid_nodes: set[int] = set()
        self.map_bot_nodes: set[int] = set()

    @classmethod
    def from_profile(cls, spec: str, **kw) -> "PyMalloc":
        params = dict(PROFILES[spec])
        params.update(kw)
        return cls(**params)

    # ------------------------------------------------------------ geometry
    def size_class(self, n: int) -> int | None:
        """The size class of an n-byte request, None if not small."""
        if n < 1 or n > self.threshold:
            return None
        return (n - 1) >> self.align_shift

    def class_size(self, c: int) -> int:
        return (c + 1) << self.align_shift

    def numblocks(self, c: int) -> int:
        return (self.pool_size - POOL_OVERHEAD) // self.class_size(c)

    def arena_address(self, slot: int) -> int:
        return self.arena_base + slot * self.arena_size + self.arena_offset

    def pools_per_arena(self) -> int:
        return self.arena_size // self.pool_size - (1 if self.arena_offset % self.pool_size else 0)

    def locate(self, addr: int) -> tuple[int, int, int, int]:
        """(arena slot, pool index, block index, size class) of a live block."""
        pool = self.live[addr]
        size = self.class_size(pool.szidx)
        k, r = divmod(addr - pool.addr - POOL_OVERHEAD, size)
        assert r == 0
        return pool.arena.slot, pool.index, k, pool.szidx

    # -------------------------------------------------------------- arenas
    def _new_arena(self) -> Arena:
        if not self.unused_arena_objects:
            maxarenas = len(self.arenas)
            numarenas = maxarenas * 2 if maxarenas else INITIAL_ARENA_OBJECTS
            # new_arena only grows the vector when every slot is in use, so
            # nothing can be on usable_arenas either.
            assert not self.usable_arenas
            for i in range(maxarenas, numarenas):
                self.arenas.append(Arena(i))
            # Linked lowest index first: the head is arenas[maxarenas].
            self.unused_arena_objects = list(reversed(self.arenas[maxarenas:numarenas]))
            self.events.append(f"arena_vector {numarenas}")
        ao = self.unused_arena_objects.pop()
        assert ao.address == 0
        ao.address = self.arena_address(ao.slot)
        if self.radix_tree:
            self._arena_map_mark(ao.address)
        self.narenas_currently_allocated += 1
        self.ntimes_arena_allocated += 1
        self.narenas_highwater = max(self.narenas_highwater,
                                     self.narenas_currently_allocated)
        ao.freepools = []
        ao.pools = []
        ao.pool_address = ao.address
        ao.nfreepools = self.arena_size // self.pool_size
        excess = ao.address & (self.pool_size - 1)
        if excess:
            ao.nfreepools -= 1
            ao.pool_address += self.pool_size - excess
        ao.first_pool = ao.pool_address
        ao.ntotalpools = ao.nfreepools
        self.events.append(f"new_arena {ao.slot}")
        return ao

    def _arena_map_mark(self, base: int) -> None:
        """arena_map_mark_used(base, 1): which nodes would exist."""
        marks = [base]
        if base & (self.arena_size - 1):
            marks.append(base + self.arena_size)
        for a in marks:
            self.map_mid_nodes.add(a >> self.top_shift)
            self.map_bot_nodes.add(a >> self.mid_shift)

    def _release_arena(self, ao: Arena) -> None:
        for p in ao.pools:
            del self.pool_by_addr[p.addr]
        ao.pools = []
        ao.freepools = []
        self.unused_arena_objects.append(ao)      # pushed at the head
        ao.address = 0                            # radix nodes stay
        self.narenas_currently_allocated -= 1
        self.events.append(f"arena_free {ao.slot}")

    # -------------------------------------------------------------- malloc
    def malloc(self, n: int) -> int:
        """PyObject_Malloc for a small request; refuses anything else."""
        c = self.size_class(n)
        if c is None:
            raise ValueError(f"{n} bytes is not a small request "
                             f"(1..{self.threshold}); the model only does pymalloc")
        self.events = []
        used = self.usedpools[c]
        if used:
            pool = used[0]                            # the FIRST pool
            pool.count += 1
            bp = pool.free.pop()
            if not pool.free:
                self._pool_extend(pool, c)
        else:
            bp = self._allocate_from_new_pool(c)
        assert bp not in self.live
        self.live[bp] = self.pool_by_addr[bp & ~(self.pool_size - 1)]
        return bp

    def _pool_extend(self, pool: Pool, c: int) -> None:
        if pool.nextoffset <= pool.maxnextoffset:
            pool.free.append(pool.addr + pool.nextoffset)   # next = NULL
            pool.nextoffset += self.class_size(c)
            return
        # Full: unlink it from usedpools (it is on no list now).
        self.usedpools[c].remove(pool)

    def _allocate_from_new_pool(self, c: int) -> int:
        if not self.usable_arenas:
            ao = self._new_arena()
            self.usable_arenas = [ao]
        ao = self.usable_arenas[0]                    # the HEAD
        assert ao.address != 0 and ao.nfreepools > 0
        if ao.freepools:
            pool = ao.freepools.pop()                 # first cached pool
            ao.nfreepools -= 1
        else:
            assert ao.pool_address <= ao.address + self.arena_size - self.pool_size
            pool = Pool(ao.pool_address, ao, len(ao.pools))
            pool.szidx = DUMMY_SIZE_IDX
            ao.pools.append(pool)
            self.pool_by_addr[pool.addr] = pool
            ao.pool_address += self.pool_size
            ao.nfreepools -= 1
        if ao.nfreepools == 0:
            assert not ao.freepools
            self.usable_arenas.pop(0)                 # wholly allocated
            self.events.append(f"arena_full {ao.slot}")
        # Frontlink: the list was empty, so the pool is its only entry.
        assert not self.usedpools[c]
        self.usedpools[c].insert(0, pool)
        pool.count = 1
        if pool.szidx == c:
            # Same class as last time: its free list is still valid.
            bp = pool.free.pop()
            assert pool.free, "an emptied pool keeps at least two carved blocks"
            return bp
        size = self.class_size(c)
        pool.szidx = c
        bp = pool.addr + POOL_OVERHEAD
        pool.nextoffset = POOL_OVERHEAD + 2 * size
        pool.maxnextoffset = self.pool_size - size
        pool.free = [bp + size]
        return bp

    # ---------------------------------------------------------------- free
    def free(self, addr: int) -> None:
        if addr not in self.live:
            raise ValueError(f"{addr:#x} is not a live block")
        self.events = []
        pool = self.live.pop(addr)
        assert pool.count > 0
        was_full = not pool.free                      # lastfree == NULL
        pool.free.append(addr)                        # LIFO push
        pool.count -= 1
        if was_full:
            self.usedpools[pool.szidx].insert(0, pool)   # front of usedpools
            return
        if pool.count > 0:
            return
        self._insert_to_freepool(pool)

    def _insert_to_freepool(self, pool: Pool) -> None:
        self.usedpools[pool.szidx].remove(pool)
        ao = pool.arena
        ao.freepools.append(pool)                     # LIFO push
        nf_old = ao.nfreepools
        # lastnf: the rightmost arena in usable_arenas with the old count
        # (None when nf_old == 0: the arena was full, on no list).
        lastnf = None
        if nf_old > 0:
            for a in self.usable_arenas:
                if a.nfreepools == nf_old:
                    lastnf = a
            assert lastnf is not None
        nf = nf_old + 1
        ao.nfreepools = nf

        if nf == ao.ntotalpools and (not self.keep_last_arena
                                     or self._next_arena(ao) is not None):
            # Case 1: wholly free and (classic, or not the last): release.
            self.usable_arenas.remove(ao)
            self._release_arena(ao)
            return
        if nf == ao.ntotalpools:
            self.events.append(f"arena_kept {ao.slot}")   # keep-last rule
        if nf == 1:
            # Case 2: it was full; push it at the head.
            assert ao not in self.usable_arenas
            self.usable_arenas.insert(0, ao)
            self.events.append(f"arena_usable {ao.slot}")
            return
        if ao is lastnf:
            # Case 4: still sorted; nothing moves.
            self.events.append(f"arena_stays {ao.slot}")
            self._assert_sorted_position(ao)
            return
        # Case 3: slide right, to just after lastnf.
        self.usable_arenas.remove(ao)
        i = self.usable_arenas.index(lastnf)
        self.usable_arenas.insert(i + 1, ao)
        self.events.append(f"arena_slide {ao.slot}")
        self._assert_sorted_position(ao)

    def _next_arena(self, ao: Arena) -> Arena | None:
        i = self.usable_arenas.index(ao)
        return self.usable_arenas[i + 1] if i + 1 < len(self.usable_arenas) else None

    def _assert_sorted_position(self, ao: Arena) -> None:
        # Equivalent formulation: before the first arena with nfreepools >=
        # its count, after every arena with fewer.
        i = self.usable_arenas.index(ao)
        assert all(a.nfreepools < ao.nfreepools for a in self.usable_arenas[:i])
        assert all(a.nfreepools >= ao.nfreepools for a in self.usable_arenas[i + 1:])

    # --------------------------------------------------------------- state
    def usable_slots(self) -> list[int]:
        return [a.slot for a in self.usable_arenas]

    def state(self) -> tuple[int, int, str]:
        """(arenas current, arenas ever allocated, usable list string)."""
        u = self.usable_slots()
        return (self.narenas_currently_allocated, self.ntimes_arena_allocated,
                ",".join(map(str, u)) if u else "-")

    # -------------------------------------------------------------- report
    def report(self) -> list[str]:
        """The allocator part of sys._debugmallocstats(), as lines."""
        nc = self.nclasses
        numpools = [0] * nc
        numblocks = [0] * nc
        numfree = [0] * nc
        numfreepools = 0
        arena_alignment = 0
        narenas = 0
        for ao in self.arenas:                    # slot order, like CPython
            if ao.address == 0:
                continue
            narenas += 1
            numfreepools += ao.nfreepools
            base = ao.address
            if base & (self.pool_size - 1):
                arena_alignment += self.pool_size
                base = (base & ~(self.pool_size - 1)) + self.pool_size
            assert base == ao.first_pool
            for p in ao.pools:                    # pools below pool_address
                if p.count == 0:
                    continue
                numpools[p.szidx] += 1
                numblocks[p.szidx] += p.count
                numfree[p.szidx] += self.numblocks(p.szidx) - p.count
        assert narenas == self.narenas_currently_allocated

        out = [f"Small block threshold = {self.threshold}, in {nc} size classes.",
               "",
               "class   size   num pools   blocks in use  avail blocks",
               "-----   ----   ---------   -------------  ------------"]
        allocated_bytes = available_bytes = pool_header_bytes = quantization = 0
        for i in range(nc):
            p, b, f = numpools[i], numblocks[i], numfree[i]
            size = self.class_size(i)
            if p == 0:
                assert b == 0 and f == 0
                continue
            out.append("%5u %6u %11u %15u %13u" % (i, size, p, b, f))
            allocated_bytes += b * size
            available_bytes += f * size
            pool_header_bytes += p * POOL_OVERHEAD
            quantization += p * ((self.pool_size - POOL_OVERHEAD) % size)
        out.append("")
        out.append(printone("# arenas allocated total", self.ntimes_arena_allocated))
        out.append(printone("# arenas reclaimed", self.ntimes_arena_allocated - narenas))
        out.append(printone("# arenas highwater mark", self.narenas_highwater))
        out.append(printone("# arenas allocated current", narenas))
        out.append(printone(f"{narenas} arenas * {self.arena_size} bytes/arena",
                            narenas * self.arena_size))
        out.append("")
        total = allocated_bytes + available_bytes + numfreepools * self.pool_size \
            + pool_header_bytes + quantization + arena_alignment
        out.append(printone("# bytes in allocated blocks", allocated_bytes))
        out.append(printone("# bytes in available blocks", available_bytes))
        out.append(printone(f"{numfreepools} unused pools * {self.pool_size} bytes",
                            numfreepools * self.pool_size))
        out.append(printone("# bytes lost to pool headers", pool_header_bytes))
        out.append(printone("# bytes lost to quantization", quantization))
        out.append(printone("# bytes lost to arena alignment", arena_alignment))
        out.append(printone("Total", total))
        assert total == narenas * self.arena_size, (total, narenas)
        if self.radix_tree:
            root = (1 << self.interior_bits) * 8        # pointers
            mid = (1 << self.interior_bits) * 8         # pointers
            bot = (1 << self.bot_bits) * 8              # {int32 tail_hi, tail_lo}
            nmid, nbot = len(self.map_mid_nodes), len(self.map_bot_nodes)
            out.append("")
            out.append("arena map counts")
            out.append(printone("# arena map mid nodes", nmid))
            out.append(printone("# arena map bot nodes", nbot))
            out.append("")
            out.append(printone("# bytes lost to arena map root", root))
            out.append(printone("# bytes lost to arena map mid", mid * nmid))
            out.append(printone("# bytes lost to arena map bot", bot * nbot))
            out.append(printone("Total", root + mid * nmid + bot * nbot))
        return out

    # ----------------------------------------------------------- self-check
    def check(self) -> None:
        """Asserts every structural invariant of the model."""
        on_used: dict[int, int] = {}
        for c, lst in enumerate(self.usedpools):
            for p in lst:
                assert id(p) not in on_used, "pool twice on usedpools"
                on_used[id(p)] = c
                assert p.szidx == c
        slots_unused = {id(a) for a in self.unused_arena_objects}
        assert len(slots_unused) == len(self.unused_arena_objects)
        assert len(self.arenas) in (0,) or len(self.arenas) >= INITIAL_ARENA_OBJECTS
        usable_ids = [id(a) for a in self.usable_arenas]
        assert len(set(usable_ids)) == len(usable_ids)
        nallocated = 0
        nlive = 0
        wholly_free = []
        for i, ao in enumerate(self.arenas):
            assert ao.slot == i
            if ao.address == 0:
                assert id(ao) in slots_unused and id(ao) not in usable_ids
                continue
            assert id(ao) not in slots_unused
            nallocated += 1
            assert ao.address == self.arena_address(i)
            assert ao.first_pool % self.pool_size == 0
            assert ao.first_pool + ao.ntotalpools * self.pool_size \
                <= ao.address + self.arena_size
            assert ao.ntotalpools == self.pools_per_arena()
            carved = len(ao.pools)
            assert ao.pool_address == ao.first_pool + carved * self.pool_size
            assert ao.nfreepools == len(ao.freepools) + ao.ntotalpools - carved
            assert (ao.nfreepools > 0) == (id(ao) in usable_ids)
            if ao.nfreepools == ao.ntotalpools:
                wholly_free.append(ao)
            free_ids = {id(p) for p in ao.freepools}
            assert len(free_ids) == len(ao.freepools)
            for k, p in enumerate(ao.pools):
                assert p.index == k and p.arena is ao
                assert p.addr == ao.first_pool + k * self.pool_size
                assert self.pool_by_addr[p.addr] is p
                if p.szidx == DUMMY_SIZE_IDX:
                    raise AssertionError("carved pool never initialised")
                size = self.class_size(p.szidx)
                ncarved = (p.nextoffset - POOL_OVERHEAD) // size
                assert p.nextoffset == POOL_OVERHEAD + ncarved * size
                assert p.maxnextoffset == self.pool_size - size
                assert 2 <= ncarved <= self.numblocks(p.szidx)
                assert len(set(p.free)) == len(p.free)
                for b in p.free:
                    assert b not in self.live
                    k2, r = divmod(b - p.addr - POOL_OVERHEAD, size)
                    assert r == 0 and 0 <= k2 < ncarved
                assert p.count + len(p.free) == ncarved
                nlive += p.count
                if p.count == 0:
                    state = "empty"
                    assert id(p) in free_ids and id(p) not in on_used
                elif not p.free:
                    state = "full"
                    assert p.count == self.numblocks(p.szidx)
                    assert p.nextoffset > p.maxnextoffset
                    assert id(p) not in on_used and id(p) not in free_ids
                else:
                    state = "used"
                    assert on_used.get(id(p)) == p.szidx and id(p) not in free_ids
                del state
        assert nallocated == self.narenas_currently_allocated
        assert nlive == len(self.live)
        assert len(on_used) == sum(len(l) for l in self.usedpools)
        counts = [a.nfreepools for a in self.usable_arenas]
        assert counts == sorted(counts), "usable_arenas not ascending"
        for a in self.usable_arenas:
            assert a.address != 0
        if self.keep_last_arena:
            assert len(wholly_free) <= 1
            if wholly_free:
                assert self.usable_arenas[-1] is wholly_free[0]
        else:
            assert not wholly_free
        for b, p in self.live.items():
            size = self.class_size(p.szidx)
            assert (b - p.addr - POOL_OVERHEAD) % size == 0
            assert p.addr == b & ~(self.pool_size - 1)
        assert self.narenas_highwater >= self.narenas_currently_allocated
        self.report()                                 # asserts its Total


def _selftest() -> None:
    """Quick checks against facts measured on CPython 3.11.7."""
    m = PyMalloc.from_profile("cpython-3.11")
    assert m.nclasses == 32 and m.pools_per_arena() == 63
    assert [m.numblocks(c) for c in (0, 1, 7, 31)] == [1021, 510, 127, 31]
    c = PyMalloc.from_profile("classic")
    assert c.nclasses == 64 and c.pools_per_arena() == 64
    assert [c.numblocks(k) for k in (0, 1, 2, 3, 7, 63)] == [506, 253, 168, 126, 63, 7]
    # printone against lines of the real 3.11.7 output
    assert printone("# arenas allocated total", 4) == \
        "# arenas allocated total           =                    4"
    assert printone("4 arenas * 1048576 bytes/arena", 4194304) == \
        "4 arenas * 1048576 bytes/arena     =            4,194,304"
    # LIFO reuse in one pool
    b = [m.malloc(32) for _ in range(6)]
    assert b[0] == 0x7F0004004030 and b[1] - b[0] == 32
    m.free(b[5]); m.free(b[3])
    assert m.malloc(32) == b[3] and m.malloc(32) == b[5]
    m.check()
    rep = m.report()
    assert rep[-4] == "# bytes lost to arena map root     =              262,144"
    assert rep[-1] == "Total                              =              655,360"


if __name__ == "__main__":
    _selftest()
    print("obmalloc_model self-test passed")
