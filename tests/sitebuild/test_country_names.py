"""Country names for the quote widget (build time, pycountry): coverage, forms, sorting, markup."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pycountry
import pytest

from calculator import Language, get_gdp_data
from sitebuild import country_names
from sitebuild.country_names import (
    ALIASES,
    OVERRIDES,
    collation_key,
    countries,
    match_key,
    name_index,
    strip_stress,
)
from sitebuild.fee_quote_form import (
    country_field,
    gdp_field,
    population_field,
    render_fee_quote_form,
)

#: Typed names and their keys, shared with the JavaScript twin of match_key.
MATCH_KEY_CASES = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "country-names.json").read_text(encoding="utf-8")
)["cases"]

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "sitebuild" / "locales"
CYRILLIC = re.compile("[А-Яа-яЁё]")
LANGS = (Language.RU, Language.EN)


def by_code(lang):
    return {country.code: country for country in countries(lang)}


class TestCoverage:
    """Every country the data cover has a name in both languages; the rest are listed too."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_every_country_with_data_has_a_name(self, lang):
        names = by_code(lang)
        missing = [code for code in get_gdp_data().codes_with_data if code not in names]
        assert missing == []
        assert all(names[code].has_data for code in get_gdp_data().codes_with_data)

    def test_counts(self):
        """249 ISO 3166-1 countries plus Kosovo; 203 with data, 47 without."""
        for lang in LANGS:
            listed = countries(lang)
            assert len(listed) == 250
            assert sum(c.has_data for c in listed) == 203
            assert len({c.code for c in listed}) == 250

    @pytest.mark.parametrize("code", ["TWN", "PRK", "CUB", "VAT", "ESH", "MCO", "JEY"])
    def test_countries_without_data_are_listed(self, code):
        for lang in LANGS:
            assert by_code(lang)[code].has_data is False

    def test_names_are_in_the_right_script(self):
        ru, en = by_code(Language.RU), by_code(Language.EN)
        assert [c for c, entry in ru.items() if not CYRILLIC.search(entry.name)] == []
        assert [c for c, entry in en.items() if CYRILLIC.search(entry.name)] == []

    @pytest.mark.parametrize("lang", LANGS)
    def test_names_are_unique_and_clean(self, lang):
        names = [c.name for c in countries(lang)]
        assert len(set(names)) == len(names)
        assert all(name == name.strip() and "\u0301" not in name for name in names)

    def test_iso_codes_shipped_with_the_engine_match_pycountry(self):
        """The engine's ISO list (unknown vs without data) is pycountry's; refresh if not."""
        assert get_gdp_data().iso_codes == {c.alpha_3 for c in pycountry.countries}


