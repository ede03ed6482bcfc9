"""V8 block coverage to spans, and spans to line and byte figures of the source."""

import pytest

from harness.v8_coverage import (
    FileFigures,
    executed_spans,
    figures,
    merge_spans,
    source_path_for_url,
)


def function(*ranges):
    return {"ranges": [{"startOffset": s, "endOffset": e, "count": c} for s, e, c in ranges]}


def test_an_inner_range_overrides_its_parents_count():
    """A block that did not run inside a function that did, and a block inside it that did."""
    length, spans = executed_spans([function((0, 100, 1), (10, 20, 0), (12, 15, 1))])
    assert length == 100
    assert spans == [(0, 10), (12, 15), (20, 100)]


def test_a_function_never_called_is_a_hole_in_the_script():
    """Functions come as separate entries, in any order: nesting is by position."""
    never_called = function((20, 40, 0))
    length, spans = executed_spans([never_called, function((0, 50, 1))])
    assert (length, spans) == (50, [(0, 20), (40, 50)])


def test_a_script_that_never_ran_has_no_spans():
    assert executed_spans([function((0, 30, 0))]) == (30, [])


def test_spans_of_two_takes_are_merged():
    assert merge_spans([(0, 5), (10, 20)], [(4, 8), (20, 25), (30, 31)]) == [
        (0, 8),
        (10, 25),
        (30, 31),
    ]


def test_figures_count_lines_with_code_and_their_non_blank_bytes():
    source = "let a = 1;\n\n  if (a) {\n    b();\n  }\n"
    # Everything ran but the call on line 4: 18 non-blank bytes, the 4 of "b();" did not run.
    start = source.index("b();")
    found = figures(source, len(source), [(0, start), (start + 4, len(source))])
    assert found == FileFigures(lines=4, lines_covered=3, bytes=18, bytes_covered=14)


def test_offsets_are_utf16_units_and_bytes_are_utf8():
    """«ё» is one UTF-16 unit and two UTF-8 bytes; «𝄞» (beyond the BMP) two units, four bytes."""
    source = 'f("ё𝄞");\ng();\n'
    length = len(source.encode("utf-16-le")) // 2
    assert length == len(source) + 1
    g = source.index("g") + 1  # the UTF-16 offset of "g" is one past its index in the str
    found = figures(source, length, [(g, length)])
    assert found == FileFigures(lines=2, lines_covered=1, bytes=16, bytes_covered=4)


def test_a_source_that_is_not_the_measured_script_is_refused():
    with pytest.raises(ValueError, match="UTF-16 units"):
        figures("abc", 4, [])


@pytest.mark.parametrize(
    ("url", "path"),
    [
        (
            "http://127.0.0.1:8123/wego-membership-guide/assets/v/0123abcd/javascripts/fee-quote.mjs",
            "javascripts/fee-quote.mjs",
        ),
        (
            "http://127.0.0.1:1/wego-membership-guide/assets/v/ff00/javascripts/application/form.mjs?x=1",
            "javascripts/application/form.mjs",
        ),
        ("http://127.0.0.1:1/wego-membership-guide/assets/v/ff00/vendor/mermaid/mermaid.js", None),
        ("http://127.0.0.1:1/wego-membership-guide/assets/pyodide/0.29.5/pyodide.mjs", None),
        ("http://127.0.0.1:1/wego-membership-guide/fees/", None),
        ("", None),
    ],
)
def test_only_the_sites_own_scripts_map_to_a_source(url, path):
    assert source_path_for_url(url) == path
