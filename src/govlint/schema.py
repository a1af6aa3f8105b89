"""The standard report layout as data.

Every reader of the standard (the lexer's label matching, the AST keys, the JSON output, the consistency
rules, the hypothesis generators and the rule docs) takes sections, tables, rows, columns, their printed
labels and their stable keys from here.  The contract is ``shared/spec/report-format.md``; section numbers
in comments refer to it.

A table is a :class:`TableSpec`: its id, caption words, columns (kinds, units), rows (labels, aliases,
numbering, order), groups, total rows and the relations between its cells.  The three standard tables are
TableSpecs in each format (:attr:`FormatSpec.tables`); the module-level names below (``APPLICATION_COLUMNS``,
``REVIEW_GROUPS`` …) are the pieces they are made of.  A new format version is a new :class:`FormatSpec`
entry in :data:`FORMATS`.
"""

import difflib
import functools
import re
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Literal, get_args

import attrs

from govlint.records import Record

FormatKey = Literal["2021", "2019"]
ValueKind = Literal["count", "signed", "amount"]

# ---------------------------------------------------------------------------------------------------------
# Label normalisation (§3.3): one form for full-width and half-width punctuation and digits, no whitespace.
# ---------------------------------------------------------------------------------------------------------

#: One-to-one character folding: full-width forms to ASCII, ideographic and no-break spaces to a space,
#: curly quotes to straight ones.  It never changes the length of a string, so offsets survive it.
FOLD_TABLE: dict[int, str] = {
    **{0xFF01 + i: chr(0x21 + i) for i in range(94)},  # full-width ASCII block ！..～
    0x3000: " ",
    0x00A0: " ",
    0x2002: " ",
    0x2003: " ",
    0x2009: " ",
    0x200B: " ",
    0xFEFF: " ",
    0x201C: '"',
    0x201D: '"',
    0x2018: "'",
    0x2019: "'",
    0x3001: "、",
    0xFF64: "、",
    0x3010: "[",
    0x3011: "]",
    0x2014: "-",  # em dash, printed for an empty cell
    0x2013: "-",
    0x2015: "-",
    0x2212: "-",
    0xFF0E: ".",
}
#: The characters FOLD_TABLE maps.  Substituting them is several times faster than ``str.translate`` with a
#: dict, which looks up (and misses) every other character of a report.
_FOLDED = re.compile(
    "[\uff01-\uff5e\\\\" + "".join(re.escape(chr(code)) for code in FOLD_TABLE if not 0xFF01 <= code <= 0xFF5E) + "]"
)
#: What a Markdown writer escapes with a backslash (``1\.属于国家秘密``, ``7730\.28``: mammoth, pandoc): ASCII
#: punctuation but the backslash itself.  Such a backslash folds to a space, which labels and numbers lose.
_ESCAPED = frozenset("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~")
#: The white space a label loses: removed by ``str.replace``, one fast pass each, where ``str.translate`` looks
#: every character of CJK text up in its table (several times slower: docs/performance.md).
_WHITESPACE = " \t\r\n\f\v"


def _folded(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\\":
        text, at = match.string, match.start()
        return " " if text[at + 1 : at + 2] in _ESCAPED and text[at - 1 : at] != "\\" else char
    return FOLD_TABLE[ord(char)]


#: Characters folded at a time: the substitution lists its pieces, two for each character it folds, and a
#: list of every piece of a large report was several times the report (docs/performance.md).
_FOLD_BLOCK = 1 << 16


def fold(text: str) -> str:
    """Fold full-width forms and odd spaces to one form, keeping every offset (same length)."""
    if len(text) <= _FOLD_BLOCK:
        return _FOLDED.sub(_folded, text)
    return "".join(_FOLDED.sub(_folded, text[at : at + _FOLD_BLOCK]) for at in range(0, len(text), _FOLD_BLOCK))


def normalize_label(text: str) -> str:
    """The comparable form of a printed label: folded, with all whitespace removed."""
    return without_spaces(fold(text))


def without_spaces(text: str) -> str:
    """``text`` without the white space a label loses (:func:`normalize_label` of a text already folded)."""
    for space in _WHITESPACE:
        text = text.replace(space, "")
    return text


# ---------------------------------------------------------------------------------------------------------
# Sections (§3, §10.1)
# ---------------------------------------------------------------------------------------------------------

CHINESE_NUMERALS = "一二三四五六七八九十"


#: The keys of the six sections, as a type: ``report.section("other_maters")`` is a mypy error.
SectionKey = Literal[
    "overview", "active_disclosure", "applications", "review_litigation", "problems_improvements", "other_matters"
]


@attrs.frozen(repr=False)
class SectionSpec(Record):
    """One of the six sections: its number, stable key, canonical title and accepted heading texts."""

    number: int
    key: SectionKey
    title: str
    #: Normalised heading texts (without the numeral) accepted for this section, most specific first.
    variants: tuple[str, ...]
    #: The table key this section holds, if any.
    table: str | None = None

    @property
    def numeral(self) -> str:
        return CHINESE_NUMERALS[self.number - 1]

    @property
    def name_en(self) -> str:
        """How every English message names the section: ``section 六`` (the Chinese :attr:`title` in Chinese)."""
        return f"section {self.numeral}"


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(1, "overview", "一、总体情况", ("总体情况", "概述", "基本工作情况", "政府信息公开工作基本情况")),
    SectionSpec(
        2,
        "active_disclosure",
        "二、主动公开政府信息情况",
        ("主动公开政府信息情况", "行政机关主动公开政府信息情况", "主动公开政府信息的情况"),
        table="active_disclosure",
    ),
    SectionSpec(
        3,
        "applications",
        "三、收到和处理政府信息公开申请情况",
        (
            "收到和处理政府信息公开申请情况",
            "行政机关收到和处理政府信息公开申请情况",
            "收到和处理政府信息公开申请的情况",
        ),
        table="applications",
    ),
    SectionSpec(
        4,
        "review_litigation",
        "四、政府信息公开行政复议、行政诉讼情况",
        (
            "政府信息公开行政复议、行政诉讼情况",
            "政府信息公开行政复议和行政诉讼情况",
            "政府信息公开行政复议及行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "因政府信息公开申请行政复议、提起行政诉讼情况",
            "政府信息公开行政法复议、行政诉讼情况",  # typo printed by four pingtan reports (2022-2025)
        ),
        table="review_litigation",
    ),
    SectionSpec(
        5,
        "problems_improvements",
        "五、存在的主要问题及改进情况",
        (
            "存在的主要问题及改进情况",
            "政府信息公开工作存在的主要问题及改进情况",
            "存在的主要问题和改进情况",
            "存在问题及改进情况",
            "存在的问题及改进情况",
            "存在的主要问题及改进措施",
            # Any other ending (…及明年工作计划): matched as a prefix, after every longer variant.
            "存在的主要问题",
        ),
    ),
    SectionSpec(
        6,
        "other_matters",
        "六、其他需要报告的事项",
        (
            "其他需要报告的事项",
            "其他事项",
            "其他需要报告事项",
            "其他需报告的事项",
            "需要说明的其他事项",
            "其他需要说明的事项",
            "其他需说明事项",
            # A section given over to the fee statement that the standard puts in 六 (pingtan 苏平 2023-2025).
            "信息处理费收取情况",
        ),
    ),
)

