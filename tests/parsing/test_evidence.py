"""What makes a run of labels a table is stated by each TableSpec (``opens``, ``evidence``): the lexer's test
is one generic reading of that data, for the standard tables and the ones a plugin describes alike."""

from __future__ import annotations

import attrs
import pytest
from parsing_support import STOCK, seed_with

from govlint import api, schema
from govlint.parsing.headings import find_section_headings
from govlint.parsing.labels import ROLES, Family, LabelKind, Opening, TableKey, catalogue, find_labels
from govlint.parsing.lexer import find_regions
from govlint.schema import Evidence, RowSpec, TableSpec

#: A sentence that names two of the table's columns, and nothing else of it.
SENTENCE = "本机关档案分为纸质档案 电子档案两类，均已归档。\n"
#: The table as a province prints it.
TABLE = "档案库存情况\n项目\t纸质档案\t电子档案\t档案合计\n年初库存\t2\t3\t5\n本年新增\t1\t1\t2\n年末库存\t3\t4\t7\n"
#: The province's tuning: two header cells are not enough, a row must be printed too.
WITH_A_ROW = (Evidence(headers=2, rows=1, distinct=True),)


def _regions(text: str, *described: TableSpec) -> list[tuple[TableKey, int]]:
    """The regions of ``text`` read with the standard tables and ``described``: each table and its labels."""
    labels = catalogue(described)
    folded = schema.fold(text)
    found = find_regions(text, folded, find_labels(folded, labels), find_section_headings(text), labels.openings)
    return [(region.family, len(region.hits)) for region in found]


def test_a_described_table_reads_its_default_evidence_from_the_spec() -> None:
    assert STOCK.opens is None and STOCK.evidence is None
    assert STOCK.opening_keys() == {"caption", "paper", "digital", "total"}
    assert STOCK.evidence_needed() == schema.DESCRIBED_EVIDENCE
    assert _regions(SENTENCE, STOCK) == [("records_stock", 2)]  # two header cells: a table, by default
    assert _regions(TABLE, STOCK) == [("records_stock", 7)]


def test_a_plugin_tunes_what_makes_its_table_by_describing_it() -> None:
    tuned = attrs.evolve(STOCK, evidence=WITH_A_ROW)
    assert _regions(SENTENCE, tuned) == []
    assert _regions(TABLE, tuned) == [("records_stock", 7)]
    # through the whole parse: by default the sentence is a table with no cell read; tuned, it is prose
    assert "records_stock" in api.parse_text(seed_with(SENTENCE), tables=[STOCK]).tables
    assert "records_stock" not in api.parse_text(seed_with(SENTENCE), tables=[tuned]).tables
    read = api.parse_text(seed_with(TABLE), tables=[tuned]).tables["records_stock"]
    assert [cell.value for cell in read.rows["closing"].cells.values()] == [3, 4, 7]


def test_a_label_opens_a_table_only_when_its_spec_says_so() -> None:
    # a header word of the plugin's table among the rows of table 三: by default it opens a table of its own
    # and ends the run there; when the plugin says only its caption opens it, it is a stray word in table 三
    text = (
        "本年新收政府信息公开申请数量\t3\n予以公开\t1\n部分公开\t2\n档案合计\n"
        "属于国家秘密\t1\n保护第三方合法权益\t0\n属于三类内部事务信息\t0\n"
    )
    assert _regions(text, STOCK) == [(Family.APPLICATIONS, 3)]
    assert _regions(text, attrs.evolve(STOCK, opens=("caption",))) == [(Family.APPLICATIONS, 6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # table 三: three rows and 本年新收, or the note or 申请人情况 and one row, or eight rows
        ("予以公开\n部分公开\n属于国家秘密\n", []),
        ("本年新收政府信息公开申请数量\n予以公开\n部分公开\n", [(Family.APPLICATIONS, 3)]),
        ("本年新收政府信息公开申请数量\n予以公开\n", []),
        ("申请人情况\n予以公开\n", [(Family.APPLICATIONS, 2)]),
        (
            "予以公开\n部分公开\n属于国家秘密\n保护第三方合法权益\n属于三类内部事务信息\n属于四类过程性信息\n"
            "属于行政执法案卷\n属于行政查询事项\n",
            [(Family.APPLICATIONS, 8)],
        ),
        # table 四: four labels, one of which only the table prints
        ("行政复议\t结果纠正\n", []),
        ("行政复议\t行政诉讼\t结果维持\t结果纠正\n", [(Family.REVIEW, 4)]),
        ("行政复议\t行政诉讼\t总计\t未经复议直接起诉\n", [(Family.REVIEW, 4)]),
        ("行政复议\t行政诉讼\t总计\t总计\n", []),
        # section 二: a row, and a caption, 信息内容 or two column labels
        ("行政许可\n", []),
        ("第二十条第(五)项\n行政许可\n", [(Family.ART20, 2)]),
        ("本年处理决定数量\t行政许可\n", []),
        ("本年处理决定数量\t行政许可\t本年处理决定数量\t行政处罚\n", [(Family.ART20, 4)]),
    ],
)
def test_the_standard_tables_are_read_by_the_evidence_their_specs_state(
    text: str, expected: list[tuple[TableKey, int]]
) -> None:
    assert _regions(text) == expected


