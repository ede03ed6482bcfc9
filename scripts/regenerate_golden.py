"""Rewrite the committed renderings of the fee table (tests/golden/), one per language.

Run it (``make golden``) after changing the schedule, the catalogues or the renderer;
review the diff; commit it with the change. tests/calculator/test_render.py compares the
engine's output with these files.
"""

from pathlib import Path

from calculator import Language, render_caveats_html, render_table_html

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden"


def renderings() -> dict[str, str]:
    """File name -> the engine's current HTML, pretty enough to review line by line."""
    files = {}
    for lang in Language:
        table = render_table_html(lang).replace("<tr", "\n<tr").replace("<li", "\n<li")
        files[f"fee-table.{lang.value}.html"] = table + "\n"
        caveats = render_caveats_html(lang).replace("<li", "\n<li")
        files[f"schedule-caveats.{lang.value}.html"] = caveats + "\n"
    return files


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, text in renderings().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"wrote tests/golden/{name}")


if __name__ == "__main__":
    main()