SECTIONS_BY_KEY: dict[str, SectionSpec] = {s.key: s for s in SECTIONS}
assert set(get_args(SectionKey)) == set(SECTIONS_BY_KEY), "SectionKey and SECTIONS name the same keys"
SECTIONS_BY_NUMBER: dict[int, SectionSpec] = {s.number: s for s in SECTIONS}

# ---------------------------------------------------------------------------------------------------------
# Tables: a table is a TableSpec.  The three standard tables, in each format, are TableSpecs defined below;
# a plugin hands the core more through the ``govlint_tables`` hook.
# ---------------------------------------------------------------------------------------------------------


@attrs.frozen(repr=False)
class ColumnSpec(Record):
    """A data column: stable key, label as the standard prints it, accepted variants, value kind and unit."""

    key: str
    label: str
    kind: ValueKind = "count"
    variants: tuple[str, ...] = ()
    #: The unit the column's values are stated in (``万元`` for 本年收费金额(单位:万元)), None for a count.
    unit: str | None = None

    def labels(self) -> tuple[str, ...]:
        """The normalised texts that name this column: its label first, then its variants."""
        return (normalize_label(self.label), *(normalize_label(v) for v in self.variants))


#: Words clerks print after a standard row label (``1.属于国家秘密的``, ``四、结转下年度继续办理数量``): the label
#: found covers them, so the row's cells are read.  A closed list of short words, none a number, none the
#: start of another label (the catalogue checks both).
ROW_LABEL_SUFFIXES: tuple[str, ...] = ("的情形", "的情况", "的", "数量", "件数", "数", "情况", "情形")


@attrs.frozen(repr=False)
class RowSpec(Record):
    """A data row: stable key, the label as printed (without numbering), its numbering, its group."""

    key: str
    label: str
    #: The numbering printed before the label: "一、", "(一)", "1." (normalised form).
    numbering: str = ""
    #: The group label ("(三)不予公开") this row sits under, normalised, or None.
    group: str | None = None
    #: Other printed labels (aliases) of the row.
    variants: tuple[str, ...] = ()

    def labels(self) -> tuple[str, ...]:
        """The normalised texts that name this row: its label first, then its aliases."""
        return (normalize_label(self.label), *(normalize_label(v) for v in self.variants))


@attrs.frozen(repr=False)
class GroupSpec(Record):
    """A group label (a row-spanning label cell without numbers, ``(三)不予公开``) and its optional
    subtotal row, which some reports print though the standard has none (§5.4; advisory only)."""

    label: str
    subtotal: str | None = None


@attrs.frozen(repr=False)
class PartSpec(Record):
    """A block of a table with its own caption and header: one of the 第二十条 sub-tables (§4).  A table
    printed under one header is one part without a caption."""

    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    #: The caption printed above the part, "" when it has none.
    caption: str = ""
    #: The 第二十条 item number (1, 5, 6, 8 or 9) of a sub-table of section 二, 0 for another part.
    item: int = 0

    @property
    def caption_key(self) -> str:
        """The key of a 第二十条 sub-table's caption (``art20_5``), as its labels and evidence name it."""
        return f"art20_{self.item}"


@attrs.frozen(repr=False)
class RelationSpec(Record):
    """An arithmetic relation between a table's cells (§7.1): ``sum(coef * cell) == 0`` (``op="="``),
    ``<= 0`` (``op="<="``: the amount collected is at most the amount notified), or, with
    ``op="zero-together"``, its cells are all zero or none is (no fee notice, no amount).

    With ``each="row"`` the terms name columns and the relation holds in every row the table prints
    (R3.1: a row's 总计 is the sum of its applicant columns); with ``each="column"`` the terms name rows and
    it holds in every column (R3.2, R3.3).  ``anchor`` is the term a finding points at and whose expected
    value it states.  Relations choose between the readings of digits run together on a crawled page.
    ``reported_by`` is the rule that reports a failing relation of a table a plugin describes: GL206, or the
    plugin's own rule.
    """

    rid: str
    each: Literal["row", "column"]
    anchor: str
    terms: tuple[tuple[int, str], ...]
    op: Literal["=", "<=", "zero-together"] = "="
    reported_by: str = "GL206"

    @classmethod
    def total(
        cls, rid: str, each: Literal["row", "column"], total: str, parts: Sequence[str], reported_by: str = "GL206"
    ) -> "RelationSpec":
        """``total`` is the sum of ``parts``."""
        return cls(rid, each, total, ((1, total), *((-1, part) for part in parts)), reported_by=reported_by)

    @classmethod
    def at_most(
        cls, rid: str, each: Literal["row", "column"], part: str, whole: str, reported_by: str = "GL206"
    ) -> "RelationSpec":
        """``part`` is at most ``whole`` (in the same unit)."""
        return cls(rid, each, part, ((1, part), (-1, whole)), "<=", reported_by)

    @classmethod
    def zero_together(
        cls, rid: str, each: Literal["row", "column"], keys: Sequence[str], reported_by: str = "GL206"
    ) -> "RelationSpec":
        """``keys`` are all zero or none of them is; the finding points at the second."""
        return cls(rid, each, keys[-1], tuple((1, key) for key in keys), "zero-together", reported_by)

    def holds(self, values: Sequence[int | Decimal]) -> bool:
        """Whether the relation holds for the values of its terms, in order."""
        if self.op == "zero-together":
            return all(v == 0 for v in values) or not any(v == 0 for v in values)
        residual = sum(coef * value for (coef, _), value in zip(self.terms, values, strict=True))
        return residual == 0 if self.op == "=" else residual <= 0


