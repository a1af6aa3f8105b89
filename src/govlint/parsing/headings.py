"""Find the six section headings (一、总体情况 … 六、其他需要报告的事项) in a report's text.

Headings are recognised by their **text**, taken from :data:`govlint.schema.SECTIONS`, never by the numeral
alone: table rows (``三、本年度办理结果``), list items reusing top-level numerals (``一、加强领导``) and
sub-headings without the numeral (``（一）主动公开政府信息情况``) are not headings.  Heading texts are
compared folded and without whitespace (stray spaces, indentation, lines broken by pdftotext), with 和/及/与/、
interchangeable and 的 ignored, and need no line break after them: crawled pages
print the whole body as one line, ``…一、总体情况2023年，我局…``.  A heading may also be numbered as a
part, ``第一部分 总体情况`` or ``第一部分：总体情况``.  The number printed before a heading may
differ from the section's number (a report that inserts a section); the section is keyed by the text.
A heading with characters the reader could not decode (U+FFFD, reported as GL003) is still that heading
when enough of it is read and one section alone fits (:func:`_blurred_heading`): never accuse what cannot
be read.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from govlint.parsing.spans import skip_spaces
from govlint.schema import CHINESE_NUMERALS, FOLD_TABLE, SECTIONS, SectionSpec, normalize_label


class HeadingMatch(NamedTuple):
    """A section heading as printed."""

    spec: SectionSpec
    #: Offset of the heading as printed, numeral included.
    start: int
    #: Offset just after the heading text.
    end: int
    #: The heading as printed, whitespace-trimmed.
    title: str


#: Words that real reports use interchangeably inside a heading ("行政复议、行政诉讼" / "…和…" / "…及…"): they
#: compare as one; and 的 is ignored ("收到和处理政府信息公开申请的情况").
_CONNECTORS = "和及与、"
_COMPARE = str.maketrans({**{c: "和" for c in _CONNECTORS}, "的": None})
#: Each character of the text as compared: folded, connectors as one, 的 and whitespace dropped.
_COMPARE_CHAR: dict[str, str] = {chr(code): char for code, char in FOLD_TABLE.items()}
_COMPARE_CHAR |= {c: "" for c in " \t\r\n\f\v"} | {c: "和" for c in _CONNECTORS} | {"的": ""}
#: Characters after which a heading may omit its 、 (``。一总体情况``): start of text, spaces, sentence ends.
_SENTENCE_END = "。;；:：!！?？"
#: After a heading, these mark an enumeration of the parts in a preamble (``一、总体情况；二、…``).
_LIST_SEPARATORS = frozenset(",，;；、､")
#: A title is extended to the end of its line when the rest is this short and has none of these (nor digits).
_TITLE_TAIL_MAX = 20
_TITLE_TAIL_STOP = frozenset("。,，;；:：\t|｜")


def _comparable(text: str) -> str:
    return normalize_label(text).translate(_COMPARE)


#: Every accepted heading text in comparable form with its section, longest first, so that a variant that
#: is a prefix of another ("存在的主要问题") never wins over it.
_VARIANTS: tuple[tuple[str, SectionSpec], ...] = tuple(
    sorted(
        {(_comparable(v), spec) for spec in SECTIONS for v in spec.variants},
        key=lambda item: (-len(item[0]), item[1].number),
    )
)
_FIRST_CHARS = frozenset(v[0] for v, _ in _VARIANTS)
#: Every beginning of an accepted heading text: a text read so far that is none of them starts no heading.
_BEGINNINGS = frozenset(v[:end] for v, _ in _VARIANTS for end in range(1, len(v) + 1))
_VARIANT_CHARS = tuple(frozenset(v) for v, _ in _VARIANTS)
_LONGEST = len(_VARIANTS[0][0])
#: How far to read for a heading text: its characters plus indentation and line breaks (pdftotext).
_WINDOW = _LONGEST + 80

#: What the reader put for a byte it could not decode, or a NUL (recorded as GL003).
REPLACEMENT = "\ufffd"
#: The marks after a heading's numeral (一、 一. 一．), and what may not stand before a numeral so marked.
_MARKS = "、､.．"
_NOT_BEFORE_MARKED = CHINESE_NUMERALS + "第(（"


#: The characters of the heading texts and the replacement character: no heading is read past any other.
_HEADING_CHARS = frozenset(REPLACEMENT).union(*_VARIANT_CHARS)
#: The characters that may be read first after ``n`` unreadable ones in a heading text (index ``n``): those among
#: a heading text's first ``n + 1``, as a run of replacement characters stands for up to as many characters.
_PLACED = tuple(frozenset(c for v, _ in _VARIANTS for c in v[: n + 1]) for n in range(_LONGEST))

#: A replacement character before a numeral's mark: one that may stand for a numeral (:func:`_unread_numeral`).
_MARKED_REPLACEMENT = re.compile(rf"{REPLACEMENT}(?=\s*[{_MARKS}])")


def _numeral_positions(text: str) -> list[int]:
    """The offsets of the Chinese numerals 一…十 in ``text``, and of the replacement characters that may stand
    for one (a numeral the reader could not decode, before its mark), in text order."""
    positions = [match.start() for match in _MARKED_REPLACEMENT.finditer(text)]
    for numeral in CHINESE_NUMERALS:
        at = text.find(numeral)
        while at != -1:
            positions.append(at)
            at = text.find(numeral, at + 1)
    return sorted(positions)


#: ``第一部分 总体情况``: the word after the numeral, and the marks that may follow it before the heading text.
_PART = "部分"
_PART_MARKS = "、､.．:："
_INLINE_SPACES = frozenset(" \t\u3000")


def _part_end(text: str, start: int, *, anywhere: bool = False) -> tuple[int, int] | None:
    """For a heading numbered as a part, ``第一部分`` around the numeral at ``start`` (spaces allowed between its
    characters, as stray spaces and pdftotext print them): where ``第`` is and where the heading text begins,
    after the mark and spaces; None when the numeral is not so printed, or ``第`` does not start a line or a
    sentence (``按第一部分要求``) nor follows a crawled table's last digit (``…000第五部分``).  ``anywhere``: ``第``
    may follow any character when a space or a mark follows ``部分`` (the caller then requires a section's own
    words: crawled pages glue a heading to the cell before it, ``…52.3万元第三部分 收到和处理…``)."""
    first = start - 1
    while first >= 0 and text[first] in _INLINE_SPACES:
        first -= 1
    if first < 0 or text[first] != "第":
        return None
    before = text[first - 1] if first else "\n"
    at_start = before.isspace() or before in _SENTENCE_END or before.isdigit()
    if not (anywhere or at_start):
        return None
    pos = start + 1
    for char in _PART:
        pos = skip_spaces(text, pos)
        if pos >= len(text) or text[pos] != char:
            return None
        pos += 1
    after = skip_spaces(text, pos)
    if after < len(text) and text[after] in _PART_MARKS:
        after = skip_spaces(text, after + 1)
    if after == pos and not at_start:  # glued on both sides: prose (按照第一部分总体情况的要求)
        return None
    return first, after


def _numbering_end(text: str, start: int) -> int | None:
    """Where the text of a heading numbered by the numeral at ``start`` begins: after its mark (``一、``,
    ``一.``, ``一．``, and ``二\ufffd、``: a bad byte before the mark was a heading lost and a section called
    missing; not ``第一、``, ``（一、`` or ``十一、``), after ``第一部分`` and its mark, or right after the numeral
    when the numeral starts a line or a sentence (``。一总体情况``); None when this numeral numbers no heading."""
    before = text[start - 1] if start else "\n"
    if before == "第" or before in _INLINE_SPACES:  # what may stand before a part's numeral (第 一部分)
        part = _part_end(text, start, anywhere=True)
        if part is not None:
            return part[1]
    pos = skip_spaces(text, start + 1)
    mark = pos
    while mark < len(text) and text[mark] == REPLACEMENT:  # a bad byte between the numeral and its mark
        mark += 1
    if mark < len(text) and text[mark] in _MARKS and before not in _NOT_BEFORE_MARKED:
        return skip_spaces(text, mark + 1)
    if before.isspace() or before in _SENTENCE_END:
        return pos
    return None


#: The most section headings taken in one report (after a compilation is split).  Real reports print six, some
#: a section twice (the most found in the corpus, seeds, examples and every fixture is 6); past this many,
#: further headings of sections already found are read as prose and counted (GL102), so that a text of 300,000
#: repeated headings costs no more memory than prose (docs/security.md).
MAX_HEADINGS = 100


class Headings(NamedTuple):
    """The section headings of a report, and the repeated headings past :data:`MAX_HEADINGS` left as prose."""

    found: list[HeadingMatch]
    #: How many headings of sections already found were printed past the limit and not taken.
    untaken: int = 0
    #: The first of them (None when none).
    first_untaken: HeadingMatch | None = None


def find_section_headings(text: str) -> list[HeadingMatch]:
    """Every section heading in ``text``, in text order (at most :data:`MAX_HEADINGS`); a section printed twice
    is kept twice."""
    return section_headings(text).found


def section_headings(text: str) -> Headings:
    """Every section heading in ``text``, in text order, up to :data:`MAX_HEADINGS`, and those past it counted.

    When a section's text occurs under its own numeral and also under another one (a list item
    ``一、存在的主要问题`` inside section 五), only the occurrences under its own numeral are kept.  Past the
    limit a heading is only counted, by its section and whether its numeral is its own, so that memory stays
    bounded; the first one is kept to say where.
    """
    found: list[tuple[HeadingMatch, bool]] = []
    past: Counter[tuple[int, bool]] = Counter()
    first_past: dict[tuple[int, bool], HeadingMatch] = {}
    taken_numbers: set[int] = set()
    length = len(text)
    previous_end = -1
    for start in _numeral_positions(text):
        if text[start] == REPLACEMENT and not _unread_numeral(text, start):
            continue
        pos = _numbering_end(text, start)
        if pos is None or pos >= length:
            continue
        first = text[pos]
        if _COMPARE_CHAR.get(first, first) not in _FIRST_CHARS and first != REPLACEMENT:
            continue
        recognised = _heading_text(text, pos)
        if recognised is None:
            continue
        spec, end = recognised
        # A list of the parts ("一、总体情况；二、主动公开…；三、…。"): an item followed by a separator, or
        # preceded by one right after the previous item.
        listed = _next_char(text, end) in _LIST_SEPARATORS or (
            previous_end >= 0 and text[previous_end:start].strip() in _LIST_SEPARATORS
        )
        previous_end = end
        if listed:
            continue
        end = _title_end(text, end)
        part = _part_end(text, start, anywhere=True)
        printed = start if part is None else part[0]  # 第一部分: from 第
        heading = HeadingMatch(spec, printed, end, text[printed:end].strip())
        # An unreadable numeral is not the section's own: the words say which section it may be, so it is
        # that section's heading only where no heading under the section's own numeral is read (else it is
        # a sub-heading or a repeat nothing proves, and a section called repeated or out of order on it
        # would accuse what was not read).
        numeral = text[start]
        own = numeral != REPLACEMENT and CHINESE_NUMERALS.index(numeral) + 1 == spec.number
        if len(found) < MAX_HEADINGS or spec.number not in taken_numbers:
            found.append((heading, own))
            taken_numbers.add(spec.number)
        else:
            past[spec.number, own] += 1
            first_past.setdefault((spec.number, own), heading)
    own_numeral = {h.spec.number for h, own in found if own} | {number for number, own in past if own}
    taken = [h for h, own in found if own or h.spec.number not in own_numeral]
    untaken = [key for key in past if key[1] or key[0] not in own_numeral]
    first_untaken = min((first_past[key] for key in untaken), key=lambda heading: heading.start, default=None)
    return Headings(taken, sum(past[key] for key in untaken), first_untaken)


def _unread_numeral(text: str, start: int) -> bool:
    """Whether the replacement character at ``start`` may be a heading's numeral: alone at the start of a line
    and marked (``\ufffd、总体情况``), not inside mojibake or prose."""
    mark = skip_spaces(text, start + 1)
    if mark >= len(text) or text[mark] not in _MARKS:
        return False
    first = start
    while first and text[first - 1] == REPLACEMENT:  # a numeral may be decoded as more than one
        first -= 1
    return first == 0 or text[first - 1] in "\n\r"


def _heading_text(text: str, pos: int) -> tuple[SectionSpec, int] | None:
    """The section whose heading text starts at ``pos`` and the offset just after that text, or None.  The
    text is read until it is the longest heading's length, or, while it has no unreadable character, until it
    begins no heading (a heading it still starts with is found then all the same)."""
    compact = ""
    ends: list[int] = []
    compare = _COMPARE_CHAR.get
    for offset in range(pos, min(len(text), pos + _WINDOW)):
        char = text[offset]
        char = compare(char, char)
        if char and not char.isspace():
            compact += char
            ends.append(offset + 1)
            if len(compact) == _LONGEST or (
                compact not in _BEGINNINGS and (REPLACEMENT not in compact or char not in _HEADING_CHARS)
            ):
                break
    for variant, spec in _VARIANTS:
        if compact.startswith(variant):
            return spec, ends[len(variant) - 1]
    if REPLACEMENT in compact:
        return _blurred_heading(compact, ends)
    return None


def _blurred_heading(compact: str, ends: list[int]) -> tuple[SectionSpec, int] | None:
    """The section whose heading ``compact`` is with some characters unreadable (``一、总\ufffd情况``): a run
    of replacement characters stands for up to as many characters of the heading (a bad byte may eat a
    character or be one too many).  Never accuse what cannot be read: a heading that lost a character is still
    that heading.  None unless at least half of the heading's characters (and two) are read and one section
    alone fits, so that unreadable text is never guessed into a heading."""
    found: dict[int, tuple[SectionSpec, int]] = {}
    read = set(compact)
    lead = len(compact) - len(compact.lstrip(REPLACEMENT))  # the run before the first character read
    if lead == len(compact) or compact[lead] not in _PLACED[lead]:
        return None
    for (variant, spec), chars in zip(_VARIANTS, _VARIANT_CHARS, strict=True):  # longest first: kept
        if len(variant) > len(compact) or compact[lead] not in variant[: lead + 1] or len(chars & read) < 2:
            # longer than the text read (a run stands for at most as many characters), or cannot have the
            # first character read, or two of its characters: spares the match below
            continue
        consumed = _blurred_match(compact, variant)
        if consumed is None or spec.number in found:
            continue
        readable = consumed - compact.count(REPLACEMENT, 0, consumed)
        if readable >= max(2, (len(variant) + 1) // 2):
            found[spec.number] = spec, ends[consumed - 1]
    return next(iter(found.values())) if len(found) == 1 else None


def _blurred_match(compact: str, variant: str) -> int | None:
    """How many characters of ``compact`` spell ``variant`` from its start, each run of replacement
    characters standing for up to as many of the variant's characters (none too), or None."""
    memo: dict[tuple[int, int], int | None] = {}

    def match(i: int, j: int) -> int | None:
        key = (i, j)
        if key in memo:
            return memo[key]
        result: int | None = None
        if j == len(variant):
            result = i
        elif i < len(compact) and compact[i] == REPLACEMENT:
            run = i
            while run < len(compact) and compact[run] == REPLACEMENT:
                run += 1
            for taken in range(min(run - i, len(variant) - j), -1, -1):
                result = match(run, j + taken)
                if result is not None:
                    break
        elif i < len(compact) and compact[i] == variant[j]:
            result = match(i + 1, j + 1)
        memo[key] = result
        return result

    return match(0, 0)


