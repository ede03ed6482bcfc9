"""The fee quote widget's markup, rendered at build time in the page's language.

Without JavaScript its buttons stay hidden (a static site cannot compute a quote: "Calculate"
would only reload the page) and a note points to the table below; the module script
``assets/javascripts/fee-quote.mjs`` starts the widget (``fee-widget.mjs``) on the form: live
quotes from the engine in Pyodide. Every string comes from sitebuild/locales; the strings
scripts need travel as one JSON object in the component's ``data-messages`` (read by
``assets/javascripts/ui-text.mjs``); every attribute value is escaped.

Each field group has its own function (``population_field``, ``country_field``,
``gdp_field``), so another page can reuse the same markup with the same scripts.
"""

from __future__ import annotations

import json
from html import escape

from calculator import Category, ErrorCode, Language
from calculator.parsing import MAX_INPUT_LENGTH
from calculator.request import MAX_COUNTRY_NAME
from sitebuild.country_names import countries
from sitebuild.ui_text import text, ui_catalogue

#: The fields' maxlength: one more than the longest raw text the engine reads at all, so that a
#: long paste is never cut silently to a figure the engine then accepts or misreads: whatever
#: is longer reaches the engine too long, and is reported so.
PASTE_LIMIT = 4 * MAX_INPUT_LENGTH + 1