@attrs.frozen(repr=False)
class Evidence(Record):
    """One way a run of a table's labels shows that it is the table and not a sentence that names a few of
    its rows or columns (行政复议 in a heading, 行政许可 in prose): every minimum met, and one of ``printed``
    among the run's labels when it names any.  A run is read as the table when one of its spec's evidences
    holds (:attr:`TableSpec.evidence`); otherwise its labels are prose.

    Labels are counted by what they are in the table: captions (a 第二十条 caption, a described table's
    caption words), headers (header cells and column labels; a described table's group labels) and rows
    (row labels; a standard table's group labels).  A key is a row or column key, a header cell's or group
    label's normalised text, a 第二十条 caption's ``art20_N``, ``info`` (信息内容) or ``note`` (table 三's
    corner note), and ``caption`` for a described table's caption words.
    """

    #: Keys of which at least one must be printed in the run (none: no particular label needed).
    printed: tuple[str, ...] = ()
    captions: int = 0
    headers: int = 0
    rows: int = 0
    #: Labels of any kind.
    labels: int = 0
    #: Count each key once (a header printed twice is one header).
    distinct: bool = False


#: The evidence a described table needs unless its spec says otherwise: two of its header cells, or one and
#: its caption or a row.
DESCRIBED_EVIDENCE: tuple[Evidence, ...] = (
    Evidence(headers=2, distinct=True),
    Evidence(headers=1, captions=1, distinct=True),
    Evidence(headers=1, rows=1, distinct=True),
)


@attrs.frozen(repr=False)
class TableSpec(Record):
    """Everything the core knows of one table: how it is announced, its columns, rows, groups and totals,
    and the relations between its cells.  The parser, the rules, the JSON output and the test generators
    read a table through its spec; a plugin adds a table by handing the core one."""

    #: The stable key of the table (``Report.tables[id]``, the JSON ``tables`` key).
    id: str
    #: Its title, as the standard names it (messages, ``govlint parse``).
    title: str
    parts: tuple[PartSpec, ...]
    #: Words of a caption or heading that announce the table (normalised by the reader).
    captions: tuple[str, ...] = ()
    #: Header cells besides the column labels (``申请人情况``, the group header ``行政诉讼``).
    headers: tuple[str, ...] = ()
    groups: tuple[GroupSpec, ...] = ()
    #: Keys of the rows that total others (R3.2's ``results_total``).
    totals: tuple[str, ...] = ()
    relations: tuple[RelationSpec, ...] = ()
    #: ``rows``: each row printed on its own with its label; ``wide``: every row's cells printed in one line
    #: under a header that names the rows as column groups (the review table of §6).
    shape: Literal["rows", "wide"] = "rows"
    #: The key of the section the table belongs in, or None when it may stand anywhere.
    section: str | None = None
    #: The rule that reports the table's empty and unreadable cells: GL105, or a plugin's own rule (whose
    #: message may say more) so that one cell is not reported twice.
    empty_cell_code: str = "GL105"
    #: Keys of the labels that open the table on their own (a caption, a header cell no sentence prints): a
    #: run of another table's labels ends at one.  None: its caption words, header cells, group labels and
    #: columns (:meth:`opening_keys`).
    opens: tuple[str, ...] | None = None
    #: What a run of the table's labels must show to be read as the table (:class:`Evidence`, one of them).
    #: None: :data:`DESCRIBED_EVIDENCE`.
    evidence: tuple[Evidence, ...] | None = None
    #: Words of the table, one of which a line of its values prints as converters flatten it (a caption, header
    #: or label, or a piece of one): after the previous section's table, such a line that no row was read from
    #: may be the table with its section's heading lost (GL101 then warns of the reading, not a missing section).
    words: tuple[str, ...] = ()

    def opening_keys(self) -> frozenset[str]:
        """The keys of the labels that open the table on their own (:attr:`opens`, or its default)."""
        return frozenset(self.heading_keys() if self.opens is None else self.opens)

    def heading_keys(self) -> tuple[str, ...]:
        """The keys of a described table's caption words (``caption``), header cells and group labels (their
        normalised text) and columns, as its labels carry them."""
        named = (*self.headers, *(group.label for group in self.groups))
        return ("caption",) * bool(self.captions) + tuple(map(normalize_label, named)) + self.column_keys

    def evidence_needed(self) -> tuple[Evidence, ...]:
        """What a run of the table's labels must show to be read as the table (:attr:`evidence`, or its
        default)."""
        return DESCRIBED_EVIDENCE if self.evidence is None else self.evidence

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        """Every column of the table, in printed order (each once)."""
        seen: dict[str, ColumnSpec] = {}
        for part in self.parts:
            for column in part.columns:
                seen.setdefault(column.key, column)
        return tuple(seen.values())

    @property
    def rows(self) -> tuple[RowSpec, ...]:
        """Every row of the table, in printed order."""
        return tuple(row for part in self.parts for row in part.rows)

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.rows)

    @property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.columns)

    @property
    def cell_keys(self) -> tuple[str, ...]:
        """Every cell key, "row.column", in printed order."""
        return tuple(f"{row.key}.{column.key}" for part in self.parts for row in part.rows for column in part.columns)

    def part_of(self, row_key: str) -> PartSpec | None:
        """The part holding the row ``row_key``, or None when the table has no such row."""
        return next((part for part in self.parts if any(row.key == row_key for row in part.rows)), None)

    def columns_of(self, row_key: str) -> tuple[ColumnSpec, ...]:
        """The columns of the row ``row_key`` (of its part); the table's columns for a row it does not list
        (a subtotal row)."""
        part = self.part_of(row_key)
        return self.columns if part is None else part.columns

    def kinds(self) -> dict[str, ValueKind]:
        """The value kind of every cell key."""
        return {
            f"{row.key}.{column.key}": column.kind
            for part in self.parts
            for row in part.rows
            for column in part.columns
        }


#: The most rows a described table may have.  The parser's tables for a table of n rows grow with n²
#: (docs/performance.md, "The grammar of a large table": 1,000 rows take about 9 s to build once and 1 s to
#: load each run); a real table has tens.  More is refused by name, not built for minutes.
MAX_TABLE_ROWS = 1000


def spec_problems(spec: TableSpec) -> list[str]:
    """What makes ``spec`` unusable as a table: no columns or rows, more than :data:`MAX_TABLE_ROWS` rows, a
    key given twice, a key with a dot, a relation, opening label or evidence naming a row or column the table
    does not have, no evidence at all, a list where a tuple belongs.  Empty when the spec is sound."""
    try:
        hash(spec)  # the parser's tables are cached by their specs
    except TypeError:
        return ["a field holds a list, set or dict where a tuple is expected"]
    problems = []
    if not spec.id or not spec.id.replace("_", "").isalnum():
        problems.append(f"table id {spec.id!r} is not a name of letters, digits and _")
    if not spec.columns or not spec.rows:
        problems.append("a table needs at least one column and one row")
    if len(spec.rows) > MAX_TABLE_ROWS:
        problems.append(f"a table has at most {MAX_TABLE_ROWS:,} rows, this one {len(spec.rows):,}")
    rows = [row.key for row in spec.rows]
    twice = sorted({key for key in rows if rows.count(key) > 1})
    if twice:
        problems.append(f"row keys given twice: {twice}")
    problems += [f"key {key!r} holds a dot" for key in (*rows, *spec.column_keys) if "." in key]
    for relation in spec.relations:
        known = spec.column_keys if relation.each == "row" else spec.row_keys
        unknown = [key for _, key in relation.terms if key not in known]
        if unknown or relation.anchor not in [key for _, key in relation.terms]:
            problems.append(f"relation {relation.rid} names what the table lacks: {unknown or relation.anchor}")
    return problems + _opening_problems(spec, {*spec.heading_keys(), *rows})