def _next_char(text: str, pos: int) -> str:
    """The first non-whitespace character at or after ``pos`` (within a few), or ""."""
    rest = text[pos : pos + 8].lstrip()
    return rest[0] if rest else ""


def _title_end(text: str, end: int) -> int:
    """Extend a heading to the end of its line when the rest of the line is a short continuation of the
    title (``五、存在的主要问题及改进措施``), not prose, numbers or a table cell."""
    eol = text.find("\n", end, end + _TITLE_TAIL_MAX + 1)
    if eol == -1:
        return end
    tail = text[end:eol]
    if not tail.strip() or any(c in _TITLE_TAIL_STOP or c.isdigit() for c in tail):
        return end
    return end + len(tail.rstrip())


#: What may stand right before a numbering that starts a heading (besides the start of the text): a line break
#: or a space, a sentence end, or (crawled pages, one line) the last digit of the table before it.
_NUMBERING_BEFORE = frozenset(" \t\r\n\f\v\u3000") | frozenset(_SENTENCE_END)
#: How much of a heading's text a message shows.
_SHOWN = 16
_SHOWN_STOP = frozenset("。,，;；:：!！?？()（）\t|｜")


def numbered_headings(text: str, number: int, start: int, end: int) -> list[tuple[int, int, str]]:
    """Headings numbered as section ``number`` between ``start`` and ``end`` whatever their wording: ``五、当前
    存在的突出问题``, ``第五部分``, ``（五）``, ``5.`` or ``5、`` at the start of a line or sentence (a marked
    Chinese numeral also after a table's last digit, as crawled pages print it), followed by a Chinese word.
    Each is (offset, where its text begins, the heading as printed, cut short).  Not a recognition of the
    section: the wording may be anything, so a caller may only use it to hold back an accusation that the
    section is missing."""
    numeral = CHINESE_NUMERALS[number - 1]
    arabic = str(number)
    found: list[tuple[int, int, str]] = []
    at = start
    while at < end:
        hit = _next_numbering(text, at, end, numeral, arabic)
        if hit is None:
            break
        begin, body = hit
        shown = []
        for char in text[body : body + _SHOWN]:
            if char in _SHOWN_STOP or char.isspace() or char.isdigit():
                break
            shown.append(char)
        if shown and ("\u4e00" <= shown[0] <= "\u9fff" or shown[0] == REPLACEMENT):  # or an unread word
            found.append((begin, body, text[begin:body] + "".join(shown)))
        at = body
    return found


