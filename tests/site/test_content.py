"""Content checks for the Markdown pages in docs/ru and docs/en (no build needed).

A page is checked as MkDocs converts it: with its Markdown markers (the Secretariat's
contacts, hooks/markers.py) already replaced by their text.
"""

import re
from pathlib import Path

import pytest

from calculator import Language
from hooks.markers import render_markdown_markers
from tests.site.source_facts import FACTS, NBSP, RETIRED, REVIEW_FACTS

DOCS = Path(__file__).resolve().parents[2] / "docs"
LANGS = ("ru", "en")
SLUGS = (
    "index",
    "categories",
    "benefits",
    "obligations",
    "procedure",
    "fees",
    "cities",
    "application",
    "contacts",
    "since-2017",
    "about",
)
#: Pages that report facts from outside the source letter (each with its date and source).
OUTSIDE_SOURCE_SLUGS = ("since-2017",)
# H1 of every page equals its nav title in mkdocs.yml (the home page may use a fuller title).
NAV_TITLES = {
    "ru": {
        "categories": "Категории членства",
        "benefits": "Права и преимущества",
        "obligations": "Обязанности",
        "procedure": "Процедура вступления",
        "fees": "Членские взносы",
        "cities": "Несколько городов",
        "application": "Форма заявки",
        "contacts": "Контакты",
        "since-2017": "Что изменилось с 2017\u00a0года",
        "about": "О путеводителе",
    },
    "en": {
        "categories": "Membership categories",
        "benefits": "Rights and benefits",
        "obligations": "Obligations",
        "procedure": "Joining procedure",
        "fees": "Membership fees",
        "cities": "Several cities",
        "application": "Application form",
        "contacts": "Contacts",
        "since-2017": "What has changed since 2017",
        "about": "About this guide",
    },
}
# Quoted proper names that English pages may keep in Cyrillic.
CYRILLIC_ALLOWLIST = ("73-Г-01/18086исх",)
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
FEE_FIGURE = re.compile(r"\$ ?\d|\d[\d,\u00a0 ]*\s?(\$|USD|долл)")
# Marker comments each page must carry exactly once (a later build step replaces them).
MARKERS = {
    "fees": (
        "<!-- wego:fee-quote -->",
        "<!-- wego:fee-table -->",
        "<!-- wego:schedule-caveats -->",
    ),
    "application": ("<!-- wego:application-form -->",),
    "cities": ("<!-- wego:multi-quote -->",),
    "about": ("<!-- wego:schedule-caveats -->",),
    "contacts": ("<!-- wego:secretariat -->",),
}
# Pages allowed to link outside the site (the later-facts page cites its sources by address),
# and the only external target the home page may use.
EXTERNAL_LINK_PAGES = {"contacts", "about", *OUTSIDE_SOURCE_SLUGS}
HOME_EXTERNAL_LINKS = {"http://www.we-gov.org"}
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^(#{1,6}) +(.+?) *$", re.MULTILINE)
PAGES = [(lang, slug) for lang in LANGS for slug in SLUGS]


def source(lang: str, slug: str) -> str:
    """Return the Markdown source of one page, as written."""
    return (DOCS / lang / f"{slug}.md").read_text(encoding="utf-8")


def read(lang: str, slug: str) -> str:
    """Return the Markdown of one page as MkDocs converts it (Markdown markers rendered)."""
    return render_markdown_markers(source(lang, slug), Language(lang))[0]


def collapse(text: str) -> str:
    """Collapse runs of ordinary whitespace (not the no-break space) to one space."""
    return re.sub(r"[ \t\r\n]+", " ", text)


def headings(text: str) -> list[tuple[int, str]]:
    """Return (level, title) for every ATX heading outside fenced code blocks."""
    return [(len(m[1]), m[2]) for m in HEADING.finditer(FENCE.sub("", text))]


def test_languages_have_the_same_pages():
    """docs/ru and docs/en each hold exactly the same content pages."""
    expected = {f"{slug}.md" for slug in SLUGS}
    for lang in LANGS:
        assert {p.name for p in (DOCS / lang).glob("*.md")} == expected, lang


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f.slug}:{f.en[:30]}")
def test_source_fact_is_on_its_page_in_both_languages(fact):
    """Every key fact of the source appears on its page in Russian and in English."""
    assert collapse(fact.ru) in collapse(read("ru", fact.slug)), (fact.slug, fact.ru)
    assert collapse(fact.en) in collapse(read("en", fact.slug)), (fact.slug, fact.en)


