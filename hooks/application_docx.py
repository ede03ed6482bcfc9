"""MkDocs hook: write the texts of the application page's Word documents into the built site.

``sitebuild/application_docx.py`` turns the form's declarations and catalogues into one JSON
file per language; the page fetches its language's file only when a document is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitebuild.application_docx import write_document_texts
from sitebuild.i18n_build import is_default_language_build


def on_post_build(config: Any) -> None:
    """MkDocs event: after the pages are written; the files of every language go to the root
    build only, as the other shared assets do."""
    if is_default_language_build(config):
        write_document_texts(Path(config["site_dir"]))
