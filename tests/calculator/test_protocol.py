"""calculator.protocol: the JSON boundary the browser worker calls, for one city or a list."""

import json

import pytest

from calculator import Language, answer, answer_json, quote_cities
from calculator.errors import InputError
from calculator.protocol import parse_language


def test_round_trip():
    """A JSON request yields a JSON record."""
    reply = json.loads(
        answer_json(json.dumps({"lang": "en", "fields": {"population": "1", "gdp": "1"}}))
    )
    assert reply["fee_usd"] == 400
    assert reply["lang"] == "en"


@pytest.mark.parametrize(
    ("request_text", "code"),
    [
        ("not json", "invalid_usage"),
        ("[]", "invalid_usage"),
        ('{"fields": 1}', "invalid_usage"),
        ('{"lang": "de", "fields": {}}', "invalid_language"),
        ('{"lang": "en", "cities": 5, "fields": {}}', "invalid_usage"),
    ],
)
def test_malformed_requests(request_text, code):
    """A malformed request is a coded error, not an exception."""
    assert json.loads(answer_json(request_text))["error"]["code"] == code


def test_a_malformed_request_is_answered_in_the_default_language():
    reply = json.loads(answer_json('{"lang": "de", "fields": {}}'))
    assert reply["error"]["lang"] == "ru"
    assert reply["error"]["message"] == "Язык: доступные языки: ru, en."


def test_a_list_is_routed_to_quote_cities():
    """answer_json with a "cities" key answers for the list, as the browser asks."""
    request = {"lang": "en", "cities": "Kazan\t1,308,660\nX\tbad", "fields": {"gdp": "5,000"}}
    record = json.loads(answer_json(json.dumps(request)))
    assert record == quote_cities(request["cities"], request["fields"], Language.EN)
    assert (
        record["cities"][0]["fee_usd"]
        == answer({"population": "1,308,660", "gdp": "5,000"}, Language.EN)["fee_usd"]
    )


@pytest.mark.parametrize("lang", list(Language))
def test_parse_language_reads_every_supported_code(lang):
    assert parse_language(lang.value) is lang


@pytest.mark.parametrize("text", ["RU", "de", "", None, 1])
def test_parse_language_refuses_anything_else(text):
    with pytest.raises(InputError) as raised:
        parse_language(text)
    assert raised.value.code.value == "invalid_language"
