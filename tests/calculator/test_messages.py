"""calculator.messages: catalogue text with the reader's numbers, field names and hints."""

from calculator.errors import ErrorCode, Field, InputError
from calculator.locales import Language
from calculator.messages import Quantity, error_message, field_label, message


class TestMessages:
    """Messages are complete sentences in the reader's language."""

    def test_numbers_are_formatted_per_language(self):
        """Limits are grouped the way the language writes them."""
        error = InputError(ErrorCode.TOO_LARGE, Field.POPULATION, {"max": Quantity(100_000_000)})
        assert (
            error_message(error, Language.RU) == "Население города: не более 100\u00a0000\u00a0000."
        )
        assert error_message(error, Language.EN) == "City population: at most 100,000,000."

    def test_field_labels(self):
        """Fields are named as on the form."""
        assert field_label(Field.GDP, Language.RU) == "ВВП на душу населения (ППС)"
        assert field_label(Field.GDP, Language.EN) == "GDP per capita (PPP)"

    def test_ambiguity_hint(self):
        """The ambiguity error tells the reader both ways to write what they meant."""
        error = InputError(ErrorCode.AMBIGUOUS_SEPARATOR, Field.GDP)
        text = error_message(error, Language.RU)
        assert text.startswith("ВВП на душу населения (ППС): неоднозначная запись")
        assert "1 500" in text
        assert "1,5" in text

    def test_years_are_not_grouped(self):
        """Years are passed as numbers and written as they are, in both languages."""
        for lang in Language:
            text = message(
                "timeline.approval", lang, approval_year=2026, first_fee_year=2027, gdp_year=2026
            )
            assert "2026" in text
            assert "2027" in text
            assert "2\u00a0026" not in text
            assert "2,026" not in text

    def test_only_quantities_are_grouped(self):
        """A Quantity is grouped the reader's way; a plain number is left alone."""
        assert message("error.too_large", Language.RU, max=Quantity(1_000_000)) == (
            "не более 1\u00a0000\u00a0000."
        )
        assert message("error.too_large", Language.EN, max=Quantity(1_000_000)) == (
            "at most 1,000,000."
        )
        assert message("error.too_large", Language.EN, max=1_000_000) == "at most 1000000."

    def test_year_limits_are_written_as_years(self):
        """The approval-year error names its range as years: 2010 to 2100, never 2,010."""
        error = InputError(ErrorCode.INVALID_YEAR, Field.APPROVAL_YEAR, {"min": 2010, "max": 2100})
        assert error_message(error, Language.EN) == (
            "Year of approval: enter a year from 2010 to 2100."
        )

    def test_usage_errors_are_not_prefixed(self):
        """Usage errors carry their own sentence."""
        error = InputError(
            ErrorCode.INVALID_USAGE, Field.ARGUMENTS, {"detail": "unknown option --x"}
        )
        assert error_message(error, Language.EN) == "unknown option --x"

    def test_a_field_can_have_its_own_advice_for_a_code(self):
        """Invisible characters: retype the number in a number field, the name in a name."""
        number = InputError(ErrorCode.INVALID_CHARACTER, Field.POPULATION)
        name = InputError(ErrorCode.INVALID_CHARACTER, Field.CITY_NAME)
        assert error_message(number, Language.EN).endswith("type the number again.")
        assert error_message(name, Language.EN) == (
            "City name: the name contains invisible or control characters; "
            "type the name again or paste it without them."
        )
        assert error_message(name, Language.RU).startswith("Название города: название содержит")
