"""The part of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that govlint's output uses.

Written by hand from the official schema for the objects govlint emits, with the same constraints:
closed objects (``additionalProperties: false``), required properties, enumerations and minimums.  A
property govlint does not emit is left out, so an unexpected property fails validation.
"""

from __future__ import annotations

from typing import Any


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{name}"}


def _array(item: dict[str, Any], *, unique: bool = False) -> dict[str, Any]:
    return {"type": "array", "minItems": 0, "uniqueItems": unique, "items": item}


_LEVEL = {"enum": ["none", "note", "warning", "error"]}
_INDEX = {"type": "integer", "minimum": -1}
_LANGUAGE = {"type": "string", "pattern": "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"}

SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    **_object(
        {
            "$schema": {"type": "string", "format": "uri"},
            "version": {"enum": ["2.1.0"]},
            "runs": _array(_ref("run")),
        },
        ("version", "runs"),
    ),
    "definitions": {
        "propertyBag": {
            "type": "object",
            "additionalProperties": True,
            "properties": {"tags": _array({"type": "string"}, unique=True)},
        },
        "message": _object({"text": {"type": "string"}, "markdown": {"type": "string"}}),
        "multiformatMessageString": _object(
            {"text": {"type": "string"}, "markdown": {"type": "string"}, "properties": _ref("propertyBag")}, ("text",)
        ),
        "artifactLocation": _object(
            {"uri": {"type": "string", "format": "uri-reference"}, "uriBaseId": {"type": "string"}, "index": _INDEX}
        ),
        "region": _object(
            {
                "startLine": {"type": "integer", "minimum": 1},
                "startColumn": {"type": "integer", "minimum": 1},
                "endLine": {"type": "integer", "minimum": 1},
                "endColumn": {"type": "integer", "minimum": 1},
            }
        ),
        "physicalLocation": _object({"artifactLocation": _ref("artifactLocation"), "region": _ref("region")}),
        "location": _object({"physicalLocation": _ref("physicalLocation"), "message": _ref("message")}),
        "reportingConfiguration": _object({"enabled": {"type": "boolean"}, "level": _LEVEL}),
        "reportingDescriptor": _object(
            {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "shortDescription": _ref("multiformatMessageString"),
                "fullDescription": _ref("multiformatMessageString"),
                "help": _ref("multiformatMessageString"),
                "helpUri": {"type": "string", "format": "uri"},
                "defaultConfiguration": _ref("reportingConfiguration"),
                "properties": _ref("propertyBag"),
            },
            ("id",),
        ),
        "reportingDescriptorReference": _object({"id": {"type": "string"}, "index": _INDEX}),
        "toolComponent": _object(
            {
                "name": {"type": "string"},
                "version": {"type": "string"},
                "informationUri": {"type": "string", "format": "uri"},
                "rules": _array(_ref("reportingDescriptor"), unique=True),
            },
            ("name",),
        ),
        "tool": _object({"driver": _ref("toolComponent")}, ("driver",)),
        "notification": _object(
            {
                "locations": _array(_ref("location"), unique=True),
                "message": _ref("message"),
                "level": _LEVEL,
                "associatedRule": _ref("reportingDescriptorReference"),
            },
            ("message",),
        ),
        "invocation": _object(
            {"executionSuccessful": {"type": "boolean"}, "toolExecutionNotifications": _array(_ref("notification"))},
            ("executionSuccessful",),
        ),
        "result": _object(
            {
                "ruleId": {"type": "string"},
                "ruleIndex": _INDEX,
                "level": _LEVEL,
                "message": _ref("message"),
                "locations": _array(_ref("location")),
                "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                "baselineState": {"enum": ["new", "unchanged", "updated", "absent"]},
                "properties": _ref("propertyBag"),
            },
            ("message",),
        ),
        "run": _object(
            {
                "tool": _ref("tool"),
                "invocations": _array(_ref("invocation")),
                "language": _LANGUAGE,
                "originalUriBaseIds": {"type": "object", "additionalProperties": _ref("artifactLocation")},
                "results": _array(_ref("result")),
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
            },
            ("tool",),
        ),
    },
}
