#!/usr/bin/env python3
"""Expected values for test_obj_dictsplit (split tables: instances' __dict__),
asked of CPython 3.11 itself.

    PYTHONHASHSEED=0 python3 tests/objects/gen_dictsplit.py > tests/data/objects/dictsplit.txt

One fact per line, fields without spaces.

    size N COUNT BYTES
        A fresh class; COUNT instances are made one after the other, each
        setting the attributes a, b, ... (N of them) in order right after
        its creation (as an __init__ would); then
        sys.getsizeof(last.__dict__).

    scenario NAME N
        Scenario NAME has N operations, given by the N `step` lines after.

    step SCENARIO I OP RESULT SIZE ITEMS TRACKED LAYOUT
        Scenario SCENARIO after its I-th operation OP (counting from 0).
        Each scenario has a fresh class C.
        RESULT is what OP gave (see below).  The other fields describe the
        current dict (the last one `dict` or `copy` produced; all `-`
        before there is one):
          SIZE    sys.getsizeof(d)
          ITEMS   key=value pairs in iteration order, `_` if none
          TRACKED gc.is_tracked(d), 1/0
          LAYOUT  the dict read through ctypes: for a split table
                  `split.DK_REFCNT.DK_USABLE.DK_NENTRIES.PREFIX.ORDER` with
                  ORDER the insertion-order bytes (`_` if none) joined by
                  ':'; for a combined one `KIND.LOG2_SIZE.USABLE.NENTRIES`
                  with KIND `unicode` or `general`.

Operations:
    new          a new instance of C becomes the current instance
    prime:N:a,b  N more instances, each setting a, b, ... (kept alive)
    set:K[=T]    setattr(cur, K, value)          del:K  delattr(cur, K)
    dict         d = cur.__dict__
    put:K[=T]    d[K] = value     rm:K  del d[K]     get:K  d[K]
    has:K        K in d           pop:K  d.pop(K)    sd:K[=T] d.setdefault(K, value)
    popitem      d.popitem()      clear  d.clear()   copy  d = d.copy()
    unhash       d[[]]
    merged       e = {}; e.update(d); d = e
    upd:K+K=T..  d.update({K: value, ...}), a combined dict built in order
    collect      gc.collect(): a full collection, which untracks dicts
                 holding nothing trackable (_PyDict_MaybeUntrack)
    drop         del cur, d: the instance and its dict die; RESULT lists
                 the V values in the order they were deallocated
Keys: a name is a str; #N is the int N.  Values are new objects: by
default the int 1000+k for the k-th value made in the scenario (shown as
its number), `=L` a new [] (shown L), `=V` a new V() whose __del__
records its key (shown V).
RESULT: `ok`, a value, True/False, `K=V` for popitem, the exception's
class name (TypeError:MESSAGE for TypeError), `dealloc:K,K,...` for drop.
"""
import ctypes
import gc
import os
import sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
assert os.environ.get("PYTHONHASHSEED") == "0", "run with PYTHONHASHSEED=0"
gc.disable()  # a full collection would untrack dicts behind our back

ATTRS = "abcde"

for n in range(6):
    for count in (1, 2, 10, 40):
        C = type("C", (), {})
        keep = []
        for i in range(count):
            o = C()
            for a in ATTRS[:n]:
                setattr(o, a, i)
            keep.append(o)
        print("size", n, count, sys.getsizeof(keep[-1].__dict__))
        del keep, o, C

SCENARIOS = [
    ("order_insertion", "new set:c set:a set:b dict"),
    ("order_del_readd", "new set:a set:b set:c del:a set:a dict"),
    ("order_second", "new set:a set:b set:c new set:c set:b set:a dict"),
    ("steady_two", "prime:40:a,b new set:a set:b dict"),
    ("new_key_room", "new set:a dict put:z put:y new set:y dict"),
    ("new_key_full", "prime:40:a,b new set:a set:b dict put:c put:d"),
    ("nonstr_key", "prime:40:a,b new set:b set:a dict put:#7 put:c"),
    ("materialize_full", "prime:40:a new set:a set:b new set:b set:a set:c dict"),
    ("delete_ops", "new set:a set:b set:c set:d dict rm:b get:b has:b has:a pop:c "
                   "pop:c rm:zz get:zz sd:b sd:a get:a put:b"),
    ("popitem", "new set:a set:b set:c dict popitem popitem"),
    ("clear", "new set:a set:b dict clear put:a"),
    ("copy", "prime:10:a,b new set:b set:a dict copy put:c copy"),
    ("copy_tracked", "new set:a=L dict copy"),
    ("tracking", "new set:a dict put:b put:c=L new set:a=L dict"),
    ("setdefault_track", "new set:a dict sd:b=L"),
    ("unhash", "new set:a dict unhash get:#3 rm:#3 has:#3 pop:#3 put:#3"),
    ("setdefault_new", "new set:a dict sd:q sd:#2"),
    ("all_deleted", "new set:a set:b del:a del:b dict put:c put:#1"),
    ("no_attrs", "new dict put:a"),
    ("del_missing", "new set:a del:b dict del:a del:a"),
    ("dealloc_index", "new set:a=V set:b=V set:c=V new set:c=V set:b=V set:a=V dict drop"),
    ("dealloc_deleted", "new set:a=V set:b=V set:c=V new set:c=V set:a=V dict rm:c drop"),
    ("dealloc_combined", "new set:a=V set:b=V new set:b=V set:a=V dict put:#1=V drop"),
    ("merge_into_empty", "new set:b set:a set:c dict merged"),
    ("update_split", "new set:a dict upd:b+a+#1"),
    ("update_split_room", "new set:a set:b dict upd:c+a=L"),
    ("merge_empty_split", "new set:a del:a dict upd:x+y"),
    ("popitem_empty", "new set:a del:a dict popitem"),
    ("untrack_split", "new set:a=L dict collect put:a collect put:b=L collect rm:b collect"),
    ("untrack_general", "new set:a dict put:#1=L collect put:#1 collect"),
    ("full_keys", "new " + " ".join("set:k%d" % i for i in range(30)) + " dict put:z"),
]

