"""Text reports in every common Chinese encoding decode to the same text; junk gets one clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from source_support import PEER, SEEDS, seed_text

import govlint
from govlint.errors import InputError
from govlint.sources import load

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16 with BOM": lambda text: text.encode("utf-16"),
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
    "utf-16-be without BOM": lambda text: text.encode("utf-16-be"),
    "utf-32 with BOM": lambda text: text.encode("utf-32"),
}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_each_encoding_round_trips_a_seed(seed: Path, encoding: str, tmp_path: Path) -> None:
    text = seed_text(seed)
    path = tmp_path / "report.txt"
    path.write_bytes(ENCODINGS[encoding](text))
    document = load(path)
    assert document.text == text
    assert document.kind == "text"
    assert document.path == str(path)
    assert document.origins == ()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_gbk_is_read_as_gb18030(seed: Path, tmp_path: Path) -> None:
    text = seed_text(seed)
    try:
        data = text.encode("gbk")
    except UnicodeEncodeError:
        pytest.skip("the seed has a character outside GBK")
    path = tmp_path / "report.md"
    path.write_bytes(data)
    document = load(path)
    assert document.text == text
    assert document.encoding == "gb18030"


def test_encoding_override_wins_over_detection(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("政府信息公开".encode())
    assert load(path).text == "政府信息公开"
    document = load(path, encoding="gb18030")
    assert document.encoding == "gb18030"
    assert document.text == "政府信息公开".encode().decode("gb18030")


def test_other_encodings_fall_back_to_charset_normalizer(tmp_path: Path) -> None:
    pytest.importorskip("charset_normalizer")
    text = "臺北市政府資訊公開年度報告\n一、總體情況\n"
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("big5"))
    assert load(path).text == text
    assert load(path, encoding="big5").text == text


def test_override_labels_gbk_and_gb2312_mean_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("第二十条第（一）项\t本年制发件数".encode("gb18030"))
    assert load(path, encoding="GB2312").text == "第二十条第（一）项\t本年制发件数"
    assert load(path, encoding="gbk").encoding == "gbk"


def test_unknown_encoding_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("报告", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        load(path, encoding="klingon")


def test_wrong_override_says_where_decoding_failed(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("一、总体情况".encode("gb18030"))
    with pytest.raises(InputError, match=r"cannot decode as utf-8 \(at byte \d+\)"):
        load(path, encoding="utf-8")


def test_line_ends_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("一、总体情况\r\n正文\r旧式换行\n".encode())
    assert load(path).text == "一、总体情况\n正文\n旧式换行\n"


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00junk" * 50, "not a text file in a known encoding"),
        (bytes(range(256)) * 40, "not a text file in a known encoding"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00\x01", "this is a PDF file"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00\x9c" * 100, "this is a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "old Word (.doc)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x10" * 50, "this is an image"),
        ("控制字符\x01\x02\x03\x04\x05\x06\x07\x08".encode() * 20, "not a text file"),
        # Binary data that went through a lossy UTF-8 decoder: valid UTF-8 now, but still binary.
        (bytes(range(1, 256)).decode("utf-8", "replace").encode() * 40, "not a text file in a known encoding"),
        # Text that a lossy conversion left as little more than replacement characters.
        ("一、总体情况\n".encode() + "\ufffd\ufffd\n".encode() * 200, "too many replacement characters"),
    ],
    ids=[
        "nul-junk",
        "all-bytes",
        "pdf-named-txt",
        "zip-named-txt",
        "ole",
        "png",
        "control-characters",
        "binary-decoded-lossily",
        "mostly-replacement-characters",
    ],
)
def test_binary_junk_named_txt_gets_one_clear_line(data: bytes, hint: str, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load(path)
    message = str(caught.value)
    assert hint in message
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert any("\u4e00" <= char <= "\u9fff" for char in message)  # Chinese first, then English


def test_a_badly_repaired_utf8_file_is_text() -> None:
    # Valid UTF-8 in which an earlier lossy conversion left U+FFFD (242 of 6,309 characters): the decode is
    # strict, so they are the file's own characters, and the rest of the report is readable.
    path = PEER / "temp-jinhu-2023.mojibake-repaired.txt"
    text = path.read_bytes().decode("utf-8")
    assert "\ufffd" in text
    document = load(path)
    assert (document.text, document.encoding, document.kind) == (text, "utf-8", "text")


def test_replacement_characters_in_cells_are_unreadable_cells(tmp_path: Path) -> None:
    text = seed_text(SEEDS[0])
    assert "行政处罚\t0\t" in text and "\ufffd" not in text
    path = tmp_path / "report.txt"
    path.write_bytes(text.replace("行政处罚\t0\t", "行政处罚\t\ufffd\t").encode("utf-8"))
    cell = govlint.parse(path).tables.active_disclosure.rows["punishment"].cells["decisions"]
    assert (cell.value, cell.status.value, cell.raw) == (None, "unreadable", "\ufffd")
    before = {(d.code, d.location.line) for d in govlint.lint(SEEDS[0]).diagnostics}
    after = {(d.code, d.location.line) for d in govlint.lint(path).diagnostics}
    assert after - before == {("GL105", cell.span.line)}


def test_random_bytes_never_escape_as_another_exception() -> None:
    import random

    rng = random.Random(20250101)
    for size in (1, 2, 3, 17, 256, 4096):
        for _ in range(30):
            data = bytes(rng.randrange(256) for _ in range(size))
            try:
                document = load(data, name="junk.txt")
            except InputError:
                continue
            assert isinstance(document.text, str)


def test_str_source_is_the_text_itself() -> None:
    document = load("\ufeff一、总体情况\r\n正文", name="粘贴.txt")
    assert document.text == "一、总体情况\n正文"
    assert document.path == "粘贴.txt"


def test_bytes_source_is_decoded() -> None:
    document = load("一、总体情况".encode("gb18030"))
    assert document.text == "一、总体情况"
    assert document.path == "<bytes>"


def _table_values(report: govlint.Report) -> dict[str, object]:
    return {
        f"{name}.{cell.key}": (cell.value, cell.status)
        for name in ("active_disclosure", "applications", "review_litigation")
        if (table := report.tables.get(name)) is not None
        for row in table.rows.values()
        for cell in row.cells.values()
    }


def _last_multibyte_start(data: bytes, encoding: str) -> int:
    """The byte offset where the file's last non-ASCII character starts."""
    text = data.decode(encoding)
    index = max(i for i, char in enumerate(text) if ord(char) > 0x7F)
    return len(text[:index].encode(encoding))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_seed_truncated_mid_character_is_read_with_the_offset_recorded(
    seed: Path, encoding: str, tmp_path: Path
) -> None:
    data = seed_text(seed).encode(encoding)
    cut = _last_multibyte_start(data, encoding)
    path = tmp_path / "report.txt"
    path.write_bytes(data[: cut + 1])  # the last character loses all but its first byte
    document = load(path)
    assert (document.encoding, document.replaced_bytes) == (encoding, (cut,))
    assert document.text.endswith("\ufffd")
    assert document.text[:-1] == data[:cut].decode(encoding).replace("\r\n", "\n")
    assert _table_values(govlint.parse(path)) == _table_values(govlint.parse(seed))


