"""Shared test settings and fixtures: a Hypothesis profile sized for a 2-core CI machine, and
the site built once per session from the current tree."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from harness.site_build import build_site

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `mkdocs build --strict` makes it from the current tree (pinned clock)."""
    out = tmp_path_factory.mktemp("site")
    completed = build_site(out)
    if completed.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{completed.stderr[-4000:]}")
    return out
