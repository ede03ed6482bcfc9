"""hooks/interface_language.py: the pieces of Material's interface set outside theme.language."""

from hooks.interface_language import drop_alternate_links, mark_search_entries, name_search_dialog

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
FIELD = '<input type="text" class="md-search__input" name="query" placeholder="Поиск" required>'


def test_alternate_links_go_and_rss_links_stay():
    """hreflang alternates (Material's sitemap fetch) are dropped; other alternates are kept."""
    head = (
        '<link rel="canonical" href="x">\n'
        '      <link rel="alternate" href="../../fees/" hreflang="ru">\n'
        '      <link rel="alternate" href="./" hreflang="en">\n'
        '<link rel="alternate" type="application/rss+xml" href="feed.xml">'
    )
    assert drop_alternate_links(head) == (
        '<link rel="canonical" href="x">\n'
        '<link rel="alternate" type="application/rss+xml" href="feed.xml">'
    )


def test_search_dialog_takes_its_fields_translated_name():
    """The dialog gets aria-label from the same page's search placeholder, once."""
    html = name_search_dialog(DIALOG + FIELD)
    assert html.startswith('<div class="md-search" data-md-component="search" role="dialog" ')
    assert 'role="dialog" aria-label="Поиск">' in html
    assert name_search_dialog(html) == html


def test_page_without_search_is_left_alone():
    """A page without Material's search (the 404 page) is unchanged."""
    assert name_search_dialog("<main></main>") == "<main></main>"


def test_search_entries_name_their_language_once():
    """The longest matching location prefix names the entry's language; marking is idempotent."""
    index = {
        "docs": [
            {"location": "", "title": "Главная"},
            {"location": "fees/#notes", "title": "Примечания"},
            {"location": "en/fees/", "title": "Membership fees"},
        ]
    }
    prefixes = {"": "Русский", "en/": "English"}
    marked = mark_search_entries(mark_search_entries(index, prefixes), prefixes)
    assert [doc["title"] for doc in marked["docs"]] == [
        "Главная · Русский",
        "Примечания · Русский",
        "Membership fees · English",
    ]