def _opening_problems(spec: TableSpec, keys: Collection[str]) -> list[str]:
    """What is wrong with a spec's ``opens`` and ``evidence``: the wrong type, a key the table lacks, no
    evidence at all."""
    if not isinstance(spec.opens, tuple | None) or not all(isinstance(key, str) for key in spec.opens or ()):
        return ["opens must be a tuple of keys"]
    evidence = spec.evidence_needed()
    if not isinstance(evidence, tuple) or not all(isinstance(item, Evidence) for item in evidence):
        return ["evidence must be a tuple of govlint.schema.Evidence"]
    if not evidence:
        return ["evidence is empty: the table would never be read"]
    printed = [key for item in evidence for key in item.printed]
    unknown = sorted({key for key in (*(spec.opens or ()), *printed) if key not in keys})
    return [f"opens or evidence names a label the table lacks: {unknown}"] if unknown else []


@attrs.frozen(repr=False)
class FormatSpec(Record):
    """Everything that differs between format versions: the standard tables as they print in it."""

    key: FormatKey
    name: str
    years: tuple[int, int | None]  # first and last report year the format applies to (None: open)
    tables: tuple[TableSpec, ...]
    #: Header texts whose presence signals this format (§1.2).
    signals: tuple[str, ...]

    def table(self, table_id: str) -> TableSpec:
        """The spec of the standard table ``table_id`` in this format."""
        return next(spec for spec in self.tables if spec.id == table_id)

    @property
    def art20(self) -> tuple[PartSpec, ...]:
        """The 第二十条 sub-tables of section 二."""
        return self.table("active_disclosure").parts

    @property
    def application_rows(self) -> tuple[RowSpec, ...]:
        return self.table("applications").rows

    @property
    def art20_keys(self) -> tuple[str, ...]:
        """Every cell key of section 二 in this format, "row.column", in printed order."""
        return self.table("active_disclosure").cell_keys

    @property
    def application_keys(self) -> tuple[str, ...]:
        return self.table("applications").row_keys


# ----- section 二 ----------------------------------------------------------------------------------------

_DECISIONS_2021 = ColumnSpec("decisions", "本年处理决定数量", variants=("处理决定数量",))
_DECISIONS_2019 = ColumnSpec("decisions", "处理决定数量", variants=("本年处理决定数量",))
_PREV = ColumnSpec("prev_items", "上一年项目数量")
_CHANGE = ColumnSpec("change", "本年增/减", kind="signed", variants=("本年增减", "本年增(减)", "本年增/减量"))

#: The first header cell of every 第二十条 sub-table (§4.1).
ART20_INFO_HEADER = "信息内容"


def _item(item: int, caption: str, columns: tuple[ColumnSpec, ...], rows: tuple[RowSpec, ...]) -> PartSpec:
    """The 第二十条 sub-table of item ``item``."""
    return PartSpec(columns, rows, caption, item)


ART20_2021: tuple[PartSpec, ...] = (
    _item(
        1,
        "第二十条第(一)项",
        (
            ColumnSpec("issued", "本年制发件数", variants=("本年新制发件数",)),
            ColumnSpec("repealed", "本年废止件数"),
            ColumnSpec("in_force", "现行有效件数"),
        ),
        (RowSpec("regulations", "规章"), RowSpec("normative_documents", "行政规范性文件", variants=("规范性文件",))),
    ),
    _item(5, "第二十条第(五)项", (_DECISIONS_2021,), (RowSpec("licensing", "行政许可"),)),
    _item(
        6,
        "第二十条第(六)项",
        (_DECISIONS_2021,),
        (RowSpec("punishment", "行政处罚"), RowSpec("enforcement", "行政强制")),
    ),
    _item(
        8,
        "第二十条第(八)项",
        (
            ColumnSpec(
                "amount_10k_yuan",
                "本年收费金额(单位:万元)",
                kind="amount",
                variants=("本年收费金额(万元)", "本年收费金额"),
                unit="万元",
            ),
        ),
        (RowSpec("fees", "行政事业性收费"),),
    ),
)

ART20_2019: tuple[PartSpec, ...] = (
    _item(
        1,
        "第二十条第(一)项",
        (
            ColumnSpec("made", "本年新制作数量"),
            ColumnSpec("published", "本年新公开数量"),
            ColumnSpec("total_published", "对外公开总数量"),
        ),
        (RowSpec("regulations", "规章"), RowSpec("normative_documents", "规范性文件", variants=("行政规范性文件",))),
    ),
    _item(
        5,
        "第二十条第(五)项",
        (_PREV, _CHANGE, _DECISIONS_2019),
        (RowSpec("licensing", "行政许可"), RowSpec("other_services", "其他对外管理服务事项")),
    ),
    _item(
        6,
        "第二十条第(六)项",
        (_PREV, _CHANGE, _DECISIONS_2019),
        (RowSpec("punishment", "行政处罚"), RowSpec("enforcement", "行政强制")),
    ),
    _item(8, "第二十条第(八)项", (_PREV, _CHANGE), (RowSpec("fees", "行政事业性收费"),)),
    _item(
        9,
        "第二十条第(九)项",
        (ColumnSpec("projects", "采购项目数量"), ColumnSpec("total_amount", "采购总金额", kind="amount")),
        (RowSpec("procurement", "政府集中采购"),),
    ),
)

# ----- section 三 (§5) -----------------------------------------------------------------------------------

APPLICATION_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("natural_person", "自然人"),
    ColumnSpec("commercial_enterprise", "商业企业"),
    ColumnSpec("research_institution", "科研机构"),
    ColumnSpec("social_welfare_org", "社会公益组织"),
    ColumnSpec("legal_service_org", "法律服务机构"),
    ColumnSpec("other_org", "其他", variants=("其它",)),
    ColumnSpec("total", "总计"),
)
APPLICATION_COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in APPLICATION_COLUMNS)
#: The applicant columns whose sum is 总计 (R3.1).
APPLICANT_COLUMN_KEYS: tuple[str, ...] = APPLICATION_COLUMN_KEYS[:-1]

