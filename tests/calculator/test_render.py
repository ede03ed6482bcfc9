"""calculator.render: the schedule as the site shows it, cell by cell and against golden files."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculator.formatting import format_usd
from calculator.locales import Language
from calculator.render import render_caveats_html, render_table_html

from .expected import ESTIMATED, FEES, IRREGULAR, MERGED_ROWS

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


class Cells(HTMLParser):
    """Collects the attributes and text of every <td> and <th>."""

    def __init__(self):
        super().__init__()
        self.cells, self.headers, self._current = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._current = {"tag": tag, **dict(attrs), "text": ""}

    def handle_data(self, data):
        if self._current is not None:
            self._current["text"] += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._current is not None:
            (self.cells if tag == "td" else self.headers).append(self._current)
            self._current = None


def parse(html):
    parser = Cells()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("lang", list(Language))
class TestTable:
    """The rendered table is the schedule: every figure, span and mark."""

    def test_cells_match_schedule(self, lang):
        """Each <td> carries its bands and fee; merged cells span two columns."""
        cells = parse(render_table_html(lang)).cells
        assert len(cells) == 2 * 4 + 7 * 8
        for cell in cells:
            g, p = int(cell["data-gdp-band"]), int(cell["data-population-band"])
            last = p + int(cell.get("colspan", "1")) - 1
            assert int(cell["data-fee-usd"]) == FEES[g][p] == FEES[g][last]
            assert cell.get("colspan") == ("2" if g in MERGED_ROWS else None)
            assert last - p + 1 == (2 if g in MERGED_ROWS else 1)

    def test_marked_cells_have_footnotes(self, lang):
        """The estimated cell is marked *, the two off-step ones † and ‡, each with its note."""
        html = render_table_html(lang)
        cells = {
            (int(c["data-gdp-band"]), int(c["data-population-band"])): c for c in parse(html).cells
        }
        for position in ESTIMATED:
            assert cells[position]["data-provenance"] == "estimated"
            assert cells[position]["text"].endswith("*")
        for position, mark in zip(sorted(IRREGULAR), "†‡", strict=True):
            assert cells[position]["data-provenance"] == "irregular"
            assert cells[position]["text"].endswith(mark)
        for note in ("estimated-3-7", "irregular-8-6", "irregular-8-7"):
            assert html.count(f'id="wego-fee-note-{note}"') == 1
            assert html.count(f'href="#wego-fee-note-{note}"') == 1
        assert 'data-fee-range-usd="2500 2800"' in html

    def test_headers_are_band_labels(self, lang):
        """Column and row headers are the band labels in the page's language."""
        headers = [h["text"] for h in parse(render_table_html(lang)).headers]
        if lang is Language.RU:
            assert headers[1:9][-1] == "10\u00a0000 и более"
            assert "20\u00a0000 и более" in headers
        else:
            assert headers[1:9][-1] == "10,000+"
            assert "20,000+" in headers
        assert headers[1] == "0–299"

    def test_golden_table(self, lang):
        """The committed rendering (make golden) is current."""
        golden = (GOLDEN / f"fee-table.{lang.value}.html").read_text("utf-8")
        assert golden.replace("\n", "") == render_table_html(lang)

    def test_golden_caveats(self, lang):
        """The committed caveats rendering (make golden) is current."""
        golden = (GOLDEN / f"schedule-caveats.{lang.value}.html").read_text("utf-8")
        assert golden.replace("\n", "") == render_caveats_html(lang)

    def test_caveats_list_both_cells(self, lang):
        """The caveats list names the estimated cell's two readings and both off-step cells."""
        html = render_caveats_html(lang)
        assert html.count("<li") == 3
        for fee in (2500, 2800, 8500, 9000, 9500, 10000):
            assert format_usd(fee, lang) in html
