"""Reading the reviewer's page in tests: its elements, and the list of reports as a reader sees it."""

from __future__ import annotations

import json
from html.parser import HTMLParser


class Page(HTMLParser):
    """The elements of a page: every start tag with its attributes, and the text of each script."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in == "style":
            self.styles.append(data)

    def attributes(self, name: str) -> list[str]:
        return [a[name] or "" for _, a in self.tags if name in a]

    def data(self) -> dict[str, object]:
        (block,) = [text for attrs, text in self.scripts if attrs.get("type") == "application/json"]
        loaded: dict[str, object] = json.loads(block)
        return loaded


class _List(HTMLParser):
    """The list's column keys and each row's cell texts."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.keys: list[str] = []
        self.rows: list[list[str]] = []
        self._in_list = self._in_cell = False
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table":
            self._in_list = found.get("id") == "reports"
        elif self._in_list and tag == "th":
            self.keys.append(found.get("data-key") or "")
        elif self._in_list and tag == "tr" and "data-i" in found:
            self.rows.append([])
        elif self._in_list and tag == "td":
            self.rows[-1].append("")
            self._in_cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_list = False
        elif tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.rows[-1][-1] += data


def list_rows(markup: str) -> list[dict[str, str]]:
    """Each row of the list of reports, its cells' text by column key (``path``, ``body``, ``score`` …)."""
    found = _List(markup)
    return [dict(zip(found.keys, (cell.strip() for cell in row), strict=True)) for row in found.rows]
