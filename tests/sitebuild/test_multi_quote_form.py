"""The several-cities form's markup: its fields, texts, example link, credit and script."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from calculator import Language
from sitebuild.city_examples import DATA_VERSION, example_text, released_text
from sitebuild.multi_quote_form import (
    EXAMPLE_COUNTRY,
    SCRIPT_KEYS,
    render_multi_quote_form,
    script_messages,
)
from sitebuild.ui_text import ui_catalogue

LANGS = list(Language)


class Elements(HTMLParser):
    """Every start tag's attributes, by tag name."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **wanted):
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k.replace("_", "-")) == v for k, v in wanted.items())
        ]


def parsed(lang, root=".."):
    elements = Elements()
    elements.feed(render_multi_quote_form(lang, root))
    return elements


@pytest.mark.parametrize("lang", LANGS)
def test_form_has_the_list_and_the_fees_page_fields(lang):
    """A labelled textarea named cities, the country picker, GDP, category and year."""
    html = render_multi_quote_form(lang, "..")
    elements = parsed(lang)
    (textarea,) = elements.find("textarea", name="cities")
    assert re.search(rf'<label for="{textarea["id"]}">', html)
    assert elements.find("input", name="country")
    assert elements.find("input", name="gdp")
    assert len(elements.find("input", name="category")) == 2
    assert elements.find("input", name="approval_year")
    (form,) = elements.find("form", id="multi-quote")
    assert form["data-lang"] == lang.value


def test_script_messages_are_complete_in_both_languages():
    """Both languages give the page script the same strings, and only those it uses."""
    ru, en = (script_messages(lang.value) for lang in LANGS)
    assert set(ru) == set(en) == set(SCRIPT_KEYS)
    form = parsed(Language.EN).find("form", id="multi-quote")[0]
    assert json.loads(form["data-messages"]) == en
    assert ru["csv_delimiter"] == ";"
    assert en["csv_delimiter"] == ","


@pytest.mark.parametrize("lang", LANGS)
def test_example_link_carries_the_example_list(lang):
    """The example link's query is the example list and Russia, so it works as a plain link."""
    (link,) = parsed(lang).find("a", data_action="example")
    query = parse_qs(urlsplit(link["href"]).query)
    assert query["cities"] == [example_text(lang)]
    assert query["country"] == [EXAMPLE_COUNTRY]
    assert ui_catalogue(lang.value)["cities.example"] in render_multi_quote_form(lang, "..")


@pytest.mark.parametrize("lang", LANGS)
def test_credit_names_the_data_its_licence_and_date(lang):
    """GeoNames, CC BY 4.0, the package version and its date, and the Rosstat caveat."""
    html = render_multi_quote_form(lang, "..")
    credit = re.search(r'id="multi-quote-example-credit">(.*?)</p>', html).group(1)
    assert 'href="https://www.geonames.org/"' in credit
    assert 'rel="license">CC BY 4.0</a>' in credit
    assert DATA_VERSION in credit
    assert released_text(lang) in credit
    assert ("Росстата" if lang is Language.RU else "Rosstat") in credit


@pytest.mark.parametrize(("root", "src"), [("..", "../"), ("../..", "../../")])
def test_the_page_includes_its_own_module(root, src):
    """The module script's URL is relative to the page, like the other site URLs."""
    (script,) = parsed(Language.RU, root).find("script", type="module")
    assert script["src"] == f"{src}assets/javascripts/multi-quote.mjs"
