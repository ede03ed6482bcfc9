"""Hypothesis strategies shared by the property tests."""

from decimal import Decimal

from hypothesis import strategies as st

from calculator.locales import Language
from calculator.parsing import MAX_GDP_USD, MAX_POPULATION

languages = st.sampled_from(list(Language))
populations = st.integers(min_value=1, max_value=MAX_POPULATION)
gdps = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal(MAX_GDP_USD), places=2, allow_nan=False
)
#: Anything a person (or a hostile page) could type, biased towards number-like text.
number_like_text = st.one_of(
    st.text(),
    st.text(alphabet="0123456789 ,.-+eE\u00a0\u202f\u2009", max_size=30),
    st.from_regex(r"[+-]?[0-9]{1,3}([ ,.][0-9]{3}){0,3}([.,][0-9]{1,3})?", fullmatch=True),
)
