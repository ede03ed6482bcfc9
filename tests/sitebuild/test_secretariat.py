"""sitebuild/secretariat.py: the WeGO Secretariat's contacts are the 2017 letter's."""

from pathlib import Path

import pytest

from calculator import Language
from sitebuild import secretariat

SOURCE = Path(__file__).resolve().parents[2] / "source" / "letter-2017-08-01.txt"


def test_every_contact_is_the_letters():
    """The letter's contact block, line by line, is what the module holds."""
    source = SOURCE.read_text(encoding="utf-8")
    block = "\n".join(
        [
            secretariat.POSTAL_ADDRESS[0],
            ", ".join(secretariat.POSTAL_ADDRESS[1:]),
            f"Tel: {secretariat.PHONE}, Fax: {secretariat.FAX}",
            f"Email: {secretariat.EMAIL}",
            f"Website: {secretariat.website_name()}",
        ]
    )
    assert block in source


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            Language.EN,
            "10F Seoul Global Center, 38 Jongro, Jongno-gu, Seoul 100-739, Republic of Korea",
        ),
        (
            Language.RU,
            "10F Seoul Global Center, 38 Jongro, Jongno-gu, Seoul 100-739, Republic of Korea"
            " (Республика Корея, Сеул)",
        ),
    ],
)
def test_the_address_on_one_line_with_the_city_and_country_in_the_pages_language(lang, expected):
    assert secretariat.address(lang) == expected


def test_the_website_is_named_as_the_letter_names_it_and_linked_with_its_scheme():
    assert secretariat.website_name() == "www.we-gov.org"
    assert secretariat.WEBSITE == "http://www.we-gov.org"
