"""Which findings a run reports: ``Config.selects``, the one decision the linter, the baseline writer, the
rule list and the cross-report phase ask.  Its precedence is ruff's (docs/configuration.md of ruff, "Rule
selection"): within a layer the more specific prefix wins and, at equal length, ``ignore`` wins; the
command line's ``select`` replaces the file's selection, ``extend-select`` and ``ignore`` adjust it; and
``per-file-ignores`` turn a code off for their files whatever is selected."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govlint
from govlint.config import Config, Selection

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_46fcf760ef5bf81c.txt"
CODES = ("GL101", "GL105", "GL201", "GL203", "GL301", "GL402", "ZJ001")
#: Every prefix of the codes above, and ALL.
PREFIXES = ("ALL", "GL", "GL1", "GL10", "GL101", "GL105", "GL2", "GL20", "GL203", "GL3", "GL4", "ZJ", "ZJ001")


def selected(config: Config, path: str | None = None) -> set[str]:
    return {code for code in CODES if config.selects(code, path)}


@pytest.mark.parametrize(
    ("file", "command_line", "expected"),
    [
        # ruff's example: select = ["E", "F"], ignore = ["F401"] in the file ...
        ({"select": ["GL1", "GL2"], "ignore": ["GL203"]}, {}, {"GL101", "GL105", "GL201"}),
        # ... `--select F401` enforces F401 and no other rule, though the file ignores it ...
        ({"select": ["GL1", "GL2"], "ignore": ["GL203"]}, {"select": ["GL203"]}, {"GL203"}),
        # ... `--extend-select B` adds B, the file's ignore still holds.
        (
            {"select": ["GL1", "GL2"], "ignore": ["GL203"]},
            {"extend_select": ["GL3"]},
            {"GL101", "GL105", "GL201", "GL301"},
        ),
        # `--select ALL --ignore E501`, `--ignore ALL --select E501`: the more specific prefix wins.
        ({}, {"select": ["ALL"], "ignore": ["GL105"]}, set(CODES) - {"GL105"}),
        ({}, {"select": ["GL105"], "ignore": ["ALL"]}, {"GL105"}),
        # Equally specific: ignore wins.
        ({}, {"select": ["GL1"], "ignore": ["GL1"]}, set()),
        # The command line's ignore adjusts the file's selection; the file's extend-select adds to its select.
        ({"select": ["GL2"], "extend_select": ["ZJ"]}, {"ignore": ["GL201"]}, {"GL203", "ZJ001"}),
    ],
)
def test_selection_follows_ruffs_precedence(
    file: dict[str, list[str]], command_line: dict[str, list[str]], expected: set[str]
) -> None:
    assert selected(Config(**file).with_overrides(**command_line)) == expected


def test_per_file_ignores_hold_against_any_selection(tmp_path: Path) -> None:
    config = Config.from_mapping(
        {"select": ["GL2"], "per-file-ignores": {"old/*.txt": ["GL203"], "none/*.txt": ["ALL"]}},
        path=str(tmp_path / ".govlint.toml"),
    ).with_overrides(select=["GL203", "GL101"])
    assert selected(config) == {"GL101", "GL203"}
    assert selected(config, str(tmp_path / "new" / "a.txt")) == {"GL101", "GL203"}
    assert selected(config, str(tmp_path / "old" / "a.txt")) == {"GL101"}
    assert selected(config, str(tmp_path / "none" / "a.txt")) == set()


prefixes = st.lists(st.sampled_from(PREFIXES), max_size=3)
layers = st.builds(Selection, st.none() | prefixes.map(tuple), prefixes.map(tuple), prefixes.map(tuple))
#: Layers naming only built-in rules (a prefix of a plugin that is not installed is a configuration error).
builtin = st.lists(st.sampled_from([p for p in PREFIXES if not p.startswith("ZJ")]), max_size=3).map(tuple)
builtin_layers = st.builds(Selection, st.none() | builtin, builtin, builtin)


def config_of(stack: list[Selection]) -> Config:
    """A file's layer and the command line's layers on top of it."""
    first, *rest = stack
    return Config(select=first.select, extend_select=first.extend_select, ignore=first.ignore, overrides=tuple(rest))


@settings(max_examples=200, deadline=None)
@given(st.lists(layers, min_size=1, max_size=4), st.sampled_from(CODES))
def test_a_layers_select_replaces_what_came_before(stack: list[Selection], code: str) -> None:
    """A layer with ``select`` decides alone: the layers below it do not matter."""
    last = stack[-1]
    if last.select is not None:
        assert config_of(stack).selects(code) == config_of([last]).selects(code)


@settings(max_examples=200, deadline=None)
@given(st.lists(layers, min_size=1, max_size=4), st.sampled_from(CODES))
def test_the_code_itself_named_last_decides(stack: list[Selection], code: str) -> None:
    """Nothing is more specific than the code itself: named in the last layer's ``ignore`` it is off, named
    only in that layer's ``select`` or ``extend-select`` it is on, whatever else any layer says."""
    last = stack[-1]
    ignoring = config_of([*stack, Selection(None, (), (*last.ignore, code))])
    assert not ignoring.selects(code)
    extending = config_of([*stack, Selection(None, (code,), tuple(p for p in last.ignore if p != code))])
    assert extending.selects(code)


@settings(max_examples=200, deadline=None)
@given(st.lists(layers, min_size=1, max_size=4), st.sampled_from(CODES))
def test_a_layer_that_does_not_name_a_code_leaves_it(stack: list[Selection], code: str) -> None:
    """A layer without ``select`` whose prefixes do not match the code keeps the decision below it."""
    below = config_of(stack).selects(code)
    unrelated = tuple(p for p in PREFIXES if p != "ALL" and not code.startswith(p))
    assert config_of([*stack, Selection(None, unrelated[:2], unrelated[2:4])]).selects(code) == below


@settings(max_examples=15, deadline=None)
@given(builtin_layers, st.sampled_from(("GL1", "GL2", "GL3", "GL4", "GL6", "ALL")))
def test_a_check_reports_exactly_the_findings_its_configuration_selects(
    tmp_path_factory: pytest.TempPathFactory, layer: Selection, ignored: str
) -> None:
    """The linter keeps a finding exactly when ``Config.selects`` says so for its code and file."""
    folder = tmp_path_factory.mktemp("selection")
    (folder / "old").mkdir(exist_ok=True)
    path = folder / "old" / "a.txt"
    path.write_bytes(SEED.read_bytes())
    every = {d.code for d in govlint.lint_file(path, Config(path=str(folder / ".govlint.toml"))).diagnostics}
    config = Config(
        select=layer.select,
        extend_select=layer.extend_select,
        ignore=layer.ignore,
        per_file_ignores={"old/*.txt": [ignored]},
        path=str(folder / ".govlint.toml"),
        root=str(folder),
    )
    reported = {d.code for d in govlint.lint_file(path, config).diagnostics}
    assert reported == {code for code in every if config.selects(code, str(path))}
