"""Every page of the built site opens in both languages under a sub-path."""

import pytest

from tests.pages import LANGS, SLUGS


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("slug", SLUGS)
def test_page_opens(visit, site, lang, slug):
    """The page answers 200, declares its language and has one H1."""
    response = visit.page.goto(site.url(lang, slug))
    assert response is not None
    assert response.status == 200
    assert visit.page.locator("html").get_attribute("lang") == lang
    assert visit.page.locator("article h1").count() == 1
