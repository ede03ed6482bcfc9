"""The JSON Schema of the engine's records, generated from :mod:`calculator.records`.

The ``TypedDict`` s are the one description of the contract; this module turns them into
``schema/records.schema.json`` (JSON Schema 2020-12) so the browser side and the site
build can check the same shapes without reading Python. The committed file is compared
with :func:`build_schema` by a test, so it cannot drift from the types.

Regenerate it after changing ``records.py``: ``python -m calculator.record_schema``
(``--check`` only compares, exiting 1 when the file is stale).
"""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

from . import records

__all__ = ["ROOTS", "SCHEMA_FILE", "build_schema", "main", "schema_text"]

#: Where the schema ships, inside the package (and so inside the wheel).
SCHEMA_FILE = ("schema", "records.schema.json")
#: The records an answer can be: what ``answer``, ``quote_cities`` and ``answer_json`` give.
ROOTS = (records.QuoteRecord, records.ErrorRecord, records.BatchRecord, records.BatchErrorRecord)

Schema = dict[str, object]
_SCALARS: dict[object, Schema] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}


class _Builder:
    """Walks type annotations; every TypedDict becomes one entry of ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, Schema] = {}

    def schema(self, annotation: object) -> Schema:
        if annotation in _SCALARS:
            return dict(_SCALARS[annotation])
        if is_typeddict(annotation):
            return self._typed_dict(annotation)
        origin, args = get_origin(annotation), get_args(annotation)
        if origin is Literal:
            return {"enum": list(args)}
        if origin in (Union, types.UnionType):
            return {"anyOf": [self.schema(arg) for arg in args]}
        if origin is list:
            return {"type": "array", "items": self.schema(args[0])}
        if origin is dict and args[0] is str:
            return {"type": "object", "additionalProperties": self.schema(args[1])}
        raise TypeError(f"no JSON Schema for {annotation!r}: extend record_schema.py")

    def _typed_dict(self, typed: object) -> Schema:
        name = getattr(typed, "__name__", "")
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: a record may (one day) hold itself
            hints = get_type_hints(typed)
            required: frozenset[str] = getattr(typed, "__required_keys__", frozenset())
            doc = (getattr(typed, "__doc__", None) or "").strip().split("\n\n")[0]
            self.defs[name] = {
                "type": "object",
                **({"description": " ".join(doc.split())} if doc else {}),
                "properties": {key: self.schema(hint) for key, hint in hints.items()},
                "required": [key for key in hints if key in required],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}


def build_schema() -> Schema:
    """The whole schema: any of the root records, every record shape under ``$defs``."""
    builder = _Builder()
    roots = [builder.schema(root) for root in ROOTS]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "WeGO fee engine records",
        "description": (
            "What calculator.answer, calculator.quote_cities and calculator.answer_json "
            "give; generated from calculator/records.py by calculator/record_schema.py."
        ),
        "anyOf": roots,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


def _schema_path() -> Path:
    return Path(str(resources.files(__package__).joinpath(*SCHEMA_FILE)))


def main(argv: Sequence[str] | None = None) -> int:
    """Write the schema file, or with ``--check`` say whether it is current (exit 1 if not)."""
    args = list(sys.argv[1:] if argv is None else argv)
    path = _schema_path()
    if args == ["--check"]:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != schema_text():
            print(f"{path} is stale: run python -m calculator.record_schema", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