def test_the_standard_specs_state_the_same_evidence_in_both_formats() -> None:
    for table_id in schema.TABLE_KEYS:
        specs = [fmt.table(table_id) for fmt in schema.FORMATS.values()]
        assert all(spec.evidence is not None and spec.opens is not None for spec in specs)
        assert len({spec.evidence for spec in specs}) == 1
    # section 二's table is opened by the caption of every item of either format
    assert catalogue().openings[Family.ART20].opens >= {"art20_8", "art20_9", "info"}


def test_opening_labels_and_evidence_name_only_what_the_table_prints() -> None:
    assert schema.spec_problems(STOCK) == []
    assert schema.spec_problems(attrs.evolve(STOCK, opens=("caption", "年初库存"), evidence=WITH_A_ROW)) == [
        "opens or evidence names a label the table lacks: ['年初库存']"
    ]
    assert schema.spec_problems(attrs.evolve(STOCK, evidence=(Evidence(printed=("opening", "closng")),))) == [
        "opens or evidence names a label the table lacks: ['closng']"
    ]
    never = ["evidence is empty: the table would never be read"]
    assert schema.spec_problems(attrs.evolve(STOCK, evidence=())) == never


def test_a_spec_that_would_break_the_reader_is_named_not_run() -> None:
    lists = ["a field holds a list, set or dict where a tuple is expected"]
    assert schema.spec_problems(attrs.evolve(STOCK, captions=["档案库存情况"])) == lists  # type: ignore[arg-type]
    assert schema.spec_problems(attrs.evolve(STOCK, evidence=[Evidence()])) == lists  # type: ignore[arg-type]
    one = attrs.evolve(STOCK, evidence=Evidence(rows=1))  # type: ignore[arg-type]
    assert schema.spec_problems(one) == ["evidence must be a tuple of govlint.schema.Evidence"]
    assert schema.spec_problems(attrs.evolve(STOCK, opens=("caption", 1))) == ["opens must be a tuple of keys"]  # type: ignore[arg-type]
    many = tuple(RowSpec(f"r{index}", f"第{index}行") for index in range(1001))
    part = STOCK.parts[0]
    too_long = attrs.evolve(STOCK, parts=(attrs.evolve(part, rows=many),), evidence=None, opens=None)
    assert schema.spec_problems(too_long) == ["a table has at most 1,000 rows, this one 1,001"]
    long = attrs.evolve(too_long, parts=(attrs.evolve(part, rows=many[:1000]),))
    assert schema.spec_problems(long) == []


def test_every_kind_of_label_counts_as_something() -> None:
    assert set(ROLES) == set(LabelKind)


def test_a_distinct_count_takes_a_label_printed_twice_once() -> None:
    labels = catalogue((STOCK,))
    twice = [labels.entries["纸质档案"]["records_stock"]] * 2
    assert not Opening(frozenset(), (Evidence(headers=2, distinct=True),)).shown_by(twice)
    assert Opening(frozenset(), (Evidence(headers=2),)).shown_by(twice)
