"""The parser's table cache is a pickle: it is loaded only from a file and folder nobody else can change."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from govlint.parsing import grammar


class Planted:
    """Unpickling this creates a marker file (``open(marker, "w")``): what a poisoned cache would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(folder))
    grammar.parser.cache_clear()
    yield folder
    grammar.parser.cache_clear()


def plant(cache: Path, marker: Path) -> Path:
    path = Path(grammar.cache_path(grammar.grammar_text(), str(cache)))
    path.write_bytes(pickle.dumps(Planted(marker)))
    path.chmod(0o600)
    return path


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o666, 0o620])
def test_a_cache_file_others_can_write_is_not_unpickled(cache: Path, tmp_path: Path, mode: int) -> None:
    marker = tmp_path / "ran.txt"
    plant(cache, marker).chmod(mode)
    assert isinstance(grammar.parser(), grammar.ReportParser)
    assert not marker.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_cache_folder_others_can_write_is_not_trusted(cache: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran.txt"
    plant(cache, marker)
    cache.chmod(0o777)
    assert isinstance(grammar.parser(), grammar.ReportParser)
    assert not marker.exists()


@pytest.mark.skipif(os.name != "posix" or os.getuid() != 0, reason="needs root to give a file away")
def test_a_cache_file_of_another_user_is_not_unpickled(cache: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran.txt"
    os.chown(plant(cache, marker), 65534, 65534)
    assert isinstance(grammar.parser(), grammar.ReportParser)
    assert not marker.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX symlinks")
def test_a_symlinked_cache_file_is_not_followed(cache: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran.txt"
    elsewhere = tmp_path / "elsewhere.pickle"
    elsewhere.write_bytes(pickle.dumps(Planted(marker)))
    Path(grammar.cache_path(grammar.grammar_text(), str(cache))).symlink_to(elsewhere)
    assert isinstance(grammar.parser(), grammar.ReportParser)
    assert not marker.exists()


def test_the_users_own_private_cache_is_written_private_and_loaded(cache: Path, tmp_path: Path) -> None:
    grammar.parser()
    (written,) = cache.glob("report-*.lark-tables")
    assert oct(written.stat().st_mode & 0o777) == oct(0o600)
    # The user's own private file is what the cache trusts: it is unpickled (here, a planted one).
    marker = tmp_path / "ran.txt"
    plant(cache, marker)
    grammar.parser.cache_clear()
    assert isinstance(grammar.parser(), grammar.ReportParser)  # what it unpickled is no parser: built again
    assert marker.exists()