#: Normalised group labels of section 三 (row-spanning label cells that carry no numbers).
GROUP_RESULTS = "三、本年度办理结果"
GROUP_DENIED = "(三)不予公开"
GROUP_UNABLE = "(四)无法提供"
GROUP_NOT_PROCESSED = "(五)不予处理"
GROUP_OTHER = "(六)其他处理"
#: The groups of section 三, with the non-standard subtotal rows some reports print under them (§5.4).
APPLICATION_GROUP_SPECS: tuple[GroupSpec, ...] = (
    GroupSpec(GROUP_RESULTS),
    GroupSpec(GROUP_DENIED, "denied.subtotal"),
    GroupSpec(GROUP_UNABLE, "unable.subtotal"),
    GroupSpec(GROUP_NOT_PROCESSED, "not_processed.subtotal"),
    GroupSpec(GROUP_OTHER, "other.subtotal"),
)
APPLICATION_GROUPS: tuple[str, ...] = tuple(group.label for group in APPLICATION_GROUP_SPECS)


def _counted(subjects: tuple[str, ...]) -> tuple[str, ...]:
    """The printings of a row counting applications (``本年新收`` + ``政府信息公开申请数量``): each of ``subjects``
    with the applications as 政府信息公开申请 or 申请, counted as 数量, 数 or 件数."""
    return tuple(
        f"{subject}{applications}{count}"
        for subject in subjects
        for applications in ("政府信息公开申请", "申请")
        for count in ("数量", "数", "件数")
    )[1:]


def _partly() -> tuple[str, ...]:
    """The printings of (二)部分公开's note besides the standard's: ``、``, ``；`` or nothing for ``，``, ``其它`` for
    ``其他``, the note cut after 只计这一情形, or no note at all."""
    marks = (",", "、", ";", "")
    notes = (
        *(f"(区分处理的{mark}只计这一情形)" for mark in marks),
        *(f"(区分处理的{mark}只计这一情形{mark}不计{other}情形)" for mark in marks for other in ("其他", "其它")),
    )
    return ("部分公开", *(f"部分公开{note}" for note in notes if note != "(区分处理的,只计这一情形,不计其他情形)"))


_ROWS_HEAD: tuple[RowSpec, ...] = (
    RowSpec("new_received", "本年新收政府信息公开申请数量", "一、", variants=_counted(("本年新收", "本年度新收"))),
    RowSpec(
        "carried_over",
        "上年结转政府信息公开申请数量",
        "二、",
        variants=_counted(("上年结转", "上年度结转", "上一年度结转")),
    ),
    RowSpec("granted", "予以公开", "(一)", GROUP_RESULTS),
    RowSpec(
        "partially_granted",
        "部分公开(区分处理的,只计这一情形,不计其他情形)",
        "(二)",
        GROUP_RESULTS,
        variants=_partly(),
    ),
    RowSpec("denied.state_secret", "属于国家秘密", "1.", GROUP_DENIED),
    RowSpec(
        "denied.prohibited_by_law",
        "其他法律行政法规禁止公开",
        "2.",
        GROUP_DENIED,
        variants=(
            "其他法律行政止公开",
            "其他法律、行政法规禁止公开",
            "其他法律和行政法规禁止公开",
            "其他法律及行政法规禁止公开",
        ),
    ),
    RowSpec(
        "denied.three_safeties_one_stability",
        '危及"三安全一稳定"',
        "3.",
        GROUP_DENIED,
        variants=("危及三安全一稳定", "危及‘三安全一稳定’"),
    ),
    RowSpec("denied.third_party_rights", "保护第三方合法权益", "4.", GROUP_DENIED),
    RowSpec("denied.internal_affairs", "属于三类内部事务信息", "5.", GROUP_DENIED),
    RowSpec("denied.process_information", "属于四类过程性信息", "6.", GROUP_DENIED),
    RowSpec("denied.enforcement_case_file", "属于行政执法案卷", "7.", GROUP_DENIED),
    RowSpec("denied.administrative_query", "属于行政查询事项", "8.", GROUP_DENIED),
    RowSpec(
        "unable.not_held",
        "本机关不掌握相关政府信息",
        "1.",
        GROUP_UNABLE,
        variants=("本机关不掌握该政府信息", "本机关不掌握相关信息", "本机关不掌握该信息"),
    ),
    RowSpec("unable.needs_creation", "没有现成信息需要另行制作", "2.", GROUP_UNABLE),
    RowSpec("unable.unclear_after_correction", "补正后申请内容仍不明确", "3.", GROUP_UNABLE),
    RowSpec(
        "not_processed.petition_complaint",
        "信访举报投诉类申请",
        "1.",
        GROUP_NOT_PROCESSED,
        variants=("信访、举报、投诉类申请", "信访,举报,投诉类申请"),
    ),
    RowSpec("not_processed.duplicate", "重复申请", "2.", GROUP_NOT_PROCESSED),
    RowSpec("not_processed.publication", "要求提供公开出版物", "3.", GROUP_NOT_PROCESSED),
    RowSpec("not_processed.excessive", "无正当理由大量反复申请", "4.", GROUP_NOT_PROCESSED),
    RowSpec(
        "not_processed.confirm_or_reissue",
        "要求行政机关确认或重新出具已获取信息",
        "5.",
        GROUP_NOT_PROCESSED,
    ),
)


def _reworded(condition: str, consequence: str) -> tuple[str, ...]:
    """The other printings of a (六) row's label ``condition、consequence``: ``，`` or nothing for ``、``, and
    ``其申请`` for ``其政府信息公开申请``."""
    shorter = consequence.replace("其政府信息公开申请", "其申请")
    printed = [f"{condition}{mark}{then}" for then in (consequence, shorter) for mark in ("、", ",", "")]
    return tuple(printed[1:])


_ROWS_OTHER_2021: tuple[RowSpec, ...] = (
    RowSpec(
        "other.no_correction",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1.",
        GROUP_OTHER,
        variants=_reworded("申请人无正当理由逾期不补正", "行政机关不再处理其政府信息公开申请"),
    ),
    RowSpec(
        "other.fee_unpaid",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2.",
        GROUP_OTHER,
        variants=_reworded("申请人逾期未按收费通知要求缴纳费用", "行政机关不再处理其政府信息公开申请"),
    ),
    RowSpec("other.other", "其他", "3.", GROUP_OTHER, variants=("其它",)),
)
#: The single 2019 (六)其他处理 data row; also kept by some 2021-layout reports (§5.3).
ROW_OTHER_ALL = RowSpec("other.all", "其他处理", "(六)", GROUP_RESULTS)
_ROWS_TAIL: tuple[RowSpec, ...] = (
    RowSpec("results_total", "总计", "(七)", GROUP_RESULTS),
    RowSpec(
        "carried_forward",
        "结转下年度继续办理",
        "四、",
        variants=("结转下一年度继续办理", "结转至下年度继续办理", "结转至下一年度继续办理"),
    ),
)