def test_stray_bytes_in_the_middle_are_each_recorded(tmp_path: Path) -> None:
    data = seed_text(SEEDS[1]).encode("utf-8")
    first, second = data.index("二、".encode()), data.index("三、".encode())
    damaged = data[:first] + b"\xff" + data[first:second] + b"\xc0\xaf" + data[second:]
    path = tmp_path / "report.txt"
    path.write_bytes(damaged)
    document = load(path)
    # \xc0 can start no UTF-8 sequence and \xaf continues none: two sequences, two replacement characters
    assert document.replaced_bytes == (first, second + 1, second + 2)
    assert document.text.count("\ufffd") == 3
    assert "二、" in document.text and "三、" in document.text


def test_gbk_with_a_bad_byte_is_gb18030_with_replacement(tmp_path: Path) -> None:
    text = "一、总体情况\n本机关全年主动公开政府信息12条。\n"
    data = text.encode("gbk")
    bad = data.index("本".encode("gbk"))
    path = tmp_path / "report.txt"
    path.write_bytes(data[:bad] + b"\xff" + data[bad:])
    document = load(path)
    assert (document.encoding, document.replaced_bytes) == ("gb18030", (bad,))
    assert document.text == text.replace("本", "\ufffd本")


def test_utf16_with_an_odd_trailing_byte(tmp_path: Path) -> None:
    data = "一、总体情况\n正文。\n".encode("utf-16")
    path = tmp_path / "report.txt"
    path.write_bytes(data + b"\x0a")
    document = load(path)
    assert (document.encoding, document.replaced_bytes) == ("utf-16", (len(data),))
    assert document.text == "一、总体情况\n正文。\n\ufffd"


def test_a_mostly_undecodable_file_is_still_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("一、总体情况".encode() + b"\xff\xfe\xfd\xfc" * 50)
    with pytest.raises(InputError, match="not a text file in a known encoding"):
        load(path)


def test_an_override_decodes_a_few_bad_bytes_with_replacement(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("一、总体情况\n".encode() + b"\xff" + "正文。\n".encode())
    document = load(path, encoding="utf-8")
    assert (document.encoding, document.replaced_bytes, document.text) == (
        "utf-8",
        (19,),
        "一、总体情况\n\ufffd正文。\n",
    )


def test_a_web_page_with_a_stray_byte_records_it(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><p>一、总体情况</p><p>正文。</p></body></html>"
    )
    data = page.encode()
    bad = data.index("正文".encode())
    path = tmp_path / "page.html"
    path.write_bytes(data[:bad] + b"\xfe" + data[bad:])
    document = load(path)
    assert document.replaced_bytes == (bad,)
    assert "\ufffd正文。" in document.text


def test_a_clean_file_records_nothing() -> None:
    assert load(SEEDS[0]).replaced_bytes == ()
