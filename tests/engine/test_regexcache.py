"""Compiled regular expressions kept between ``govlint`` processes (:mod:`govlint.regexcache`): a pattern made
from the cache is the pattern ``re`` compiles, a damaged or foreign file changes nothing, and govlint run
inside someone else's process leaves ``re`` alone."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govlint import regexcache
from govlint.cli import main
from govlint.regexcache import MOST, Patterns, cache_path

_compiler = pytest.importorskip("re._compiler")
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "000_3332caad86cf7302.txt"
PROGRAM = "import sys\nfrom govlint.cli import main\nsys.argv[0] = 'govlint'\nsys.exit(main())\n"


@pytest.fixture(autouse=True)
def fresh_re() -> Iterator[None]:
    """Each test starts and ends with ``re``'s cache empty, so that what it loads stays its own."""
    re.purge()
    yield
    re.purge()


def program(cache: Path | str, *arguments: str, hash_seed: str = "random") -> str:
    """The output of a fresh ``govlint`` process (run as the program) with ``cache`` as its cache folder."""
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, *arguments],
        env={**os.environ, "GOVLINT_CACHE_DIR": str(cache), "PYTHONHASHSEED": hash_seed},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def entries(cache: Path) -> list[Any]:
    data: list[Any] = pickle.loads(Path(cache_path(str(cache))).read_bytes())
    return data


def test_a_check_writes_the_cache_once_and_reads_the_same_findings_from_it(tmp_path: Path) -> None:
    first = program(tmp_path, "check", "--format", "json", str(SEED))
    written = Path(cache_path(str(tmp_path)))
    assert len(entries(tmp_path)) > 100
    inode = written.stat().st_ino
    assert program(tmp_path, "check", "--format", "json", str(SEED)) == first
    assert written.stat().st_ino == inode  # nothing new to add: not written again
    assert written.stat().st_mode & 0o777 == 0o600


def test_a_process_hashing_strings_otherwise_compiles_the_same_patterns(tmp_path: Path) -> None:
    """A pattern built from a set in its order (which string hashing decides, anew in each process) would
    miss the cache and have it written again at every run."""
    program(tmp_path, "check", str(SEED), hash_seed="1")
    inode = Path(cache_path(str(tmp_path))).stat().st_ino
    program(tmp_path, "check", str(SEED), hash_seed="2")
    assert Path(cache_path(str(tmp_path))).stat().st_ino == inode


def test_every_cached_pattern_is_the_pattern_re_compiles(tmp_path: Path) -> None:
    """``re.Pattern`` equality compares the compiled code, so each pattern made from the file is the one
    ``re``'s compiler makes, flags, groups and group names included."""
    program(tmp_path, "check", str(SEED))
    patterns = Patterns(cache_path(str(tmp_path)))
    patterns.load()
    assert len(patterns.known) > 100
    for kind, pattern, flags in patterns.known:
        made = re._cache[kind, pattern, flags]  # type: ignore[attr-defined]
        compiled = _compiler.compile(pattern, flags)
        assert made == compiled
        assert (made.flags, made.groups, made.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)


def test_a_damaged_entry_is_compiled_as_usual(tmp_path: Path) -> None:
    path = Path(cache_path(str(tmp_path)))
    program(tmp_path, "check", str(SEED))
    good = entries(tmp_path)[0]
    (is_bytes, pattern, flags), (final, code, groups, names, by_index) = good
    broken = ((False, "govlint-test-(a|b)", 0), (final, [code[0], 999_999, *code[2:]], groups, names, by_index))
    path.write_bytes(pickle.dumps([broken, good, "not an entry"]))
    patterns = Patterns(str(path))
    patterns.load()
    assert list(patterns.known) == [(bytes if is_bytes else str, pattern, flags)]
    assert (str, "govlint-test-(a|b)", 0) not in re._cache  # type: ignore[attr-defined]
    assert re.fullmatch("govlint-test-(a|b)", "govlint-test-b") is not None


def test_a_file_others_can_write_or_naming_a_class_is_not_read(tmp_path: Path) -> None:
    path = Path(cache_path(str(tmp_path)))
    program(tmp_path, "check", str(SEED))
    path.chmod(0o666)
    shared = Patterns(str(path))
    shared.load()
    assert shared.known == {}
    path.chmod(0o600)
    path.write_bytes(pickle.dumps(re.compile("x")))  # a pickle that calls re._compile when loaded
    code = Patterns(str(path))
    code.load()
    assert code.known == {}


def test_the_file_holds_at_most_its_bound_and_keeps_what_it_holds(tmp_path: Path) -> None:
    """The patterns compiled first (on importing govlint) stay; patterns made later from the reports (a MIME
    boundary each) fill only the room they leave."""
    for number in range(MOST + 10):
        re.compile(f"govlint-bound-{number}")
    Patterns(cache_path(str(tmp_path))).save()
    kept = entries(tmp_path)
    bound = [pattern for (_, pattern, _), _ in kept if pattern.startswith("govlint-bound-")]
    assert len(kept) == MOST
    assert bound == [f"govlint-bound-{number}" for number in range(len(bound))]
    assert len(bound) > MOST - 5
    re.purge()
    full = Patterns(cache_path(str(tmp_path)))
    full.load()
    re.compile("govlint-bound-later")
    full.save()
    assert entries(tmp_path) == kept


def test_nothing_is_compiled_again_for_a_folder_it_could_not_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o775)
    shared.chmod(0o775)  # others of the group may write: a file there is never read
    monkeypatch.setattr(regexcache, "_form", lambda key: pytest.fail(f"compiled {key!r} again"))
    re.compile("govlint-shared")
    Patterns(cache_path(str(shared))).save()
    assert list(shared.iterdir()) == []


def test_govlint_inside_another_program_leaves_re_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path))
    main(["check", "--exit-zero", str(SEED)])
    assert not Path(cache_path(str(tmp_path))).exists()


def test_an_empty_cache_folder_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVLINT_CACHE_DIR", "")
    assert Patterns.for_program().path is None
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path))
    assert Patterns.for_program().path == cache_path(str(tmp_path))
