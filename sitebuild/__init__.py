"""What the site build needs besides the engine: the markup of the calculator and the
application form, the interface text, country names, and the self-hosted Pyodide distribution.

MkDocs hooks (``hooks/``) are thin event handlers; they import from here. The package is
importable because the development install (``pip install -e .``) puts the repository root on
``sys.path``; it is never part of the calculator wheel.
"""
