"""What the tests and the scripts (benchmark, quality report) share to exercise the site.

``local_server``: the built site served on loopback under the GitHub Pages sub-path.
``hostile_inputs``: the corpus of malformed and hostile values for the number fields.

Neither tests/ nor scripts/ is imported by the other for these, so the two never form a
cycle. Std-lib only: the engine tests that use the corpus also run inside Pyodide.
"""