deallocated = []


class V:
    __slots__ = ("key", "__weakref__")

    def __init__(self, key):
        self.key = key

    def __del__(self):
        deallocated.append(self.key)


def show_key(k):
    return k if isinstance(k, str) else "#%d" % k


def show_value(v):
    if isinstance(v, list):
        return "L"
    if isinstance(v, V):
        return "V"
    return str(v)


def parse_key(t):
    return int(t[1:]) if t.startswith("#") else t


class PyDictKeysObject(ctypes.Structure):
    _fields_ = [("dk_refcnt", ctypes.c_ssize_t), ("dk_log2_size", ctypes.c_uint8),
                ("dk_log2_index_bytes", ctypes.c_uint8), ("dk_kind", ctypes.c_uint8),
                ("dk_version", ctypes.c_uint32), ("dk_usable", ctypes.c_ssize_t),
                ("dk_nentries", ctypes.c_ssize_t)]


def layout(d):
    keys_addr = ctypes.c_void_p.from_address(id(d) + 32).value
    values = ctypes.c_void_p.from_address(id(d) + 40).value
    k = PyDictKeysObject.from_address(keys_addr)
    if values:
        prefix = ctypes.c_uint8.from_address(values - 1).value
        count = ctypes.c_uint8.from_address(values - 2).value
        order = [ctypes.c_uint8.from_address(values - 3 - i).value for i in range(count)]
        return "split.%d.%d.%d.%d.%s" % (k.dk_refcnt, k.dk_usable, k.dk_nentries, prefix,
                                         ":".join(map(str, order)) or "_")
    kind = {0: "general", 1: "unicode"}[k.dk_kind]
    return "%s.%d.%d.%d" % (kind, k.dk_log2_size, k.dk_usable, k.dk_nentries)


def describe(d):
    if d is None:
        return "- - - -"
    items = ",".join("%s=%s" % (show_key(k), show_value(v)) for k, v in d.items()) or "_"
    return "%d %s %d %s" % (sys.getsizeof(d), items, gc.is_tracked(d), layout(d))


def run(name, script):
    C = type("C", (), {})
    keep = []
    state = {"cur": None, "d": None, "k": 0}

    def value(spec, key):
        if spec == "L":
            return []
        if spec == "V":
            return V(key)
        state["k"] += 1
        return 1000 + state["k"]

    def split(arg):
        key, _, spec = arg.partition("=")
        return key, spec

    for i, op in enumerate(script.split()):
        cmd, _, arg = op.partition(":")
        cur, d = state["cur"], state["d"]
        result = "ok"
        try:
            if cmd == "new":
                state["cur"] = C()
                keep.append(state["cur"])
            elif cmd == "prime":
                count, names = arg.split(":")
                for _ in range(int(count)):
                    o = C()
                    for a in names.split(","):
                        setattr(o, a, value("", a))
                    keep.append(o)
                del o
            elif cmd == "set":
                key, spec = split(arg)
                setattr(cur, key, value(spec, key))
            elif cmd == "del":
                delattr(cur, arg)
            elif cmd == "dict":
                state["d"] = cur.__dict__
            elif cmd == "put":
                key, spec = split(arg)
                d[parse_key(key)] = value(spec, key)
            elif cmd == "rm":
                del d[parse_key(arg)]
            elif cmd == "get":
                result = show_value(d[parse_key(arg)])
            elif cmd == "has":
                result = str(parse_key(arg) in d)
            elif cmd == "pop":
                result = show_value(d.pop(parse_key(arg)))
            elif cmd == "sd":
                key, spec = split(arg)
                result = show_value(d.setdefault(parse_key(key), value(spec, key)))
            elif cmd == "popitem":
                k, v = d.popitem()
                result = "%s=%s" % (show_key(k), show_value(v))
                del k, v
            elif cmd == "clear":
                d.clear()
            elif cmd == "copy":
                keep.append(d)
                state["d"] = d.copy()
            elif cmd == "unhash":
                d[[]]
            elif cmd == "merged":
                keep.append(d)
                e = {}
                e.update(d)
                state["d"] = e
                del e
            elif cmd == "upd":
                other = {}
                for item in arg.split("+"):
                    key, spec = split(item)
                    other[parse_key(key)] = value(spec, key)
                d.update(other)
                del other
            elif cmd == "collect":
                gc.collect()
            elif cmd == "drop":
                deallocated.clear()
                keep.remove(cur)
                del cur, d
                state["cur"] = state["d"] = None
                result = "dealloc:" + (",".join(deallocated) or "_")
            else:
                raise SystemExit("bad op " + op)
        except TypeError as e:
            result = "TypeError:" + str(e).replace(" ", "_")
        except (KeyError, AttributeError) as e:
            result = type(e).__name__
        cur = d = None
        print("step", name, i, op, result, describe(state["d"]))
    return keep


for name, script in SCENARIOS:
    print("scenario", name, len(script.split()))
    run(name, script)
