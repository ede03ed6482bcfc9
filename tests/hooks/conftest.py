"""Hooks import their siblings by bare name (MkDocs puts hooks/ on sys.path): so do the tests."""

import sys
from pathlib import Path

HOOKS = str(Path(__file__).resolve().parents[2] / "hooks")
if HOOKS not in sys.path:
    sys.path.insert(0, HOOKS)