APPLICATION_ROWS_2021: tuple[RowSpec, ...] = (*_ROWS_HEAD, *_ROWS_OTHER_2021, *_ROWS_TAIL)
APPLICATION_ROWS_2019: tuple[RowSpec, ...] = (*_ROWS_HEAD, ROW_OTHER_ALL, *_ROWS_TAIL)

#: Non-standard subtotal rows some reports print (§5.4), by key: the group they total; advisory only.
SUBTOTAL_ROWS: dict[str, str] = {g.subtotal: g.label for g in APPLICATION_GROUP_SPECS if g.subtotal is not None}

#: The table's own corner note (§5.1).
APPLICATIONS_NOTE = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
#: How the note begins, as printed (钩稽 is a common misspelling); the lexer reads on to its closing ")".
APPLICATIONS_NOTE_MARKERS: tuple[str, ...] = ("本列数据的勾稽关系", "本列数据的钩稽关系")
#: Header cells of the applications table besides the column labels (§5.1), 法人或其他组织 also as printed
#: in other wordings (or 其他 alone would be found in them, a column label out of place).
APPLICATION_HEADERS: tuple[str, ...] = (
    "申请人情况",
    "法人或其他组织",
    "法人或者其他组织",
    "法人或其它组织",
    "法人或者其它组织",
)

# ----- section 四 (§6) -----------------------------------------------------------------------------------

#: Header cells of the review table besides the group and column labels (§6): ``行政诉讼`` spans ten columns.
REVIEW_HEADERS: tuple[str, ...] = ("行政诉讼",)
REVIEW_GROUPS: tuple[RowSpec, ...] = (
    RowSpec("review", "行政复议"),
    RowSpec("litigation_direct", "未经复议直接起诉"),
    RowSpec("litigation_after_review", "复议后起诉"),
)
#: Table 四's group keys, in printed order.
REVIEW_GROUP_KEYS: tuple[str, ...] = tuple(group.key for group in REVIEW_GROUPS)
REVIEW_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("upheld", "结果维持"),
    ColumnSpec("corrected", "结果纠正"),
    ColumnSpec("other", "其他结果", variants=("其它结果",)),
    ColumnSpec("pending", "尚未审结"),
    ColumnSpec("total", "总计"),
)
REVIEW_COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in REVIEW_COLUMNS)

# ----- the standard tables as TableSpecs (§4-§7) ---------------------------------------------------------


#: The key of the 信息内容 header cell of the 第二十条 sub-tables, and of table 三's corner note.
ART20_INFO_KEY = "info"
APPLICATIONS_NOTE_KEY = "note"
#: What opens section 二's table on its own: a sub-table's caption (of either format) or 信息内容.
_ART20_OPENS = (*sorted({part.caption_key for part in (*ART20_2021, *ART20_2019) if part.caption}), ART20_INFO_KEY)


def _active_disclosure(parts: tuple[PartSpec, ...]) -> TableSpec:
    return TableSpec(
        id="active_disclosure",
        title="第二十条主动公开情况表",
        parts=parts,
        captions=tuple(part.caption for part in parts if part.caption),
        headers=(ART20_INFO_HEADER,),
        section="active_disclosure",
        opens=_ART20_OPENS,
        # a row, and a caption, 信息内容 or two column labels (a sentence names 行政许可, not its columns)
        evidence=(Evidence(rows=1, printed=_ART20_OPENS), Evidence(rows=1, headers=2)),
        words=("第二十条", "规章", "行政许可", ART20_INFO_HEADER),
    )


#: Labels table 三 prints only in the table: its note and the 申请人情况 header.
_APPLICATIONS_OWN = (APPLICATIONS_NOTE_KEY, normalize_label(APPLICATION_HEADERS[0]))


def _applications(rows: tuple[RowSpec, ...]) -> TableSpec:
    applicants = tuple(c.key for c in APPLICATION_COLUMNS if c.key != "total")
    results = tuple(r.key for r in rows if r.group is not None and r.key != "results_total")
    return TableSpec(
        id="applications",
        title="收到和处理政府信息公开申请情况表",
        parts=(PartSpec(APPLICATION_COLUMNS, rows),),
        headers=APPLICATION_HEADERS,
        groups=APPLICATION_GROUP_SPECS,
        totals=("results_total",),
        relations=(
            RelationSpec.total("R3.1", "row", "total", applicants),  # a row's 总计 is the sum of its applicants
            RelationSpec.total("R3.2", "column", "results_total", results),  # (七)总计 sums the results
            RelationSpec(  # 一 + 二 = 三(七) + 四, the table's own note
                "R3.3",
                "column",
                "carried_forward",
                ((1, "new_received"), (1, "carried_over"), (-1, "results_total"), (-1, "carried_forward")),
            ),
        ),
        section="applications",
        opens=(*_APPLICATIONS_OWN, "new_received"),
        evidence=(
            Evidence(rows=1, printed=_APPLICATIONS_OWN),
            Evidence(rows=3, printed=("new_received",)),  # a sentence can name three rows, rarely eight
            Evidence(rows=8),
        ),
        words=("自然人", "申请", "予以公开"),
    )


REVIEW_LITIGATION = TableSpec(
    id="review_litigation",
    title="政府信息公开行政复议、行政诉讼情况表",
    parts=(PartSpec(REVIEW_COLUMNS, REVIEW_GROUPS),),
    headers=REVIEW_HEADERS,
    relations=(RelationSpec.total("R4.1", "row", "total", REVIEW_COLUMN_KEYS[:-1]),),
    shape="wide",
    section="review_litigation",
    opens=(REVIEW_GROUPS[0].key, normalize_label(REVIEW_HEADERS[0])),
    # four labels, one of which only the table prints (行政复议 and 行政诉讼 also stand in headings and
    # sentences, and a sentence can say 行政复议…结果纠正)
    evidence=(Evidence(labels=4, printed=(*REVIEW_COLUMN_KEYS[:-1], *(group.key for group in REVIEW_GROUPS[1:]))),),
    words=("复议", "诉讼", "结果维持"),
)
REVIEW_KEYS: tuple[str, ...] = REVIEW_LITIGATION.cell_keys

# ----- cell values (§11) ---------------------------------------------------------------------------------

