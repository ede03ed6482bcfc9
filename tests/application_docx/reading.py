"""Reading the application page's Word documents back, as an office's Word-compatible reader
would: python-docx for the text and layout, LibreOffice for a rendering."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
from docx.document import Document
from docx.shared import Mm

from calculator import Language
from sitebuild.application_docx import document_texts

ROOT = Path(__file__).resolve().parents[2]
RENDER = ROOT / "tests" / "application_docx" / "render.mjs"
NODE = shutil.which("node")
SOFFICE = shutil.which("soffice")
PDFINFO = shutil.which("pdfinfo")


def texts(lang: str) -> dict[str, Any]:
    """The page's texts file, as the build writes it."""
    return document_texts(Language(lang))


def render(jobs: list[dict[str, Any]]) -> list[str]:
    """Build documents in Node with the page's generator; returns the page's file names."""
    assert NODE, "Node.js is needed (make setup)"
    completed = subprocess.run(
        [NODE, str(RENDER)],
        input=json.dumps({"jobs": jobs}),
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    names: list[str] = json.loads(completed.stdout)
    return names


def open_document(path: Path) -> Document:
    """The file opened by python-docx, after every part is checked to be well-formed XML."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                ElementTree.fromstring(archive.read(name))  # raises on anything not XML 1.0
    return docx.Document(str(path))


def all_text(document: Document) -> str:
    """Every paragraph of the body, its tables and the footers, one per line."""
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    for section in document.sections:
        parts += [paragraph.text for paragraph in section.footer.paragraphs]
    return "\n".join(parts)


def table_rows(document: Document) -> list[list[tuple[str, str]]]:
    """(label, value) of each row of the form's section tables, one list per section; a group's
    heading row (one cell across) is left out. The signature table comes after them."""
    sections = len(texts("en")["application"]["sections"])
    tables = []
    for table in document.tables[:sections]:
        rows = []
        for row in table.rows:
            label, value = row.cells
            if label._tc is not value._tc:
                rows.append((label.text, value.text))
        tables.append(rows)
    return tables


def is_a4(document: Document) -> bool:
    return all(
        abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
        for section in document.sections
    )


def to_pdf(paths: list[Path], out_dir: Path) -> list[Path]:
    """Convert with LibreOffice headless, in a private profile, in one run."""
    assert SOFFICE, "LibreOffice is needed (Debian libreoffice-writer-nogui)"
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, paths),
        ],
        capture_output=True,
        check=True,
        timeout=240,
    )
    return [out_dir / f"{path.stem}.pdf" for path in paths]


def pdf_pages(path: Path) -> tuple[int, str]:
    """The page count and the page size pdfinfo reports ("… (A4)")."""
    assert PDFINFO, "pdfinfo is needed (Debian poppler-utils)"
    info = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True, check=True).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    size = re.search(r"^Page size:\s+(.*)$", info, re.MULTILINE)
    assert pages, info
    assert size, info
    return int(pages.group(1)), size.group(1)


def expected_rows(draft: dict[str, str], lang: str) -> list[list[tuple[str, str]]]:
    """What ``table_rows`` should read for ``draft``: every label, each typed value in its
    row as the page shows it (months in the page's format), "" where nothing was typed."""
    month_format = texts(lang)["month_format"]

    def shown(name: str, month: bool) -> str:
        value = draft.get(name, "").strip()
        match = re.fullmatch(r"(\d{4})-(\d{2})", value) if month else None
        return month_format.format(year=match[1], month=match[2]) if match else value

    tables = []
    for section in texts(lang)["application"]["sections"]:
        rows = []
        for row in section["rows"]:
            label = "\n".join(row["label"])
            if row["kind"] == "field":
                rows.append((label, shown(row["name"], row["month"])))
            elif row["kind"] == "term":
                start, end = (shown(name, True) for name in row["fields"])
                rows.append((label, f"{start or '____'} – {end or '____'}" if start or end else ""))
        tables.append(rows)
    return tables
