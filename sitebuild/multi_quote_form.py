"""The several-cities form (``<!-- wego:multi-quote -->``), rendered at build time.

One list of cities (a textarea: name and population per line), the fees page's country picker
and GDP field, category and approval year. The module script
``assets/javascripts/multi-quote.mjs`` starts ``cities-quote.mjs`` on the form, which sends the
whole list to the engine in one request and shows the table it answers; the page includes
that script itself, so it loads only where the form is. The example link carries the
Republic of Tatarstan's cities (sitebuild/city_examples.py) in its query string, so it works
as a plain link too. Every string comes from sitebuild/locales; every attribute is escaped.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urlencode

from calculator import Language, format_integer
from calculator.batch import MAX_CITIES
from sitebuild.city_examples import (
    DATA_LICENSE_URL,
    DATA_SOURCE_URL,
    DATA_VERSION,
    MIN_POPULATION,
    example_text,
    released_text,
    tatarstan_cities,
)
from sitebuild.fee_quote_form import (
    approval_year_field,
    attr,
    category_field,
    country_field,
    gdp_field,
)
from sitebuild.ui_text import text, ui_catalogue

__all__ = [
    "EXAMPLE_COUNTRY",
    "MAX_LINK_CITIES",
    "SCRIPT_KEYS",
    "example_query",
    "render_multi_quote_form",
    "script_messages",
]

#: A link carries at most this many cities; a longer list is refused with a message.
MAX_LINK_CITIES = 50
#: The example's country (ISO 3166-1 alpha-3): its GDP comes from the World Bank data.
EXAMPLE_COUNTRY = "RUS"
_PREFIX = "cities."
#: The strings the page script shows (``data-messages``); the rest is rendered here.
SCRIPT_KEYS = (
    "loading",
    "ready",
    "failed",
    "working",
    # One message per plural category (Intl.PluralRules in the page's language).
    "done_one",
    "done_few",
    "done_many",
    "done_other",
    "link_copied",
    "copy_failed",
    "link_too_long",
    "nothing_to_save",
    "caption",
    "errors_heading",
    "printed_on",
    "unofficial",
    "csv_file",
    "csv_delimiter",
    "restored_one",
    "restored_few",
    "restored_many",
    "restored_other",
    "print_country",
    "print_gdp",
    "print_gdp_typed",
)


def script_messages(lang: str) -> dict[str, str]:
    """The component's strings for the page script (``data-messages``), without the prefix."""
    return {key: ui_catalogue(lang)[_PREFIX + key] for key in SCRIPT_KEYS}


def example_query(language: Language) -> str:
    """The example link's query string: the list and the country, as the script writes them."""
    return "?" + urlencode({"cities": example_text(language), "country": EXAMPLE_COUNTRY})


def _example_credit(language: Language) -> str:
    """Where the example comes from, its licence and age, and the Rosstat caveat."""
    lang = language.value
    geonames = f'<a href="{attr(DATA_SOURCE_URL)}">GeoNames</a>'
    licence = f'<a href="{attr(DATA_LICENSE_URL)}" rel="license">CC BY 4.0</a>'
    body = escape(ui_catalogue(lang)["cities.example_credit"]).format(
        count=len(tatarstan_cities()),
        min=escape(format_integer(MIN_POPULATION, language)),
        geonames=geonames,
        license=licence,
        version=escape(DATA_VERSION),
        released=escape(released_text(language)),
    )
    return (
        f'<p class="wego-quote__hint wego-multi__credit" id="multi-quote-example-credit">{body}</p>'
    )


def _list_field(language: Language, example_href: str) -> str:
    lang = language.value
    field_id = "multi-quote-cities"
    return (
        '<div class="wego-quote__field wego-multi__list" data-field="cities">'
        f'<label for="{field_id}">{escape(text(lang, "cities.list"))}</label>'
        f'<p class="wego-quote__hint" id="{field_id}-hint">'
        f"{escape(text(lang, 'cities.list_hint'))} "
        f"{escape(text(lang, 'cities.limit', max=format_integer(MAX_CITIES, language)))}</p>"
        f'<p class="wego-multi__example"><a href="{attr(example_href)}" data-action="example">'
        f"{escape(text(lang, 'cities.example'))}</a></p>"
        f"{_example_credit(language)}"
        f'<textarea id="{field_id}" name="cities" rows="10" cols="48" spellcheck="false" '
        f'autocomplete="off" required aria-required="true" '
        f'aria-describedby="{field_id}-hint {field_id}-restored {field_id}-error"></textarea>'
        # Filled by the script when a list too long for a link comes back after a reload.
        f'<p class="wego-quote__hint wego-multi__restored" id="{field_id}-restored" '
        'data-restored aria-live="polite" hidden></p>'
        f'<p class="wego-quote__error" id="{field_id}-error" data-error-for="cities" hidden></p>'
        "</div>"
    )


def _button(lang: str, action: str, key: str) -> str:
    return (
        f'<button type="button" class="md-button" data-action="{action}" hidden>'
        f"{escape(text(lang, key))}</button>"
    )


def render_multi_quote_form(language: Language, root: str) -> str:
    """The ``#multi-quote`` form and its module script; ``root`` is the site root from the page."""
    lang = language.value
    assets = f"{root.rstrip('/')}/assets/"
    data = {
        "data-lang": lang,
        "data-max-link-cities": str(MAX_LINK_CITIES),
        "data-messages": json.dumps(script_messages(lang), ensure_ascii=False, sort_keys=True),
    }
    data_attrs = " ".join(f'{name}="{attr(value)}"' for name, value in data.items())
    return (
        '<div class="wego-multi">'
        f'<form id="multi-quote" class="wego-quote" method="get" action="#multi-quote" '
        f'novalidate aria-labelledby="multi-quote-legend" {data_attrs}>'
        f'<p class="wego-quote__legend" id="multi-quote-legend">'
        f"{escape(text(lang, 'cities.legend'))}</p>"
        f"{_list_field(language, example_query(language))}"
        f"{country_field(language)}"
        f"{gdp_field(language)}"
        f"{category_field(language, 'multi-quote')}"
        f"{approval_year_field(language)}"
        '<div class="wego-quote__actions">'
        '<button type="submit" class="md-button md-button--primary">'
        f"{escape(text(lang, 'cities.submit'))}</button>"
        f"{_button(lang, 'copy-link', 'cities.copy_link')}"
        f"{_button(lang, 'download-csv', 'cities.download_csv')}"
        f"{_button(lang, 'print', 'cities.print')}"
        "</div>"
        '<p class="wego-quote__status" role="status" data-status hidden></p>'
        '<noscript><p class="wego-quote__status">'
        f"{escape(text(lang, 'cities.noscript'))}</p></noscript>"
        '<section class="wego-quote__result wego-multi__result" id="multi-quote-result" '
        f'aria-label="{attr(text(lang, "cities.result_heading"))}" hidden></section>'
        f'<p class="wego-quote__privacy">{escape(text(lang, "cities.privacy"))}</p>'
        "</form>"
        f'<script type="module" src="{attr(assets)}javascripts/multi-quote.mjs"></script>'
        "</div>"
    )