#: What a cell prints to mean "nothing" (after :func:`fold`, which turns — and － into -): the cell is empty,
#: never zero.  Blank cells are empty too.
EMPTY_PLACEHOLDERS: tuple[str, ...] = ("/", "\\", "-", "--", "---", "-/-", "/ /")
#: Units printed inside a cell after the number (§4.2: ``251000元``; counts such as ``2笔``, ``1个``, ``3条``,
#: ``84次``), longest first.  They are kept on the cell as printed, never converted.
CELL_UNITS: tuple[str, ...] = ("万元", "元", "个", "笔", "项", "件", "条", "次")
#: A footnote mark printed after a cell's number (``12*``, ``12①``, after :func:`fold`, which turns ＊ into *):
#: the number is the cell's value, the mark points to a note below the table.
FOOTNOTE_MARKS: tuple[str, ...] = ("*", "※", *(chr(code) for code in range(0x2460, 0x2474)))
#: The Chinese numeral zero, printed alone where a number belongs (``〇``, as in 二〇二三年; ``零``): the cell
#: says 0, as a ``0`` would.  Only a whole cell: ``1〇`` mixes two ways of writing and is not read.
ZERO_NUMERALS: tuple[str, ...] = ("〇", "零")
#: What pandoc prints, alone on its line, for a table its plain text cannot show (merged cells): a table stood
#: there, left out by the converter and unread, as a table printed as a picture is.
TABLE_PLACEHOLDER = "[TABLE]"
#: Letters that text recognition (OCR) reads for digits: O and o for 0, l, I and | for 1.  A cell of digits
#: and these letters alone is a number misread, not text the report printed where a number belongs.
DIGIT_LOOKALIKES = "OolI|"

# ----- formats (§1.2) ------------------------------------------------------------------------------------

FORMAT_2021 = FormatSpec(
    key="2021",
    name="国办公开办函〔2021〕30号",
    years=(2021, None),
    tables=(_active_disclosure(ART20_2021), _applications(APPLICATION_ROWS_2021), REVIEW_LITIGATION),
    signals=("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"),
)
FORMAT_2019 = FormatSpec(
    key="2019",
    name="国办公开办函〔2019〕60号(试行)",
    years=(2019, 2020),
    tables=(_active_disclosure(ART20_2019), _applications(APPLICATION_ROWS_2019), REVIEW_LITIGATION),
    signals=(
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "采购项目数量",
        "其他对外管理服务事项",
    ),
)
FORMATS: dict[str, FormatSpec] = {"2021": FORMAT_2021, "2019": FORMAT_2019}


def expected_format(report_year: int) -> FormatKey | None:
    """The format a report for ``report_year`` must use (§8.3); None before 2019 (no national format)."""
    for spec in FORMATS.values():
        first, last = spec.years
        if report_year >= first and (last is None or report_year <= last):
            return spec.key
    return None


# ---------------------------------------------------------------------------------------------------------
# Table keys and arithmetic relations (§7)
# ---------------------------------------------------------------------------------------------------------

#: The ids of the standard tables, in printed order.
TABLE_KEYS: tuple[str, ...] = tuple(spec.id for spec in FORMAT_2021.tables)
TABLE_TITLES: dict[str, str] = {spec.id: spec.title for spec in FORMAT_2021.tables}


