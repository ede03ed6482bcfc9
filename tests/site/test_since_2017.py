"""The built site dates its 2017 content and reports what has changed since, with sources.

Everything else in the guide retells the letter of 1 August 2017. The fees and several-cities
pages say near their top that their amounts come from that letter's schedule, and the
"since 2017" page carries each later fact inside a box marked as not from the letter, with
the fact's date and a link to its source. These tests read the built HTML, as a reader gets it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import pytest

from tests.pages import LANGS

SLUG = "since-2017"
BASE = "https://example.github.io/wego-membership-guide/"
#: Pages that send the reader to the later facts.
LINKED_FROM = ("", "categories/", "contacts/", "about/", "fees/", "cities/", "application/")
#: The title every box of later facts starts with: the reader sees it is not the letter's.
OUTSIDE_MARK = {"ru": "Не из письма", "en": "Not from the letter"}


@dataclass
class Block:
    """A list item or an admonition: its text, its links and, for an admonition, its title."""

    kind: str
    text: str = ""
    hrefs: list[str] = field(default_factory=list)
    title: str = ""


class _Blocks(HTMLParser):
    """Collects every <li> and admonition <div> of the page's article, nested ones included."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._open: list[tuple[str, Block | None]] = []  # (tag, block it opened)
        self._in_title: Block | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = values.get("class", "").split()
        block = None
        if tag == "li" or (tag == "div" and "admonition" in classes):
            block = Block("admonition" if tag == "div" else "li")
            self.blocks.append(block)
        if tag == "p" and "admonition-title" in classes:
            self._in_title = next(b for _, b in reversed(self._open) if b and b.kind != "li")
        if tag == "a" and "href" in values:
            for _, open_block in self._open:
                if open_block:
                    open_block.hrefs.append(values["href"])
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self._open.append((tag, block))

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._in_title = None
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, open_block in self._open:
            if open_block:
                open_block.text += data
        if self._in_title:
            self._in_title.title += data