def test_there_are_enough_facts_on_every_page():
    """The fact list has at least 60 facts and covers every page that retells the source."""
    assert len(FACTS) >= 60
    assert {fact.slug for fact in FACTS} == set(SLUGS) - set(OUTSIDE_SOURCE_SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_english_page_has_no_cyrillic_outside_the_allowlist(slug):
    """English pages contain Cyrillic only inside allowlisted proper names."""
    text = read("en", slug)
    for allowed in CYRILLIC_ALLOWLIST:
        text = text.replace(allowed, "")
    found = [(n, line) for n, line in enumerate(text.splitlines(), 1) if CYRILLIC.search(line)]
    assert not found, found


@pytest.mark.parametrize("slug", SLUGS)
def test_heading_outline_matches_between_languages(slug):
    """Russian and English pages have the same sequence of heading levels."""
    ru = [level for level, _ in headings(read("ru", slug))]
    en = [level for level, _ in headings(read("en", slug))]
    assert ru == en


@pytest.mark.parametrize(("lang", "slug"), PAGES)
def test_page_starts_with_its_single_h1(lang, slug):
    """Each page opens with its only H1, equal to the nav title (home excepted)."""
    text = read(lang, slug)
    outline = headings(text)
    assert text.startswith("# ")
    assert [title for level, title in outline if level == 1] == [outline[0][1]]
    if slug in NAV_TITLES[lang]:
        assert outline[0][1] == NAV_TITLES[lang][slug]


@pytest.mark.parametrize(("lang", "slug"), PAGES)
def test_page_types_no_fee_amount(lang, slug):
    """No page types a fee amount: the schedule's figures come from the engine."""
    found = [m.group(0) for m in FEE_FIGURE.finditer(read(lang, slug))]
    assert not found, found


@pytest.mark.parametrize(("lang", "slug"), PAGES)
def test_markers_appear_once_on_their_own_lines(lang, slug):
    """Marker comments appear exactly once where expected, alone between blank lines."""
    text = source(lang, slug)
    lines = text.splitlines()
    expected = MARKERS.get(slug, ())
    for marker in expected:
        assert text.count(marker) == 1, marker
        n = lines.index(marker)
        assert lines[n - 1] == "", marker
        assert n + 1 == len(lines) or lines[n + 1] == "", marker
    others = set(re.findall(r"<!-- wego:[a-z-]+ -->", text)) - set(expected)
    assert not others, others


FEE_SECTIONS = {
    "ru": (
        "## Рассчитать взнос",
        "## Расчёт членских взносов (в долларах США в год)",
        "## Оценочные и нестандартные значения",
    ),
    "en": (
        "## Estimate your fee",
        "## Membership fee schedule (USD per year)",
        "## Estimated and irregular cells",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_fee_markers_sit_under_their_headings_in_order(lang):
    """On the fees page the quote, table and caveats markers follow their own H2s, in order."""
    lines = read(lang, "fees").splitlines()
    positions = [lines.index(marker) for marker in MARKERS["fees"]]
    assert positions == sorted(positions)
    for position, heading in zip(positions, FEE_SECTIONS[lang], strict=True):
        above = [line for line in lines[:position] if line.startswith("#")]
        assert above[-1] == heading


@pytest.mark.parametrize(("lang", "slug"), PAGES)
def test_external_links_only_where_allowed(lang, slug):
    """Only contacts, about and the later-facts page link outside; home at most to WeGO's site."""
    targets = LINK_TARGET.findall(read(lang, slug))
    external = {t for t in targets if re.match(r"[a-z]+:", t)}
    if slug == "index":
        assert external <= HOME_EXTERNAL_LINKS, external
    elif slug not in EXTERNAL_LINK_PAGES:
        assert not external, external
    internal = {t.split("#")[0] for t in targets} - external - {""}
    assert internal <= {f"{s}.md" for s in SLUGS}, internal


@pytest.mark.parametrize(("lang", "slug"), PAGES)
def test_no_raw_html_or_images(lang, slug):
    """Pages use plain Markdown: no raw HTML tags besides marker comments, and no images."""
    text = FENCE.sub("", read(lang, slug))
    text = re.sub(r"<!-- wego:[a-z-]+ -->", "", text)
    assert not re.search(r"</?[A-Za-z][^>]*>", text)
    assert "![" not in text


def test_procedure_diagram_labels_use_the_page_language():
    """The Mermaid flowchart on the procedure page is labelled in the page's language."""
    for lang in LANGS:
        fence = re.search(r"```mermaid\n(.*?)```", read(lang, "procedure"), re.DOTALL)
        assert fence, lang
        body = fence.group(1)
        assert re.match(r"flowchart (TD|LR)\n", body), lang
        assert bool(CYRILLIC.search(body)) == (lang == "ru"), lang


def test_russian_pages_use_guillemets():
    """Russian pages quote with «ёлочки», never straight or curly double quotes in prose."""
    for slug in SLUGS:
        text = FENCE.sub("", read("ru", slug))
        text = re.sub(r'^!!! \w+ "[^"]*"$', "", text, flags=re.MULTILINE)
        assert not re.search(r'["“”„]', text), slug


@pytest.mark.parametrize("fact", REVIEW_FACTS, ids=lambda f: f"{f.slug}:{f.en[:30]}")
def test_review_fact_is_on_its_page_in_both_languages(fact):
    """What the review against the source asked for is on its page, in both languages."""
    assert collapse(fact.ru) in collapse(read("ru", fact.slug)), (fact.slug, fact.ru)
    assert collapse(fact.en) in collapse(read("en", fact.slug)), (fact.slug, fact.en)


@pytest.mark.parametrize(("lang", "slug"), PAGES)
def test_retired_wording_is_gone(lang, slug):
    """Unsupported additions and inconsistent spellings found by the review do not return."""
    text = collapse(read(lang, slug))
    assert [phrase for phrase in RETIRED[lang] if phrase in text] == []


# Russian typography: one choice per question, applied everywhere a Russian reader looks.
LOCALE_RU = DOCS.parent / "calculator" / "locales" / "ru.json"
#: The site's own Russian interface text: form, quote, cities, letter... (sitebuild/ui_text.py).
SITE_LOCALES_RU = sorted((DOCS.parent / "sitebuild" / "locales").glob("*.ru.json"))
INITIALS_WITH_SPACE = re.compile(r"\b[А-ЯЁ]\.[ ]?[А-ЯЁ]\.[ ]?[А-ЯЁ]")
AFTER_NUMERO = re.compile(r"№(?=[ \t\n\d])")
HOUSE_NUMBER = re.compile(r"\bд\.(?!\u00a0)\s*\d")
NUMBER_NOUN = re.compile(
    r"\d[ \t\n]+(год\w*|лет|город\w*|жител\w*|представител\w*|лист\w*|экземпляр\w*|тысяч\w*"
    r"|августа)\b"
)
#: The chosen spelling is «ё»: these words must never appear spelled with «е» («введено»,
#: «введены» are right with «е»; «введён», «введённые» take «ё»).
YO_WORDS = re.compile(
    r"\b(еще|ее|нее|[Рр]асчет\w*|[Оо]бъединенн\w*|[Пп]артнер\w*|[Уу]чет\w*|[Пп]освящен\w*"
    r"|[Вв]веден(?:н\w*)?|[Пп]ерерасчет\w*)\b"
)

#: «Секретариат» with a capital inside a sentence (after a letter or a comma).
CAPITAL_SECRETARIAT = re.compile(r"[а-яё,] Секретариат\w*")
#: The polite «вы» with a capital inside a sentence (the source capitalises it; the guide does not).
CAPITAL_YOU = re.compile(r"[а-яё,] (?:Вы|Вас|Вам|Вами|Ваш\w*)\b")


def russian_texts() -> list[tuple[str, str]]:
    """Every Russian page, the engine's and the site's Russian catalogues, as (name, text)."""
    texts = [(f"ru/{slug}.md", read("ru", slug)) for slug in SLUGS]
    catalogues = [LOCALE_RU, *SITE_LOCALES_RU]
    return [*texts, *((path.name, path.read_text(encoding="utf-8")) for path in catalogues)]


@pytest.mark.parametrize(("name", "text"), russian_texts(), ids=lambda v: v[:30])
def test_russian_typography(name, text):
    """No-break spaces in initials, after «№», in «д. 1» and between a number and its noun."""
    problems = [
        m.group(0)
        for pattern in (INITIALS_WITH_SPACE, AFTER_NUMERO, HOUSE_NUMBER, NUMBER_NOUN)
        for m in pattern.finditer(text)
    ]
    assert problems == [], name


@pytest.mark.parametrize(("name", "text"), russian_texts(), ids=lambda v: v[:30])
def test_russian_yo_and_secretariat_are_consistent(name, text):
    """«ё» is written wherever it belongs; «секретариат» is lower case inside a sentence."""
    assert [m.group(0) for m in YO_WORDS.finditer(text)] == [], name
    assert CAPITAL_SECRETARIAT.findall(text) == [], name


@pytest.mark.parametrize(("name", "text"), russian_texts(), ids=lambda v: v[:30])
def test_russian_polite_you_is_lower_case(name, text):
    """«вы», «ваш» are lower case inside a sentence, as everywhere else in the guide."""
    assert CAPITAL_YOU.findall(text) == [], name


def test_typography_check_catches_what_it_promises():
    """The patterns fire on the mistakes they name: a check that cannot fail proves nothing."""
    assert INITIALS_WITH_SPACE.search("А. А. Смекалин")
    assert not INITIALS_WITH_SPACE.search(f"А.{NBSP}А.{NBSP}Смекалин")
    assert AFTER_NUMERO.search("№ 73")
    assert not AFTER_NUMERO.search(f"№{NBSP}73")
    assert HOUSE_NUMBER.search("д. 1")
    assert not HOUSE_NUMBER.search(f"д.{NBSP}1")
    assert NUMBER_NOUN.search("120 городов")
    assert not NUMBER_NOUN.search(f"120{NBSP}городов")
    assert YO_WORDS.search("таблица расчета")
    assert not YO_WORDS.search("таблица расчёта")
    assert YO_WORDS.search("введенные данные")
    assert not YO_WORDS.search("введено вручную")
    assert CAPITAL_SECRETARIAT.search("подтвердите в Секретариате WeGO")
    assert not CAPITAL_SECRETARIAT.search("Секретариат WeGO")
    assert CAPITAL_YOU.search("заявку Вы печатаете")
    assert CAPITAL_YOU.search("в Вашем браузере")
    assert not CAPITAL_YOU.search("Вы печатаете заявку, а ваш браузер")