def standard_keys(table_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The row keys and the ``row.column`` cell keys a standard table of this id has in some format, with
    the subtotal rows some reports print (§5.4), in printed order (2021's first); empty for another table.
    What :meth:`govlint.model.Table.row` and ``cell`` accept, and what ``govlint.tablekeys`` types."""
    rows: dict[str, None] = {}
    cells: dict[str, None] = {}
    for spec in FORMATS.values():
        for table in spec.tables:
            if table.id != table_id:
                continue
            subtotals = [group.subtotal for group in table.groups if group.subtotal is not None]
            rows.update(dict.fromkeys((*table.row_keys, *subtotals)))
            cells.update(dict.fromkeys(table.cell_keys))
            cells.update(dict.fromkeys(f"{row}.{column}" for row in subtotals for column in table.column_keys))
    return tuple(rows), tuple(cells)


@functools.cache
def row_keys_of(table_id: str) -> frozenset[str]:
    """Every row key a standard table of this id has in some format; empty for another table."""
    return frozenset(standard_keys(table_id)[0])


@functools.cache
def cell_keys_of(table_id: str) -> frozenset[str]:
    """Every ``row.column`` key a standard table of this id has in some format; empty for another table."""
    return frozenset(standard_keys(table_id)[1])


def unknown_key(key: str, known: Collection[str], where: str) -> KeyError:
    """The KeyError for a key outside the schema (a typo in a rule or plugin), naming the nearest keys."""
    nearest = difflib.get_close_matches(key, sorted(known), n=3, cutoff=0.6)
    hint = f"nearest: {', '.join(nearest)}" if nearest else f"known: {', '.join(sorted(known)[:8])}, …"
    return KeyError(f"{key!r} is not a key of {where} ({hint})")


def result_row_keys(format_key: str, has_other_all: bool = False) -> tuple[str, ...]:
    """The rows whose sum is (七)总计 (R3.2): 21 in 2021, 19 in 2019 or in a 2021 report printing the single
    2019 (六)其他处理 row."""
    spec = FORMATS["2019" if has_other_all else format_key].table("applications")
    relation = next(r for r in spec.relations if r.rid == "R3.2")
    return tuple(key for _, key in relation.terms if key != relation.anchor)


#: Section 六 wording that discloses the information-processing fee (§8.4).
FEE_TERMS: tuple[str, ...] = (
    "信息处理费",
    "信息公开处理费",
    "政府信息公开信息处理费",
    "政府信息处理相关费用",
    "处理费",
)

#: How a fee table names the amount actually collected, its label and variants (福建's 信息处理费收取情况 table:
#: 通知收取件数 | 通知收取金额（元） | 实际收取金额（元）): the Fujian plugin's column, and the words by which GL301
#: finds such a table printed with its values in a report read without the plugin.
FEE_COLLECTED_WORDS: tuple[str, ...] = ("实际收取金额", "实际收取总金额", "实收金额")
#: Words that, in a sentence naming the fee, state whether or how much was collected (§8.4): a negation
#: ("未收取", "没有产生", "无") or, checked separately, a number ("0 元", "2950元").
FEE_STATEMENT_MARKERS: tuple[str, ...] = ("未", "没有", "无", "不", "零", "免")

#: Words of a clause about charging the applicant (本机关未向申请人收费, 依申请公开均免费提供), which in section 六
#: states the fee with a negation, an amount or a 0 (GL301) ...
FEE_CHARGE_WORDS: tuple[str, ...] = ("收费", "费用", "处理费", "免费")
#: ... unless the clause is about an applicant's late payment (the row label 申请人逾期未按收费通知要求缴纳费用 when
#: a page runs 六 into the table).
FEE_LATE_PAYMENT_WORDS: tuple[str, ...] = ("逾期", "缴纳")
#: The first report year of the 信息处理费 measures (国办函〔2020〕109号, in force from 1 January of that year):
#: before it nothing asked a report to state the fee (GL301 is then a reminder).
FEE_MEASURES_YEAR = 2021

#: The fee notice (收费通知) of the fee measures (§8.4); a count of them may be stated in section 六.
FEE_NOTICE_TERM = "收费通知"
#: "未向申请人发出信息处理费收费通知": a negation, then a verb of issuing, then the notice, in one clause.
FEE_NEGATIONS: tuple[str, ...] = ("未", "没有", "无", "不曾", "从未")
FEE_NOTICE_VERBS: tuple[str, ...] = ("发出", "发放", "开具", "出具", "送达", "下发", "寄送")

#: Section 六 wording that says no fee arose or no fee notice was issued.  It contradicts a table with
#: ``other.fee_unpaid.total > 0`` (§7.2 X1); "未收取" (not collected) does not and is deliberately absent.
FEE_NOT_CHARGED_TERMS: tuple[str, ...] = (
    "未产生",
    "没有产生",
    "未发生",
    "没有发生",
    "未发出收费通知",
    "没有发出收费通知",
    "未发放收费通知",
    "没有发放收费通知",
    "未开具收费通知",
    "未出具收费通知",
    "未向申请人发出收费通知",
    "未发出缴费通知",
    "无收费通知",
)

#: Words of the report title (§2).
TITLE_CORE = "政府信息公开工作年度报告"
#: What real titles print in place of :data:`TITLE_CORE` (the title is still found; GL107 reports it): 苏平
#: 2021 "…政府信息公开年度报告", the "工作报告" a supervising office criticised (§9).
#: Also the short 年报 and the 关于…情况的报告 form (``…关于2023年度政府信息公开工作情况的报告``).
TITLE_CORE_VARIANTS: tuple[str, ...] = (
    "政府信息公开年度报告",
    "政府信息公开工作报告",
    "政务公开工作年度报告",
    "政府信息公开年报",
    "政府信息公开工作情况的报告",
)

# ----- the document envelope (§2) ------------------------------------------------------------------------

#: Metadata fields of a portal page (§2) and of a crawler's header (标题, 栏目, 原文链接, 本地目录), normalised.
METADATA_FIELDS: tuple[str, ...] = (
    "索引号",
    "文号",
    "发文字号",
    "发文机构",
    "发文机关",
    "发布机构",
    "主题分类",
    "信息分类",
    "公开方式",
    "名称",
    "标题",
    "发布日期",
    "发布时间",
    "时间",
    "成文日期",
    "生效日期",
    "有效性",
    "栏目",
    "来源",
    "信息来源",
    "原文链接",
    "本地目录",
)
#: The metadata fields whose date is the publication date (§2), in order of preference.
PUBLISH_DATE_FIELDS: tuple[str, ...] = ("发布日期", "发布时间")
#: The metadata fields that hold the page's title.
TITLE_FIELDS: tuple[str, ...] = ("标题", "名称")
#: A date range within this many characters after one of these words is the statistics period (§8.1).
PERIOD_MARKERS: tuple[str, ...] = ("统计",)
#: Words with which a report says why its statistics period starts late in the year: its body was set up then
#: (§8.1; 由于机构改革…开始启动, 新组建, 挂牌).  In the period's own sentence any of them is the reason (GL405).
SET_UP_WORDS: tuple[str, ...] = ("机构改革", "设立", "组建", "成立", "挂牌", "履职", "启动")
#: In another sentence than the period's, a set-up word is the reason only where it speaks of the body itself:
#: 机构改革 by itself; another word after one of :data:`SET_UP_NEW` with no object after it (我局刚刚成立，…,
#: 刚刚成立的实际情况, 新组建的; not 新设立“政策解读”专栏, 新成立工作专班, 新址挂牌); or before one of
#: :data:`SET_UP_SINCE` with the body as its subject (我局组建以来, 本单位自2019年9月成立以来: one of
#: :data:`SET_UP_SELF` and of :data:`SET_UP_BODIES`; not 专栏设立以来, 平台启动以来, 领导小组成立以来).
SET_UP_REASON = "机构改革"
SET_UP_NEW: tuple[str, ...] = ("刚刚", "刚", "新")
SET_UP_SINCE: tuple[str, ...] = ("以来", "之初", "初期", "不久", "伊始")
SET_UP_SELF: tuple[str, ...] = ("我", "本")
SET_UP_BODIES: tuple[str, ...] = (
    "局", "委", "办", "单位", "机关", "部门", "中心", "镇", "乡", "街道",
    "片区", "区", "县", "市", "院", "所", "厅", "站",
)  # fmt: skip
#: How the name of a body ends; the name printed before a date at the end makes it a signature (落款, §2).
AGENCY_ENDINGS: tuple[str, ...] = (
    "局", "政府", "办公室", "委员会", "管委会", "镇", "乡", "街道", "办事处", "处", "中心", "院", "所", "厅",
    "办", "部", "署", "站", "队", "馆", "司", "组", "委", "会", "区", "县", "市",
)  # fmt: skip
#: A date followed by this word dates the printing block (抄送…印发), not the signature.
PRINT_DATE_MARKER = "印发"
#: A page number as printed on a page, the whole of a line once stripped (``re.fullmatch``): ``- 3 -``,
#: ``— 3 —``, ``第 3 页``, ``第3页 共12页``, ``3/12``, and a bare ``3``, which is one only where the page's
#: margin says so (the PDF reader); in the text a lone number may be a table's value.
PAGE_NUMBER = re.compile(
    r"[-—–－~〜_]*\s*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:[/，,]?\s*共\s*\d{1,4}\s*页)?[-—–－~〜_]*|\d{1,4}\s*/\s*\d{1,4}"
)

#: The agency-name endings of a 县级以上地方人民政府 (§8.2): the character before "人民政府" (or before
#: "政府信息公开…" in a title such as "2022年上海市政府信息公开工作年度报告").  A township (镇, 乡), a street
#: office or an office (办公室) ends otherwise, so "镇江市人民政府" is a city and "洪山镇人民政府" is not.
GOVERNMENT_LEVEL_ENDINGS: tuple[str, ...] = ("省", "市", "县", "区", "州", "旗", "盟")
GOVERNMENT_SUFFIX = "人民政府"
#: Zones whose names end in 区 but which are not 县级以上地方人民政府 (§8.2).
NON_GOVERNMENT_MARKERS: tuple[str, ...] = ("开发区", "高新区", "园区", "管理区", "示范区", "实验区", "试验区", "保税区")
