"""Where a cold ``govlint check`` spends its instructions, by kind (a script, not a test):
``python benchmarks/startup_kinds.py [--seed FILE] [--top N]``.

The check runs once under valgrind's callgrind, which writes its counters each time the process calls
``getppid`` (``--dump-before=getppid``).  This script, run as the checked program (``--driver``), calls it at
the start and end of each module's execution, of each regular expression compiled and of each attrs class and
``typing.NamedTuple`` made, so every instruction between two calls belongs to one of them: a module's own
body, a pattern, a class, the compiled patterns loaded from the user's cache (:mod:`govlint.regexcache`),
start-up before ``main`` (Python's own and this script's), the check itself, or the interpreter's exit.  The
table sums them by kind, then lists the dearest items.  The total is about 20M above the ``--instructions``
figure of ``bench_startup.py``: this script's own start-up and its marks.

Needs valgrind on PATH, and govlint and attrs importable by this interpreter.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import collections
    from collections.abc import Callable, Sequence
    from pathlib import Path

#: The check's own imports are measured: the driver imports nothing else before ``main`` (the script's
#: other imports are in the functions that only the measuring process runs).
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "tests", "fixtures", "seeds", "000_3332caad86cf7302.txt")


def drive(labels_file: str, argv: list[str]) -> int:
    """Run ``govlint`` with ``argv`` as its program, marking each item's start and end (see the module's
    docstring); the label of each stretch between two marks goes to ``labels_file`` at exit."""
    import atexit
    import importlib._bootstrap_external as external
    import json

    labels: list[str] = []
    stack = ["start-up before main"]

    def mark() -> None:
        labels.append(stack[-1])
        os.getppid()

    def within(label: str, call: Callable[[], Any]) -> Any:
        mark()
        stack.append(label)
        try:
            return call()
        finally:
            mark()
            stack.pop()

    execute = external._LoaderBasics.exec_module

    def exec_module(loader: Any, module: Any) -> Any:
        return within(f"module {module.__name__}", lambda: execute(loader, module))

    compile_pattern = re._compile  # type: ignore[attr-defined]

    def compiled(pattern: Any, flags: Any) -> Any:
        if isinstance(pattern, re.Pattern) or (type(pattern), pattern, flags) in re._cache:  # type: ignore[attr-defined]
            return compile_pattern(pattern, flags)
        caller = sys._getframe(1)
        while caller.f_code.co_filename == re.__file__:
            caller = caller.f_back  # type: ignore[assignment]
        where = f"{caller.f_globals.get('__name__')}:{caller.f_lineno}"
        return within(f"pattern {where}", lambda: compile_pattern(pattern, flags))

    external._LoaderBasics.exec_module = exec_module  # type: ignore[method-assign]
    re._compile = compiled  # type: ignore[attr-defined]
    import attr._next_gen as next_gen  # what attrs.define and attrs.frozen call for each class

    make_class = next_gen.attrs

    def attrs_class(maybe_cls: Any = None, *args: Any, **kwargs: Any) -> Any:
        if maybe_cls is None:
            return make_class(maybe_cls, *args, **kwargs)
        label = f"attrs class {maybe_cls.__module__}.{maybe_cls.__qualname__}"
        return within(label, lambda: make_class(maybe_cls, *args, **kwargs))

    next_gen.attrs = attrs_class
    import typing

    make_tuple = typing.NamedTupleMeta.__new__  # type: ignore[attr-defined]

    def named_tuple(meta: Any, name: str, bases: Any, namespace: dict[str, Any]) -> Any:
        label = f"NamedTuple {namespace.get('__module__')}.{name}"
        return within(label, lambda: make_tuple(meta, name, bases, namespace))

    typing.NamedTupleMeta.__new__ = named_tuple  # type: ignore[attr-defined]
    from govlint import regexcache  # what govlint.cli imports first anyway

    load = regexcache.Patterns.load

    def loaded(patterns: Any) -> None:
        within("the cached patterns loaded", lambda: load(patterns))

    regexcache.Patterns.load = loaded  # type: ignore[method-assign]

    def written() -> None:
        mark()
        with open(labels_file, "w", encoding="utf-8") as out:
            json.dump([*labels, "the interpreter's exit"], out)

    atexit.register(written)
    sys.argv = ["govlint", *argv]
    from govlint.cli import main

    stack.append("the check (reading, parsing, linting, writing)")
    return main()


def measure(seed: Path) -> collections.Counter[str]:
    """Instructions per label of one cold check of ``seed``."""
    import collections
    import json
    import subprocess
    import tempfile
    from pathlib import Path

    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, __file__, "--driver"]
    with tempfile.TemporaryDirectory() as folder:
        labels_file = os.path.join(folder, "labels.json")
        arguments = [labels_file, "check", "--exit-zero", str(seed)]
        subprocess.run([*command, *arguments], env=env, stdout=subprocess.DEVNULL, check=False)  # bytecode
        os.remove(labels_file)
        out = os.path.join(folder, "callgrind.out")
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--dump-before=getppid",
                f"--callgrind-out-file={out}",
                *command,
                *arguments,
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        if not os.path.exists(labels_file):
            sys.exit(f"the driver failed:\n{done.stderr.decode(errors='replace')[-2000:]}")
        labels = json.loads(Path(labels_file).read_text(encoding="utf-8"))
        parts = sorted(
            Path(folder).glob("callgrind.out*"), key=lambda p: int(p.suffix[1:]) if p.suffix[1:].isdigit() else 1 << 60
        )
        counts = [_total(part) for part in parts]
    if len(counts) != len(labels):
        sys.exit(f"{len(counts)} callgrind dumps for {len(labels)} stretches: the marks did not line up")
    found: collections.Counter[str] = collections.Counter()
    for label, count in zip(labels, counts, strict=True):
        found[label] += count
    return found


def _total(dump: Path) -> int:
    """The instructions counted in one callgrind dump."""
    for line in dump.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    return 0


def kind(label: str) -> str:
    """The row of the summary a label counts in."""
    what, _, name = label.partition(" ")
    if what == "module":
        return "govlint's module bodies" if name.startswith("govlint") else "other modules' bodies"
    if what == "pattern":
        return "patterns govlint compiles" if name.startswith("govlint") else "patterns other modules compile"
    if what == "attrs":
        return "attrs classes govlint makes"
    if what == "NamedTuple":
        return "NamedTuples govlint makes" if name.startswith("govlint") else "NamedTuples other modules make"
    return label


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--driver"]:
        return drive(sys.argv[2], sys.argv[3:])
    import argparse
    import collections
    from pathlib import Path

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=Path, default=Path(SEED), help="the report checked (default: seed 000)")
    parser.add_argument("--top", type=int, default=25, help="items listed after the summary (default 25)")
    args = parser.parse_args(argv)
    found = measure(args.seed)
    total = sum(found.values())
    print(f"govlint check {args.seed.name}: {total / 1e6:.1f}M instructions")
    kinds: collections.Counter[str] = collections.Counter()
    for label, count in found.items():
        kinds[kind(label)] += count
    for name, count in kinds.most_common():
        print(f"  {count / 1e6:8.1f}M  {count / total:5.1%}  {name}")
    print(f"the {args.top} dearest items:")
    for label, count in found.most_common(args.top):
        print(f"  {count / 1e6:8.1f}M  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