class TestNames:
    """Common short names, our declared overrides, no stress marks."""

    @pytest.mark.parametrize(
        ("code", "ru", "en"),
        [
            ("KOR", "Южная Корея", "South Korea"),
            ("PRK", "Северная Корея", "North Korea"),
            ("IRN", "Иран", "Iran"),
            ("TWN", "Тайвань", "Taiwan"),
            ("RUS", "Россия", "Russia"),
            ("XKX", "Косово", "Kosovo"),
            ("USA", "США", "United States"),
            ("GBR", "Великобритания", "United Kingdom"),
            ("KAZ", "Казахстан", "Kazakhstan"),
            ("CIV", "Кот-д'Ивуар", "Côte d'Ivoire"),
        ],
    )
    def test_names(self, code, ru, en):
        assert by_code(Language.RU)[code].name == ru
        assert by_code(Language.EN)[code].name == en

    def test_replaced_names_stay_searchable(self):
        assert "Российская Федерация" in by_code(Language.RU)["RUS"].aliases
        assert "Russian Federation" in by_code(Language.EN)["RUS"].aliases
        assert "Korea, Republic of" in by_code(Language.EN)["KOR"].aliases
        # The official name, then the English one (see TestBothLanguages).
        assert by_code(Language.RU)["KAZ"].aliases == ("Республика Казахстан", "Kazakhstan")

    def test_every_override_says_why(self):
        """Each entry of OVERRIDES is preceded by a comment giving its reason."""
        lines = Path(country_names.__file__).read_text(encoding="utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("OVERRIDES"))
        end = lines.index("}", start)
        entries = [i for i in range(start, end) if re.match(r'    "[A-Z]{3}": ', lines[i])]
        assert len(entries) == len(OVERRIDES)
        assert all(lines[i - 1].strip().startswith("#") for i in entries)

    def test_stress_marks_are_removed(self):
        assert strip_stress("Росси\u0301я") == "Россия"
        assert strip_stress("Йемен") == "Йемен"  # й keeps its breve
        assert strip_stress("Ёлка") == "Ёлка"  # ё keeps its dots

    def test_stressed_translations_are_cleaned(self, monkeypatch):
        """Some pycountry releases mark stress in Russian names; the list never shows it."""

        class Stressed:
            def gettext(self, text):
                return {"Kazakhstan": "Казахста\u0301н"}.get(text, text + "\u0301")

        countries.cache_clear()
        monkeypatch.setattr(country_names, "_russian", lambda: Stressed())
        try:
            assert by_code(Language.RU)["KAZ"].name == "Казахстан"
        finally:
            countries.cache_clear()


class TestAliases:
    """Common, older and official names resolve to one country; codes are not names."""

    @pytest.mark.parametrize(
        ("lang", "typed", "code"),
        [
            (Language.EN, "Turkey", "TUR"),
            (Language.EN, "UK", "GBR"),
            (Language.EN, "Czech Republic", "CZE"),
            (Language.EN, "Ivory Coast", "CIV"),
            (Language.EN, "United States of America", "USA"),
            (Language.EN, "USA", "USA"),
            (Language.EN, "Cote d’Ivoire", "CIV"),
            (Language.EN, "turkiye", "TUR"),
            (Language.EN, "Republic of Korea", None),
            (Language.RU, "Кыргызстан", "KGZ"),
            (Language.RU, "Белоруссия", "BLR"),
            (Language.RU, "Молдова", "MDA"),
            (Language.RU, "Туркмения", "TKM"),
            (Language.RU, "Соединённые Штаты Америки", "USA"),
            (Language.RU, "соединенные штаты америки", "USA"),
            (Language.RU, "Кот-д’Ивуар", "CIV"),
            (Language.RU, "  российская   федерация ", "RUS"),
        ],
    )
    def test_names_readers_type(self, lang, typed, code):
        assert name_index(lang).get(match_key(typed)) == code

    @pytest.mark.parametrize("typed", ["Aus", "Ind", "Bel", "Tur", "Mar", "AUS", "RUS"])
    @pytest.mark.parametrize("lang", LANGS)
    def test_three_letters_are_not_a_name(self, typed, lang):
        """A code or a name's first letters pick nothing here; the widget asks instead."""
        assert match_key(typed) not in name_index(lang)

    def test_every_alias_is_for_a_known_country_in_a_known_language(self):
        iso = {c.alpha_3 for c in pycountry.countries}
        assert set(ALIASES) <= iso
        assert all(names and set(names) <= {"ru", "en"} for names in ALIASES.values())

    @pytest.mark.parametrize("lang", LANGS)
    def test_no_name_leads_to_two_countries(self, lang):
        """name_index raises on a clash; every listed name is in it."""
        index = name_index(lang)
        assert all(index[match_key(c.name)] == c.code for c in countries(lang))

    @pytest.mark.parametrize("case", MATCH_KEY_CASES, ids=[c["why"] for c in MATCH_KEY_CASES])
    def test_match_key(self, case):
        """The shared fixture; tests/js/country-names.test.mjs runs the browser's twin on it."""
        assert match_key(case["typed"]) == case["key"]


class TestBothLanguages:
    """Either page takes a country's name in either language and shows it in its own."""

    @pytest.mark.parametrize(
        ("lang", "typed", "code"),
        [
            (Language.RU, "Russia", "RUS"),
            (Language.RU, "Turkey", "TUR"),
            (Language.RU, "Türkiye", "TUR"),
            (Language.RU, "Kazakhstan", "KAZ"),
            (Language.RU, "РФ", "RUS"),
            (Language.RU, "USA", "USA"),
            (Language.RU, "UK", "GBR"),
            (Language.RU, "Ivory Coast", "CIV"),
            (Language.EN, "Россия", "RUS"),
            (Language.EN, "РФ", "RUS"),
            (Language.EN, "США", "USA"),
            (Language.EN, "Кыргызстан", "KGZ"),
            (Language.EN, "Киргизия", "KGZ"),
            (Language.EN, "Турция", "TUR"),
            (Language.EN, "Великобритания", "GBR"),
            (Language.EN, "кот-д’ивуар", "CIV"),
        ],
    )
    def test_names_in_the_other_language_resolve(self, lang, typed, code):
        assert name_index(lang).get(match_key(typed)) == code

    @pytest.mark.parametrize("lang", LANGS)
    def test_the_other_languages_name_is_an_alias_of_every_country(self, lang):
        other = Language.EN if lang is Language.RU else Language.RU
        theirs = by_code(other)
        for country in countries(lang):
            keys = {match_key(alias) for alias in country.aliases}
            name = theirs[country.code].name
            assert match_key(name) in keys or match_key(name) == match_key(country.name), name

    @pytest.mark.parametrize("lang", LANGS)
    def test_the_shown_name_stays_in_the_pages_language(self, lang):
        """The list's value is the page's name; the other language only adds aliases."""
        names = {c.code: c.name for c in countries(lang)}
        assert names["RUS"] == {"ru": "Россия", "en": "Russia"}[lang.value]
        assert names["TUR"] == {"ru": "Турция", "en": "Türkiye"}[lang.value]

    def test_formal_names_stay_in_their_own_language(self):
        """The other language's formal forms are left out: nobody types them, and they weigh."""
        assert "Korea, Republic of" not in by_code(Language.RU)["KOR"].aliases
        assert "Республика Казахстан" not in by_code(Language.EN)["KAZ"].aliases

    @pytest.mark.parametrize("lang", LANGS)
    def test_no_alias_repeats_or_repeats_the_name(self, lang):
        for country in countries(lang):
            keys = [match_key(alias) for alias in country.aliases]
            assert len(keys) == len(set(keys)), country.code
            assert match_key(country.name) not in keys, country.code


class TestSorting:
    """Each language's alphabet, without the OS locale."""

    def test_russian_alphabet_with_yo_after_ye(self):
        words = ["Яр", "Жук", "Ёж", "Ель", "Еда", "Ад", "Йод", "Ива"]
        assert sorted(words, key=lambda w: collation_key(w, Language.RU)) == [
            "Ад",
            "Еда",
            "Ель",
            "Ёж",
            "Жук",
            "Ива",
            "Йод",
            "Яр",
        ]

    def test_case_and_accents(self):
        assert collation_key("АБВ", Language.RU) == collation_key("абв", Language.RU)
        assert collation_key("Åland", Language.EN) == collation_key("aland", Language.EN)

    @pytest.mark.parametrize("lang", LANGS)
    def test_lists_are_sorted(self, lang):
        listed = countries(lang)
        keys = [collation_key(c.name, lang) for c in listed]
        assert keys == sorted(keys)

    def test_russian_order(self):
        names = [c.name for c in countries(Language.RU)]
        assert names[0] == "Австралия"
        assert names[-1] == "Япония"
        assert names.index("Остров Мэн") < names.index("Острова Кука")  # space before letters
        assert names.index("Гвинея") < names.index("Гвинея-Бисау")
        # Not the code-point order, where "Ё" (U+0401) would precede "А".
        assert names == sorted(names, key=lambda n: collation_key(n, Language.RU))

    def test_english_order(self):
        names = [c.name for c in countries(Language.EN)]
        assert names[:3] == ["Afghanistan", "Åland Islands", "Albania"]
        assert names[-1] == "Zimbabwe"
        assert names.index("Costa Rica") < names.index("Côte d'Ivoire") < names.index("Croatia")
        assert names.index("Réunion") < names.index("Romania")


class _Options(HTMLParser):
    def __init__(self):
        super().__init__()
        self.options: list[dict[str, str | None]] = []
        self.elements: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "option" and "data-code" in attributes:
            self.options.append(attributes)
        if attributes.get("id"):
            self.elements[attributes["id"]] = {"tag": tag, **attributes}


class _Messages(HTMLParser):
    def __init__(self):
        super().__init__()
        self.messages: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "data-messages" in attributes:
            key = attributes.get("id") or attributes.get("data-field") or tag
            self.messages[key] = attributes["data-messages"]


class TestMarkup:
    """The form's country field and the GDP source note, rendered at build time."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_country_field(self, lang):
        parser = _Options()
        parser.feed(render_fee_quote_form(lang, "../.."))
        field = parser.elements["fee-quote-country"]
        assert field["tag"] == "input"
        assert (field["name"], field["list"]) == ("country", "fee-quote-country-list")
        assert parser.elements["fee-quote-country-list"]["tag"] == "datalist"
        assert "fee-quote-country-error" in field["aria-describedby"]
        assert [o["data-code"] for o in parser.options] == [c.code for c in countries(lang)]
        assert [o["value"] for o in parser.options] == [c.name for c in countries(lang)]
        taiwan = next(o for o in parser.options if o["data-code"] == "TWN")
        assert "data-no-data" in taiwan
        assert taiwan["label"].startswith("TWN — ")
        russia = next(o for o in parser.options if o["data-code"] == "RUS")
        assert "data-no-data" not in russia
        assert russia["label"] == "RUS"
        note = parser.elements["fee-quote-gdp-source"]
        assert note["aria-live"] == "polite"
        assert "hidden" in note
        assert "fee-quote-gdp-source" in parser.elements["fee-quote-gdp"]["aria-describedby"]

    @pytest.mark.parametrize(("lang", "other_name"), [("ru", "Russia"), ("en", "Россия")])
    def test_options_carry_the_other_languages_names(self, lang, other_name):
        """What the picker script reads: data-aliases, "|"-separated, escaped."""
        parser = _Options()
        parser.feed(country_field(Language(lang)))
        russia = next(o for o in parser.options if o["data-code"] == "RUS")
        assert other_name in russia["data-aliases"].split("|")
        assert "РФ" in russia["data-aliases"].split("|")

    def test_real_label_for_the_field(self):
        html = render_fee_quote_form(Language.RU, "..")
        assert '<label for="fee-quote-country">Страна (необязательно)</label>' in html
        assert "Côte d&#x27;Ivoire" in render_fee_quote_form(Language.EN, "..")

    @pytest.mark.parametrize("lang", LANGS)
    def test_strings_for_scripts_are_one_json_object(self, lang):
        """The picker's strings in its field group's data-messages, the form's in the form's."""
        parser = _Messages()
        parser.feed(render_fee_quote_form(lang, ".."))
        country = json.loads(parser.messages["country"])
        quote = json.loads(parser.messages["fee-quote"])
        assert {"no_data_note", "license_link", "did_you_mean", "unknown"} <= country.keys()
        assert {"loading", "ready", "failed", "print_unofficial", "print_date"} <= quote.keys()
        assert "due_now" not in quote  # a finished sentence from the engine now
        html = render_fee_quote_form(lang, "..")
        assert "data-msg-" not in html

    def test_field_groups_render_alone(self):
        """Another page can reuse a field group: each renders by itself, with its strings."""
        assert country_field(Language.EN).startswith('<div class="wego-quote__field')
        assert 'data-messages="' in country_field(Language.EN)
        assert 'name="population"' in population_field(Language.RU)
        assert 'id="fee-quote-gdp-source"' in gdp_field(Language.RU)

    def test_result_is_not_live_but_a_summary_region_is(self):
        html = render_fee_quote_form(Language.EN, "..")
        result = re.search(r'<section[^>]*id="fee-quote-result"[^>]*>', html).group(0)
        assert "aria-live" not in result
        assert re.search(r'<p[^>]*data-announce[^>]*aria-live="polite"', html)

    def test_buttons_start_hidden(self):
        """Without JavaScript no button is offered: the script shows them."""
        html = render_fee_quote_form(Language.EN, "..")
        actions = re.search(r'<div class="wego-quote__actions">.*?</div>', html).group(0)
        buttons = re.findall(r"<button[^>]*>", actions)
        assert len(buttons) == 3
        assert all(" hidden" in button for button in buttons)
        # The retry button shows only after a failed download, inside its hidden paragraph.
        assert re.search(r'<p class="wego-quote__retry" data-retry hidden><button', html)

    def test_field_order(self):
        """Population, then country, then the GDP it fills."""
        html = render_fee_quote_form(Language.EN, "..")
        order = [html.index(f'id="fee-quote-{name}"') for name in ("population", "country", "gdp")]
        assert order == sorted(order)


class TestUiCatalogues:
    """sitebuild/locales/country.{ru,en}.json say the same things."""

    def test_each_language_in_its_script(self):
        """Keys and placeholders are compared in test_catalogue_parity.py."""
        ru = json.loads((LOCALES / "country.ru.json").read_text(encoding="utf-8"))
        en = json.loads((LOCALES / "country.en.json").read_text(encoding="utf-8"))
        for key in ru:
            assert CYRILLIC.search(ru[key]), key
            assert not CYRILLIC.search(en[key]), key
