"""Trim the interpreter's memory before the engine snapshot is taken (runs inside Pyodide).

Why: the snapshot is live interpreter state, and about a sixth of its compressed size was text
and tables no reader's quote ever uses: the docstrings of the ~4,600 functions Pyodide and the
engine load at start, and the column positions in their line tables (PEP 657's carets under a
traceback). CPython can leave both out itself (``python -OO`` drops docstrings,
``-X no_debug_ranges`` drops columns), but Pyodide's standard library is compiled with both,
so this rewrites the functions already loaded the same way: each function gets a copy of its
code without the docstring and with a line table of line numbers only. Tracebacks keep every
file and line number; they lose the carets. Measured on the shipped snapshot: 3.43 MB to
2.90 MB gzipped.

Safety, checked per code object rather than assumed:

* the docstring slot (``co_consts[0]``, a ``str``) is emptied only when no instruction loads
  constant 0, so a string the function also uses as a value stays;
* the new line table must give exactly the same ``co_lines()`` (instruction ranges to line
  numbers) as the old one, or the code keeps its old table.

The Node maker (``sitebuild/snapshot/make-snapshot.mjs``) runs this file's source in the
snapshot's interpreter and calls ``trim_interpreter()``; the build then answers every check
request after restore, and the unit tests run the same functions under CPython.
"""

from __future__ import annotations

import dis
import gc
import sys
import types
import zipimport

__all__ = ["line_numbers_only", "trim_code", "trim_interpreter"]

#: The 3.11+ location table entry kinds used here (CPython's Objects/locations.md).
_NO_COLUMNS = 13
_NO_LOCATION = 15
#: An entry covers at most 8 code units (16 bytes of bytecode).
_MAX_UNITS = 8
#: Type flags: a class defined in Python is a heap type that is not immutable (C extensions'
#: heap types are immutable, and their docstrings are C strings anyway).
_HEAP_TYPE = 1 << 9
_PYTHON_CLASS = _HEAP_TYPE | (1 << 8)  # Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_IMMUTABLETYPE
#: Instructions that take an index into ``co_consts``.
_CONST_OPCODES = frozenset(dis.hasconst)


def _varint(value: int, out: bytearray) -> None:
    while value >= 64:
        out.append(64 | (value & 63))
        value >>= 6
    out.append(value)


def line_numbers_only(code: types.CodeType) -> bytes:
    """``code``'s line table with line numbers and no column positions, the form
    ``-X no_debug_ranges`` compiles to."""
    out = bytearray()
    previous = code.co_firstlineno
    for start, end, line in code.co_lines():
        units = (end - start) // 2
        while units > 0:
            length = min(units, _MAX_UNITS)
            units -= length
            if line is None:
                out.append(0x80 | (_NO_LOCATION << 3) | (length - 1))
                continue
            out.append(0x80 | (_NO_COLUMNS << 3) | (length - 1))
            delta = line - previous
            _varint((-delta << 1) | 1 if delta < 0 else delta << 1, out)
            previous = line
    return bytes(out)


def _loads_constant_zero(code: types.CodeType) -> bool:
    return any(
        instruction.opcode in _CONST_OPCODES and instruction.arg == 0
        for instruction in dis.get_instructions(code)
    )


#: Old code object's id -> its trimmed copy. Old code objects are not held here (holding them
#: until the end made the snapshot 0.33 MB larger: the copies then land in fresh memory
#: instead of the holes the old ones leave). An id can be reused once its object is freed, but
#: only code objects that existed before trimming began are ever looked up, and those were
#: all alive at once, so no two of them share an id.
Memo = dict[int, types.CodeType]


def trim_code(code: types.CodeType, done: Memo | None = None) -> types.CodeType:
    """A copy of ``code`` (and of the code objects nested in it) without its docstring and with
    line numbers only; a part that fails its check stays as it was. Code shared by several
    functions is trimmed once (``done``)."""
    done = {} if done is None else done
    if id(code) in done:
        return done[id(code)]
    consts = [trim_code(c, done) if isinstance(c, types.CodeType) else c for c in code.co_consts]
    if consts and isinstance(consts[0], str) and not _loads_constant_zero(code):
        consts[0] = None
    trimmed = code.replace(co_consts=tuple(consts), co_linetable=line_numbers_only(code))
    if list(trimmed.co_lines()) != list(code.co_lines()):
        trimmed = code.replace(co_consts=tuple(consts))
    done[id(code)] = trimmed
    return trimmed


def trim_interpreter() -> int:
    """Trim every function, class and module now alive, and drop the import system's caches
    of the full standard library (the snapshot path starts with an empty one); return the
    number of functions trimmed."""
    done: Memo = {}
    functions = 0
    for obj in gc.get_objects():
        if isinstance(obj, types.FunctionType):
            obj.__code__ = trim_code(obj.__code__, done)
            obj.__doc__ = None
            functions += 1
        elif isinstance(obj, type) and isinstance(vars(obj).get("__doc__"), str):
            if obj.__flags__ & _PYTHON_CLASS == _HEAP_TYPE:  # a class defined in Python
                obj.__doc__ = None
        elif isinstance(obj, types.ModuleType):
            obj.__doc__ = None
    done.clear()
    zipimport._zip_directory_cache.clear()  # type: ignore[attr-defined]
    sys.path_importer_cache.clear()
    gc.collect()
    return functions
