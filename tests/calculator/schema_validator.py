"""A minimal JSON Schema validator for the subset calculator/record_schema.py emits.

``jsonschema`` is not a dependency, and the generator only writes ``$ref`` (to ``$defs``),
``anyOf``, ``enum``, ``type`` (one name), ``properties``, ``required``,
``additionalProperties`` (false or a schema) and ``items``. Any other keyword is refused, so
a generator that starts writing one fails here instead of being silently ignored.
"""

from __future__ import annotations

KNOWN = {
    "$schema",
    "$ref",
    "$defs",
    "title",
    "description",
    "anyOf",
    "enum",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
}


def _type_ok(value: object, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, dict)
    raise ValueError(f"unknown type {name!r}")


def errors(value: object, schema: dict, root: dict | None = None, path: str = "$") -> list[str]:
    """Every way ``value`` breaks ``schema``, as ``path: problem`` strings (empty: valid)."""
    root = root if root is not None else schema
    unknown = set(schema) - KNOWN
    if unknown:
        raise ValueError(f"{path}: keywords this validator does not know: {sorted(unknown)}")
    if "$ref" in schema:
        prefix = "#/$defs/"
        assert schema["$ref"].startswith(prefix), schema["$ref"]
        return errors(value, root["$defs"][schema["$ref"].removeprefix(prefix)], root, path)
    if "anyOf" in schema:
        tries = [errors(value, option, root, path) for option in schema["anyOf"]]
        if any(not found for found in tries):
            return []
        closest = min(tries, key=len)
        return [f"{path}: matches none of {len(tries)} options; closest: {closest[:3]}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{path}: {value!r} is not one of {schema['enum']}"]
    if "type" in schema and not _type_ok(value, schema["type"]):
        return [f"{path}: {type(value).__name__} is not {schema['type']}"]
    found: list[str] = []
    if isinstance(value, dict) and schema.get("type") == "object":
        properties = schema.get("properties", {})
        found += [
            f"{path}: missing {key!r}" for key in schema.get("required", []) if key not in value
        ]
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                found += errors(item, properties[key], root, f"{path}.{key}")
            elif extra is False:
                found.append(f"{path}: unexpected key {key!r}")
            elif isinstance(extra, dict):
                found += errors(item, extra, root, f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += errors(item, schema["items"], root, f"{path}[{index}]")
    return found