def flat(text: str) -> str:
    """Runs of whitespace, the no-break space included, as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def html(site: Path, lang: str, slug: str) -> str:
    return (site / LANGS[lang] / slug / "index.html").read_text(encoding="utf-8")


def blocks(site: Path, lang: str) -> list[Block]:
    parser = _Blocks()
    parser.feed(html(site, lang, f"{SLUG}/"))
    return parser.blocks


def address(lang: str, slug: str) -> str:
    return BASE + LANGS[lang] + slug


class Later(NamedTuple):
    """One later fact: a phrase that finds it, its date and its source, in each language."""

    name: str
    ru: str
    en: str
    date_ru: str
    date_en: str
    sources: tuple[str, ...]


LATER_FACTS = (
    Later(
        "name",
        "World Smart Sustainable Cities Organization",
        "World Smart Sustainable Cities Organization",
        "27–30 июня 2017 года",
        "27–30 June 2017",
        ("https://we-gov.org/about-us-overview/", "http://we-gov.org/wego-meetings/"),
    ),
    Later(
        "categories",
        "член-партнёр (Friendship Member)",
        "Friendship Member: a regional association",
        "12 марта 2018 года",
        "12 March 2018",
        ("http://we-gov.org/become-a-wego-member/",),
    ),
    Later(
        "corporate members",
        "корпоративный член (Corporate Member)",
        "Corporate Member: a private business",
        "12 марта 2018 года",
        "12 March 2018",
        ("http://we-gov.org/become-a-wego-member/",),
    ),
    Later(
        "members 2018",
        "129 городов",
        "129 member cities",
        "12 марта 2018 года",
        "12 March 2018",
        ("http://we-gov.org/become-a-wego-member/",),
    ),
    Later(
        "members 2023",
        "210 членов",
        "210 members",
        "9 января 2023 года",
        "9 January 2023",
        ("https://en.yna.co.kr/view/AEN20230109007100315",),
    ),
    Later(
        "members 2024",
        "202 члена",
        "202 members",
        "2 октября 2024 года",
        "2 October 2024",
        ("https://m.mt.co.kr/renew/view_amp.html?no=2024100211261698729",),
    ),
    Later(
        "old postcode",
        "Seoul 100-739",
        "Seoul 100-739",
        "1 августа 2015 года",
        "1 August 2015",
        ("https://www.busan.go.kr/eng/bsnews01/796505",),
    ),
    Later(
        "later address",
        "Seoul, Republic of Korea 03188",
        "Seoul, Republic of Korea 03188",
        "2017 года ещё предстоит",
        "4th General Assembly in 2017",
        ("http://we-gov.org/contact/",),
    ),
    Later(
        "no later fees",
        "Таблицы членских взносов, опубликованной после 2017 года, путеводитель не нашёл",
        "The guide found no fee schedule published after 2017",
        "26 июня 2017 года",
        "26 June 2017",
        ("http://www.dt.co.kr/contents.html?article_no=2017062602109960049006&ref=naver",),
    ),
)


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_exists_in_both_languages(built_site, lang):
    """The page is built at the root and under /en/, in its language, titled by its subject."""
    page = html(built_site, lang, f"{SLUG}/")
    assert f'<html lang="{lang}"' in page
    heading = flat(re.sub(r"<[^>]+>", "", page[page.index("<h1") : page.index("</h1>")]))
    assert heading.startswith({"ru": "Что изменилось с 2017 года", "en": "What has changed"}[lang])


@pytest.mark.parametrize("slug", LINKED_FROM)
@pytest.mark.parametrize("lang", LANGS)
def test_the_page_is_linked_from_the_pages_that_need_it(built_site, lang, slug):
    """Home, categories, contacts, about, fees, several cities and the form link to it."""
    page = html(built_site, lang, slug)
    article = page[page.index("<article") : page.index("</article>")]
    targets = {
        urlsplit(urljoin(address(lang, slug), href)).path
        for href in re.findall(r'<a [^>]*href="([^"]+)"', article)
    }
    assert urlsplit(address(lang, f"{SLUG}/")).path in targets


@pytest.mark.parametrize("fact", LATER_FACTS, ids=lambda fact: fact.name)
@pytest.mark.parametrize("lang", LANGS)
def test_each_later_fact_carries_its_date_its_source_and_the_outside_mark(built_site, lang, fact):
    """The fact sits in a box titled as not from the letter, with its date and source link."""
    phrase = flat(fact.ru if lang == "ru" else fact.en)
    date = flat(fact.date_ru if lang == "ru" else fact.date_en)
    found = blocks(built_site, lang)
    boxes = [b for b in found if b.kind == "admonition" and phrase in flat(b.text)]
    assert len(boxes) == 1, (phrase, [b.title for b in boxes])
    box = boxes[0]
    assert flat(box.title).startswith(OUTSIDE_MARK[lang]), box.title
    items = [b for b in found if b.kind == "li" and phrase in flat(b.text)]
    where = items[0] if items else box  # a dated list item, else the whole box
    assert date in flat(where.text) or date in flat(box.title), (date, where.text)
    for source in fact.sources:
        assert source in box.hrefs, (source, box.hrefs)


@pytest.mark.parametrize("lang", LANGS)
def test_every_box_on_the_page_is_marked_as_outside_the_letter(built_site, lang):
    """No later fact is presented as the letter's: every box carries the mark and a source."""
    boxes = [b for b in blocks(built_site, lang) if b.kind == "admonition"]
    assert len(boxes) == 5
    for box in boxes:
        assert flat(box.title).startswith(OUTSIDE_MARK[lang]), box.title
        assert any(urlsplit(href).scheme in ("http", "https") for href in box.hrefs), box.title


#: What the fees and several-cities pages say near their top, before their calculator.
DATED_SCHEDULE = {
    "ru": (
        "из таблицы взносов в приложении к письму от 1 августа 2017 года",
        "Более поздней таблицы взносов путеводитель не нашёл",
    ),
    "en": (
        "from the fee schedule in the appendix to the letter of 1 August 2017",
        "The guide found no later fee schedule",
    ),
}
CONFIRM = {"ru": "в секретариате WeGO", "en": "with the WeGO Secretariat"}
WIDGET = {"fees/": 'id="fee-quote"', "cities/": 'id="multi-quote"'}


@pytest.mark.parametrize("slug", WIDGET)
@pytest.mark.parametrize("lang", LANGS)
def test_fee_pages_date_their_amounts_before_the_calculator(built_site, lang, slug):
    """Fees and several cities say, above the calculator, that the amounts are the 2017 ones."""
    page = html(built_site, lang, slug)
    parser = _Blocks()
    parser.feed(page[: page.index(WIDGET[slug])])
    boxes = [b for b in parser.blocks if b.kind == "admonition"]
    assert boxes, "no box above the calculator"
    text = flat(boxes[0].text)
    for statement in DATED_SCHEDULE[lang]:
        assert statement in text, statement
    assert CONFIRM[lang] in text
    since = urlsplit(address(lang, f"{SLUG}/")).path
    assert since in {urlsplit(urljoin(address(lang, slug), h)).path for h in boxes[0].hrefs}
