"""The schedule as HTML for the site, in one language.

Rendered at build time by the site's hook; the browser widget highlights a cell through
the ``data-gdp-band`` / ``data-population-band`` attributes written here. Every text is
escaped: catalogue text is data, not markup.
"""

from __future__ import annotations

from html import escape

from .formatting import format_integer
from .labels import band_label, caveat, provenance_label
from .locales import Language
from .messages import message
from .schedule import POPULATION_UNIT, Cell, Schedule, get_schedule

__all__ = ["FOOTNOTE_MARKS", "render_caveats_html", "render_table_html"]

#: The marks that point from a cell to its own footnote, given in table order.
FOOTNOTE_MARKS = ("*", "†", "‡", "§")


def _footnote_id(cell: Cell) -> str:
    return f"wego-fee-note-{cell.provenance.value}-{cell.gdp_band}-{cell.first_population_band}"


def _marks(table: Schedule) -> dict[Cell, str]:
    """Each cell that needs confirming, with its own mark: one footnote per cell."""
    marked = [cell for cell in table.cells if cell.provenance.needs_confirmation]
    if len(marked) > len(FOOTNOTE_MARKS):
        raise ValueError("more marked cells than footnote marks")
    return dict(zip(marked, FOOTNOTE_MARKS, strict=False))


def _bands(lower_bounds: tuple[int, ...], unit: int, lang: Language) -> list[str]:
    bounds = [b // unit for b in lower_bounds]
    uppers: list[int | None] = [*bounds[1:], None]
    return [band_label(lo, hi, lang) for lo, hi in zip(bounds, uppers, strict=True)]


def _cell_html(cell: Cell, lang: Language, mark: str | None) -> str:
    bands = cell.population_bands
    attrs = {
        "data-gdp-band": str(cell.gdp_band),
        "data-population-band": str(bands.start),
        "data-fee-usd": str(cell.fee_usd),
        "data-provenance": cell.provenance.value,
    }
    if cell.span > 1:
        attrs["colspan"] = str(cell.span)
    text = escape(format_integer(cell.fee_usd, lang))
    if mark:
        label = escape(provenance_label(cell.provenance, lang), quote=True)
        href = f"#{_footnote_id(cell)}"
        text += f'<sup><a href="{href}" title="{label}" aria-label="{label}">{mark}</a></sup>'
    rendered = " ".join(f'{name}="{value}"' for name, value in attrs.items())
    return f"<td {rendered}>{text}</td>"


def render_table_html(lang: Language, schedule: Schedule | None = None) -> str:
    """The whole schedule: merged cells as colspan, marked cells with footnotes below."""
    table = schedule or get_schedule()
    marks = _marks(table)
    population = _bands(table.population_lower_bounds, POPULATION_UNIT, lang)
    gdp = _bands(table.gdp_lower_bounds, 1, lang)
    corner = (
        f"{escape(message('table.gdp_header', lang))} \\ "
        f"{escape(message('table.population_header', lang))}"
    )
    head = "".join(
        f'<th scope="col" data-population-band="{i}">{escape(label)}</th>'
        for i, label in enumerate(population)
    )
    body = []
    for index, row in enumerate(table.rows):
        cells = "".join(_cell_html(cell, lang, marks.get(cell)) for cell in row)
        body.append(
            f'<tr data-gdp-band="{index}"><th scope="row">{escape(gdp[index])}</th>{cells}</tr>'
        )
    footnotes = "".join(
        f'<li id="{_footnote_id(cell)}" data-provenance="{cell.provenance.value}" '
        f'data-fee-range-usd="{cell.fee_range_usd[0]} {cell.fee_range_usd[1]}">'
        f'<span aria-hidden="true">{mark}</span> '
        f"{escape(caveat(cell, lang, table) or '')}</li>"
        for cell, mark in marks.items()
    )
    # The caption dates the table by its letter, as every quote does (schedule.json).
    caption = message("table.caption", lang, year=table.source_date.year)
    return (
        f'<div class="wego-schedule" data-wego-schedule lang="{lang.value}">'
        f'<table class="wego-schedule__table">'
        f"<caption>{escape(caption)}</caption>"
        f'<thead><tr><th scope="col">{corner}</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
        f'<ul class="wego-schedule__notes" aria-label="{escape(message("table.footnotes", lang))}">'
        f"{footnotes}</ul></div>"
    )


def render_caveats_html(lang: Language, schedule: Schedule | None = None) -> str:
    """The estimated and irregular cells, each with where it is and why to confirm it."""
    table = schedule or get_schedule()
    population = _bands(table.population_lower_bounds, POPULATION_UNIT, lang)
    gdp = _bands(table.gdp_lower_bounds, 1, lang)
    items = []
    for cell in table.cells:
        text = caveat(cell, lang, table)
        if text is None:
            continue
        where = message(
            "table.cell_label",
            lang,
            what=provenance_label(cell.provenance, lang),
            population=population[cell.first_population_band],
            gdp=gdp[cell.gdp_band],
        )
        items.append(
            f'<li data-provenance="{cell.provenance.value}"><strong>{escape(where)}</strong>. '
            f"{escape(text)}</li>"
        )
    return f'<ul class="wego-schedule-caveats">{"".join(items)}</ul>'
