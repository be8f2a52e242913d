#!/usr/bin/env python3
"""Regenerate the oracle's expected outputs from CPython 3.11.

usage: python3 tests/oracle/gen_expected.py [NAME.py ...]

For every tests/oracle/NAME.py (or only the NAMEs given) runs

    PYTHONHASHSEED=0 python3 -X utf8 NAME.py

with the working directory tests/oracle, and writes tests/data/oracle/NAME.out
(stdout), NAME.err (stderr) and NAME.status (the exit status and a newline).

File names: python3 3.11 makes the script's path absolute before it runs it,
so its tracebacks and warnings name "/abs/path/tests/oracle/NAME.py".  The
expected files must not depend on where the checkout lives, so the absolute
directory prefix ("/abs/path/tests/oracle/") is removed from both streams:
the stored text is what CPython prints for a program compiled under the
file name "NAME.py" -- exactly the name the cmocka runner
(tests/unit/test_oracle.c) passes to sim_run_source.  (`refscope run NAME.py`
itself should pass an absolute path, as python3 does.)

It refuses to run under anything but CPython 3.11 (the oracle), and warns
about an output that looks machine-dependent (an address "0x...", a timing):
such a program is not a valid oracle test.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data", "oracle"))
SUSPECT = re.compile(r" at 0x[0-9a-fA-F]+")
TIMEOUT = 60


def main(argv):
    if sys.version_info[:2] != (3, 11):
        print("gen_expected.py must run under python3 3.11 (found %s)"
              % sys.version.split()[0], file=sys.stderr)
        return 2
    names = argv or sorted(f for f in os.listdir(HERE)
                           if f.endswith(".py") and f != "gen_expected.py")
    os.makedirs(DATA, exist_ok=True)
    env = dict(os.environ, PYTHONHASHSEED="0")
    for var in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONDEVMODE",
                "PYTHONMALLOC", "PYTHONOPTIMIZE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(var, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    bad = 0
    for name in names:
        name = os.path.basename(name)
        if not name.endswith(".py"):
            name += ".py"
        p = subprocess.run([sys.executable, "-X", "utf8", name], cwd=HERE, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
        prefix = (HERE + os.sep).encode("utf-8")
        out = p.stdout.replace(prefix, b"")
        err = p.stderr.replace(prefix, b"")
        stem = os.path.join(DATA, name[:-3])
        with open(stem + ".out", "wb") as f:
            f.write(out)
        with open(stem + ".err", "wb") as f:
            f.write(err)
        with open(stem + ".status", "w") as f:
            f.write("%d\n" % p.returncode)
        note = ""
        if SUSPECT.search(out.decode("utf-8", "replace")) or \
                SUSPECT.search(err.decode("utf-8", "replace")):
            note = "  WARNING: output holds an address"
            bad += 1
        elif err and p.returncode == 0:
            note = "  note: stderr without an error status"
        print("%-36s status %d, %5d bytes out, %5d bytes err%s"
              % (name, p.returncode, len(out), len(err), note))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