__all__ = [
    "approval_year_field",
    "attr",
    "category_field",
    "country_field",
    "gdp_field",
    "messages_attr",
    "population_field",
    "render_fee_quote_form",
]


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted HTML attribute (both forms' renderers use it)."""
    return escape(value, quote=True)


def messages_attr(lang: str, prefix: str) -> str:
    """``data-messages="{...}"``: every ``<prefix>.*`` string, keys without the prefix."""
    catalogue = ui_catalogue(lang)
    strings = {
        key.removeprefix(f"{prefix}."): value
        for key, value in catalogue.items()
        if key.startswith(f"{prefix}.")
    }
    return f'data-messages="{attr(json.dumps(strings, ensure_ascii=False, sort_keys=True))}"'


def _text_field(
    lang: str,
    name: str,
    inputmode: str,
    *,
    required: bool,
    size: int,
    after_input: str = "",
    described_by: str = "",
) -> str:
    field_id = f"fee-quote-{name.replace('_', '-')}"
    key = f"quote.{name}"
    required_attr = ' required aria-required="true"' if required else ""
    extra_ids = f" {described_by}" if described_by else ""
    return (
        f'<div class="wego-quote__field" data-field="{name}">'
        f'<label for="{field_id}">{escape(text(lang, key))}</label>'
        f'<p class="wego-quote__hint" id="{field_id}-hint">{escape(text(lang, key + "_hint"))}</p>'
        f'<input id="{field_id}" name="{name}" type="text" inputmode="{inputmode}" size="{size}" '
        f'autocomplete="off" spellcheck="false" maxlength="{PASTE_LIMIT}"{required_attr} '
        f'aria-describedby="{field_id}-hint {field_id}-error{extra_ids}">'
        f"{after_input}"
        f'<p class="wego-quote__error" id="{field_id}-error" data-error-for="{name}" hidden></p>'
        f"</div>"
    )


# --- Country lookup: the country field (a native <input list> with a <datalist> of every
# country in the page's language) and the note on where the GDP figure comes from. The
# picker logic is assets/javascripts/country-picker.mjs; the figures come from the engine.

GDP_SOURCE_ID = "fee-quote-gdp-source"


def _country_option(
    lang: str, code: str, name: str, has_data: bool, aliases: tuple[str, ...]
) -> str:
    label = code if has_data else text(lang, "country.no_data_option", code=code)
    attrs = [f'value="{attr(name)}"', f'label="{attr(label)}"', f'data-code="{code}"']
    if not has_data:
        attrs.append("data-no-data")
    if aliases:
        attrs.append(f'data-aliases="{attr("|".join(aliases))}"')
    return f"<option {' '.join(attrs)}></option>"


def country_field(language: Language) -> str:
    """The searchable country field: its value is a name; data-code maps it to ISO3.

    The picker's strings are in the group's ``data-messages``; ``data-country-suggest`` is
    where it asks which country was meant ("Aus": Australia or Austria?).
    """
    lang = language.value
    options = "".join(
        _country_option(lang, c.code, c.name, c.has_data, c.aliases) for c in countries(language)
    )
    return (
        '<div class="wego-quote__field wego-quote__country" data-field="country" '
        f"{messages_attr(lang, 'country')}>"
        f'<label for="fee-quote-country">{escape(text(lang, "country.label"))}</label>'
        f'<p class="wego-quote__hint" id="fee-quote-country-hint">'
        f"{escape(text(lang, 'country.hint'))}</p>"
        '<input id="fee-quote-country" name="country" type="text" list="fee-quote-country-list" '
        f'size="30" autocomplete="off" spellcheck="false" maxlength="{MAX_COUNTRY_NAME}" '
        "data-country-picker "
        'aria-describedby="fee-quote-country-hint fee-quote-country-suggest '
        'fee-quote-country-error">'
        f'<datalist id="fee-quote-country-list">{options}</datalist>'
        '<p class="wego-quote__suggest" id="fee-quote-country-suggest" data-country-suggest '
        'aria-live="polite" hidden></p>'
        '<p class="wego-quote__error" id="fee-quote-country-error" data-error-for="country" '
        "hidden></p></div>"
    )


def _gdp_source_note() -> str:
    """Filled by the picker from the engine's ``gdp_source``: source, caveat and credit."""
    return (
        f'<div class="wego-quote__gdp-source" id="{GDP_SOURCE_ID}" data-gdp-source '
        'aria-live="polite" hidden></div>'
    )


def population_field(language: Language) -> str:
    """The city's population, in residents."""
    return _text_field(language.value, "population", "numeric", required=True, size=14)


def gdp_field(language: Language) -> str:
    """The country's GDP per capita (PPP), with the note on where a looked-up figure is from."""
    return _text_field(
        language.value,
        "gdp",
        "decimal",
        required=True,
        size=14,
        after_input=_gdp_source_note(),
        described_by=GDP_SOURCE_ID,
    )


# --- Engine start: download progress (a <progress> and its text), the network-failure message
# and the retry button; engine-progress.mjs drives them while the engine's files arrive.


def _engine_start(lang: str) -> str:
    label = attr(text(lang, "quote.progress_label"))
    return (
        '<div class="wego-quote__progress" data-progress hidden>'
        f'<progress id="fee-quote-progress" aria-label="{label}"'
        ' aria-describedby="fee-quote-progress-text"></progress>'
        '<p id="fee-quote-progress-text" data-progress-text></p></div>'
        # The theme's .md-button display rule would override a hidden attribute on the button.
        '<p class="wego-quote__retry" data-retry hidden>'
        '<button type="button" class="md-button" data-action="retry">'
        f"{escape(text(lang, 'quote.retry'))}</button></p>"
    )


def category_field(language: Language, form_id: str) -> str:
    """The membership category radios, one per ``Category``, Full Member checked (the engine's
    default), with the field's error slot; the same on every quote form."""
    lang = language.value
    radios = "".join(
        f'<label><input type="radio" name="category" value="{category.value}"'
        f"{' checked' if category is Category.FULL else ''}> "
        f"{escape(text(lang, f'quote.category_{category.value}'))}</label>"
        for category in Category
    )
    return (
        '<fieldset class="wego-quote__field wego-quote__category" data-field="category">'
        f"<legend>{escape(text(lang, 'quote.category'))}</legend>{radios}"
        f'<p class="wego-quote__error" id="{form_id}-category-error" data-error-for="category" '
        "hidden></p></fieldset>"
    )


def approval_year_field(language: Language) -> str:
    """The optional year of approval as a Full Member (it picks the fee and GDP years)."""
    return _text_field(language.value, "approval_year", "numeric", required=False, size=6)


def render_fee_quote_form(language: Language, root: str) -> str:
    """The ``#fee-quote`` form; ``root`` is the site root relative to the page."""
    lang = language.value
    # An empty field is not an error until the reader submits: the widget holds back the
    # engine's errors with these codes while the reader types (the codes come from the engine).
    data = {"data-lang": lang, "data-quiet-while-typing": ErrorCode.EMPTY.value}
    data_attrs = " ".join(f'{name}="{attr(value)}"' for name, value in data.items())
    data_attrs += " " + messages_attr(lang, "quote")
    return (
        f'<form id="fee-quote" class="wego-quote" method="get" action="#fee-quote" novalidate '
        f'aria-labelledby="fee-quote-legend" {data_attrs}>'
        f'<p class="wego-quote__legend" id="fee-quote-legend">'
        f"{escape(text(lang, 'quote.legend'))}</p>"
        f"{population_field(language)}"
        f"{country_field(language)}"
        f"{gdp_field(language)}"
        f"{category_field(language, 'fee-quote')}"
        f"{approval_year_field(language)}"
        f'<div class="wego-quote__actions">'
        f'<button type="submit" class="md-button md-button--primary" hidden>'
        f"{escape(text(lang, 'quote.submit'))}</button>"
        f'<button type="button" class="md-button" data-action="copy-link" hidden>'
        f"{escape(text(lang, 'quote.copy_link'))}</button>"
        f'<button type="button" class="md-button" data-action="print" hidden>'
        f"{escape(text(lang, 'quote.print'))}</button>"
        f"</div>"
        f'<p class="wego-quote__status" role="status" data-status hidden></p>'
        f"{_engine_start(lang)}"
        f'<noscript><p class="wego-quote__status">'
        f"{escape(text(lang, 'quote.noscript'))}</p></noscript>"
        # Not live: the details stay readable; a short summary (fee and band) is announced
        # once the input settles, through the visually hidden region below.
        f'<section class="wego-quote__result" id="fee-quote-result" '
        f'aria-label="{attr(text(lang, "quote.result_heading"))}" hidden>'
        f"</section>"
        f'<p class="wego-visually-hidden" data-announce aria-live="polite" aria-atomic="true">'
        f"</p>"
        f'<p class="wego-quote__privacy">{escape(text(lang, "quote.privacy"))}</p>'
        f"</form>"
        # The widget's script comes with the widget: pages without it do not load it. Its one
        # job is to start the widget (fee-widget.mjs) on this form.
        f'<script type="module" src="{attr(root.rstrip("/"))}/assets/javascripts/fee-quote.mjs">'
        f"</script>"
    )
