"""axe-core finds no WCAG 2.2 AA violation on the home page, in both languages."""

import pytest

from .axe import axe_violations


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_home_has_no_violations(visit, site, lang):
    """The home page passes axe in both languages."""
    visit.page.goto(site.url(lang))
    assert axe_violations(visit.page) == []
