"""`make coverage`'s report: each measurement read from its own file, added up per area."""

import pytest

from scripts.coverage_report import (
    Ratio,
    area_of,
    merged_e2e,
    node_files,
    parse_lcov,
    report,
)

OWN = "http://127.0.0.1:1/wego-membership-guide/assets/v/ab12/javascripts/"

LCOV = """TN:
SF:docs/assets/javascripts/ui-text.mjs
FN:1,text
FNDA:1,text
LH:15
LF:19
BRH:3
BRF:4
end_of_record
"""

PYTHON = {
    "files": {
        "calculator/schedule.py": {
            "summary": {
                "covered_lines": 90,
                "num_statements": 100,
                "covered_branches": 7,
                "num_branches": 10,
            }
        },
        "hooks/csp.py": {
            "summary": {
                "covered_lines": 10,
                "num_statements": 10,
                "covered_branches": 0,
                "num_branches": 0,
            }
        },
    }
}


@pytest.mark.parametrize(
    ("path", "area"),
    [
        ("calculator/schedule.py", "calculator/"),
        ("sitebuild/snapshot/x.py", "sitebuild/"),
        ("docs/assets/javascripts/fee-quote.mjs", "docs/assets/javascripts/"),
        ("docs/assets/javascripts/application/form.mjs", "docs/assets/javascripts/application/"),
    ],
)
def test_each_file_belongs_to_an_area(path, area):
    assert area_of(path) == area


def test_lcov_lines_found_and_hit_per_file():
    assert parse_lcov(LCOV) == {"docs/assets/javascripts/ui-text.mjs": Ratio(15, 19)}


def test_a_module_no_unit_test_loads_counts_as_none_of_its_lines_run():
    sources = {
        "docs/assets/javascripts/ui-text.mjs": "x\n" * 19,
        "docs/assets/javascripts/a.mjs": "a\n\nb\n",
    }
    assert node_files(parse_lcov(LCOV), sources) == {
        "docs/assets/javascripts/ui-text.mjs": Ratio(15, 19),
        "docs/assets/javascripts/a.mjs": Ratio(0, 3),
    }


def test_e2e_takes_of_one_script_from_two_processes_are_merged():
    takes = [
        {"scripts": {OWN + "a.mjs": {"length": 10, "ran": [[0, 3]]}}},
        {"scripts": {OWN + "a.mjs?v=2": {"length": 10, "ran": [[2, 6]]}}},
    ]
    assert merged_e2e(takes) == {"docs/assets/javascripts/a.mjs": (10, [(0, 6)])}


def test_e2e_takes_of_different_scripts_under_one_name_are_refused():
    takes = [
        {"scripts": {OWN + "a.mjs": {"length": 10, "ran": []}}},
        {"scripts": {OWN + "a.mjs": {"length": 12, "ran": []}}},
    ]
    with pytest.raises(ValueError, match="two lengths"):
        merged_e2e(takes)


def test_a_rewritten_copy_of_a_script_is_not_counted_as_the_module():
    """A test that serves a script with a line added ran that copy: its take is left out."""
    takes = [
        {"scripts": {OWN + "a.mjs": {"length": 10, "ran": [[0, 4]]}}},
        {"scripts": {OWN + "a.mjs": {"length": 12, "ran": [[0, 12]]}}},
    ]
    sources = {"docs/assets/javascripts/a.mjs": "x" * 10}
    assert merged_e2e(takes, sources) == {"docs/assets/javascripts/a.mjs": (10, [(0, 4)])}


def test_the_report_adds_each_measure_up_per_area_and_in_total():
    sources = {"docs/assets/javascripts/a.mjs": "run();\nskip();\n"}  # 15 UTF-16 units
    takes = [{"scripts": {OWN + "a.mjs": {"length": 15, "ran": [[0, 7]]}}}]
    result = report(PYTHON, "", takes, sources)
    areas = result["areas"]
    assert areas["calculator/"]["python_lines"] == {"covered": 90, "total": 100, "percent": 90.0}
    assert areas["total"]["python_lines"] == {"covered": 100, "total": 110, "percent": 90.9}
    assert areas["total"]["python_branches"]["percent"] == 70.0
    assert areas["docs/assets/javascripts/"]["js_node_lines"]["covered"] == 0
    assert areas["docs/assets/javascripts/"]["js_e2e_lines"]["percent"] == 50.0
    assert result["e2e_measured"] is True
    table = result["table"].splitlines()
    assert table[0].split("  ")[0] == "Area"
    assert [line.split()[0] for line in table[1:5]] == [
        "calculator/",
        "hooks/",
        "docs/assets/javascripts/",
        "total",
    ]


def test_without_e2e_takes_the_e2e_column_is_empty():
    result = report(PYTHON, LCOV, [], {"docs/assets/javascripts/ui-text.mjs": "x\n" * 19})
    assert result["e2e_measured"] is False
    assert "js_e2e_lines" not in result["areas"]["total"]
    assert result["areas"]["total"]["js_node_lines"]["percent"] == 78.9
