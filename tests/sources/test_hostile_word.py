"""Word files not in the first hostile corpus (issue 16, measured again).  Sizes, nesting, 100,000 tables,
a million runs and a central directory that lies about sizes were each refused with a true line or read
within bounds; one message was false: a part refused for its compression ratio was said to be over 50 MB."""

from __future__ import annotations

import pytest
from hostile_files import REPORT, document_xml, package, paragraph

from govlint.errors import InputError
from govlint.sources import load


def test_a_part_refused_for_its_ratio_is_not_said_to_be_over_the_size_limit() -> None:
    """15 KB that unpack to 4.4 MB (100,000 nested content controls): 300 times, not over 50 MB."""
    deep = "<w:sdt><w:sdtContent>" * 100_000 + paragraph(REPORT) + "</w:sdtContent></w:sdt>" * 100_000
    data = package({"word/document.xml": document_xml(deep)})
    with pytest.raises(InputError) as error:
        load(data, name="deep.docx")
    message = error.value.message("en")
    assert "compressed more than 200 times" in message and "word/document.xml" in message
    assert "50 MB" not in message
