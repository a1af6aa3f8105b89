"""The lexer's tokens are Lark tokens: every field Lark's own constructor sets, set alike."""

from __future__ import annotations

import pickle

from lark import Token

from govlint.parsing.lexer import ReportToken

_ARGS = ("LABEL", "规章", 3, 1, 4, 1, 6, 5)


def _fields(token: Token) -> dict[str, object]:
    return {name: getattr(token, name) for name in Token.__slots__}


def test_a_report_token_has_every_field_of_a_lark_token() -> None:
    for size in range(2, len(_ARGS) + 1):
        args = _ARGS[:size]
        token = ReportToken(*args)
        assert _fields(token) == _fields(Token(*args))
        assert token == Token(*args) and str(token) == "规章"
        assert (token.hit, token.heading, token.atoms, token.label_atoms) == (None, None, (), ())
        assert (token.row, token.seq, token.table) == (-1, -1, "")
    keywords = ReportToken("X_HEAD", "", start_pos=2, end_pos=7)
    assert _fields(keywords) == _fields(Token("X_HEAD", "", start_pos=2, end_pos=7))


def test_lark_makes_report_tokens_through_it() -> None:
    token = ReportToken(*_ARGS)
    made = ReportToken.new_borrow_pos("OTHER", "x", token)
    assert isinstance(made, ReportToken)
    assert _fields(made) == _fields(Token.new_borrow_pos("OTHER", "x", Token(*_ARGS)))
    copied = pickle.loads(pickle.dumps(token))
    assert isinstance(copied, ReportToken) and _fields(copied) == _fields(pickle.loads(pickle.dumps(Token(*_ARGS))))