def _next_numbering(text: str, at: int, end: int, numeral: str, arabic: str) -> tuple[int, int] | None:
    """The next numbering of the section (its offset and where its text begins) at or after ``at``, or None."""
    while True:
        candidates = [p for p in (text.find(numeral, at, end), text.find(arabic, at, end)) if p != -1]
        if not candidates:
            return None
        pos = min(candidates)
        at = pos + 1
        before = text[pos - 1] if pos else "\n"
        after = skip_spaces(text, pos + 1)
        mark = text[after] if after < len(text) else "\n"  # never a mark: "" would be "in" every string
        if text[pos] == numeral:
            part = _part_end(text, pos)
            if part is not None:
                return part
            opened = before in "(（"
            if opened and mark in ")）":
                head = pos - 1
                if head == 0 or text[head - 1] in _NUMBERING_BEFORE:
                    return head, skip_spaces(text, after + 1)
                continue
            if mark in _MARKS and (before in _NUMBERING_BEFORE or before.isdigit()):
                return pos, skip_spaces(text, after + 1)
            continue
        if before.isdigit() or before not in _NUMBERING_BEFORE:
            continue
        if mark in _MARKS and not (after + 1 < len(text) and text[after + 1].isdigit()):
            return pos, skip_spaces(text, after + 1)
