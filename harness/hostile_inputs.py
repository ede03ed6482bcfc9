"""A shared corpus of malformed and hostile values for the two number fields.

One declarative list, used by the engine's tests (tests/calculator/test_hostile_inputs.py, on
the host and inside Pyodide), the command line and the fees page's widget (tests/e2e): each
value, typed as the population or as GDP per capita, must give a coded error in the reader's
language — never an exception, a hang, a quote, or markup that runs.

Std-lib only: the engine tests that import it are also run inside Pyodide.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["CORPUS", "XSS_FLAG", "HostileInput", "portable", "typeable"]

#: The payloads below set this global if they ever run; the browser tests check it stays unset.
XSS_FLAG = "__xss"


class HostileInput(NamedTuple):
    """One value and what it exercises."""

    text: str
    what: str


def _entries(what: str, *texts: str) -> list[HostileInput]:
    return [HostileInput(text, what) for text in texts]


_XSS = f"window.{XSS_FLAG}=1"

CORPUS: tuple[HostileInput, ...] = tuple(
    [
        # --- nothing there ---------------------------------------------------------------
        *_entries("empty", ""),
        *_entries(
            "whitespace only",
            " ",
            "   ",
            "\t",
            "\n",
            "\r\n",
            " \t \n ",
            "\u00a0",
            "\u202f",
            "\u2009",
            "\u00a0\u202f\u2009 ",
        ),
        *_entries("other space characters", "\u3000", "\u2003", "1\u2003000", "\u3000123"),
        # --- signs -----------------------------------------------------------------------
        *_entries("a sign alone", "-", "+", "\u2212", "±", "+-", "-+"),
        *_entries(
            "negative numbers",
            "-1",
            "-5000",
            "-1 000",
            "-1,000",
            "- 5",
            "\u22125",
            "\u20135",
            "\u20145",
            "\ufe635",
            "\uff0d5",
            "\u20125",
            "-1e3",
            "-0.5",
        ),
        *_entries("zero, signed or not", "0", "00", "-0", "+0", "0.0", "0,0", "0e5", "000 000"),
        *_entries(
            "signs in the wrong place",
            "--5",
            "++5",
            "+-5",
            "-+5",
            "5-",
            "5+",
            "5-3",
            "1+1",
            "1 - 2",
            "1-000",
            "(5)",
            "-(5)",
            "+ -5",
            "±5",
        ),
        # --- separators in every wrong place ---------------------------------------------
        *_entries("a separator alone", ",", ".", ",,", "..", ".,", ", .", "_"),
        *_entries(
            "leading or trailing separators",
            ",5",
            ",1,000",
            "1,",
            "1.",
            "1,000,",
            "1.000.",
            ".1.000",
            "1 000,",
            ",000",
        ),
        *_entries(
            "separators repeated or mis-grouped",
            "1,,000",
            "1..0",
            "1,2,3",
            "1.2.3",
            "1,000,00",
            "1.000.00",
            "10,00,000",
            "1,0000,000",
            "1 00 000",
            "1  000",
            "12 34 56",
            "1 000 00",
            "1,000 000",
            "1,000.000.5",
            "1.000,000,5",
            "1,000.5.5",
            "1 ,000",
            "1, 000",
            "1 .000",
        ),
        *_entries(
            "foreign group separators",
            "1'000",
            "1_000",
            "1\u066c000",
            "1\u00b7000",
            "1\u2019000",
            "1\u02bc000",
            "1\u2032000",
        ),
        # --- exponents ---------------------------------------------------------------------
        *_entries(
            "broken exponents",
            "e",
            "E",
            "e5",
            "1e",
            "1E",
            "1e+",
            "1e-",
            "1e5e5",
            "1e5.5",
            "1e 5",
            "1 e5",
            "1,5e3",
            "1ee5",
            "1e--5",
            "1e\u22125",
        ),
        *_entries(
            "exponents beyond the range",
            "1e309",
            "1e1000",
            "9e99999",
            "1.7976931348623159e308",
            "1e99999999999999999999",
            "1e308",
            "2e9",
        ),
        *_entries(
            "radix prefixes and code-like numbers",
            "0x10",
            "0X1F4",
            "0b101",
            "0o17",
            "1_000_000",
            "1/2",
            "1:2",
            "2*3",
            "2**10",
            "10%",
        ),
        # --- nan and inf -----------------------------------------------------------------
        *_entries(
            "nan and infinity",
            "nan",
            "NaN",
            "NAN",
            "-nan",
            "snan",
            "nan(123)",
            "inf",
            "Inf",
            "-inf",
            "+inf",
            "Infinity",
            "-Infinity",
            "infinity",
            "\u221e",
            "-\u221e",
            "1/0",
            "in f",
        ),
        # --- enormous numbers ------------------------------------------------------------
        *_entries(
            "enormous numbers",
            "1" * 40,
            "1" + "0" * 39,
            "100 000 001",
            "100,000,001",
            "999999999999999999999",
            "18446744073709551616",
            "9" * 39 + ".5",
        ),
        # --- digits of other scripts -----------------------------------------------------
        *_entries(
            "other scripts' digits",
            "\u0666\u0661\u0663\u0667\u0668\u0666",  # Arabic-Indic
            "\u06f6\u06f1\u06f3\u06f7\u06f8\u06f6",  # Extended Arabic-Indic (Persian)
            "\u0966\u0967\u0968\u0969",  # Devanagari
            "\u09e7\u09e8\u09e9",  # Bengali
            "\u0e51\u0e52\u0e53",  # Thai
            "\uff11\uff12\uff13",  # fullwidth
            "\uff11,\uff10\uff10\uff10",  # fullwidth with a comma
            "\U0001d7cf\U0001d7ce\U0001d7ce",  # mathematical bold
            "\u2460\u2461\u2462",  # circled
            "\u00b2\u00b3",  # superscripts
            "123\u0664",  # mixed Latin and Arabic-Indic
            "\u07c1\u07c2",  # NKo
            "\u1811\u1812",  # Mongolian
            "\u0ae7\u0ae8",  # Gujarati
            "\u0f21\u0f22",  # Tibetan
            "\u1041\u1042",  # Myanmar
        ),
        *_entries(
            "numerals that are not digits",
            "\u4e00\u5343",  # CJK "one thousand"
            "\u216b",  # Roman numeral twelve
            "\u00bd",  # one half
            "\u2155",  # one fifth
            "XIV",
        ),
        # --- invisible, bidi and control characters -------------------------------------
        *_entries(
            "bidi controls",
            "\u202e123",
            "123\u202c",
            "\u202d1000",
            "\u200f123",
            "\u200e123",
            "\u2066123\u2069",
            "\u2067123\u2069",
            "\u061c123",
            "1\u202e000",
        ),
        *_entries(
            "zero-width and format characters",
            "1\u200b000",
            "\ufeff123",
            "\u00ad123",
            "1\u20602",
            "12\u200d3",
            "12\u200c3",
            "\u180e123",
            "\U000e0031",
            "1\u034f000",
        ),
        *_entries(
            "control characters",
            "\x00",
            "12\x003",
            "\x07",
            "\x1b[31m123",
            "123\x08\x08",
            "\x7f",
            "\x85123",
            "1\x0b000",
            "1\x0c000",
            "\u2028123",
            "123\u2029",
        ),
        *_entries(
            "unassigned, private-use and surrogate code points",
            "\ue000",
            "\U0010fffd",
            "\u0378",
            "\ud800",
            "12\udfff",
        ),
        *_entries(
            "combining marks and look-alikes",
            "1\u0301000",
            "l000",
            "O00",
            "1OOO",
            "\u0417\u0417",  # Cyrillic Ze, like 3
            "\u0431",  # Cyrillic be, like 6
            "\u0399\u039f",  # Greek Iota Omicron
            "\u2170\u2171",  # small Roman numerals
            "1\u20e3",  # keycap
            "\U0001f4af",
        ),
        # --- words, units and currencies --------------------------------------------------
        *_entries(
            "words and units",
            "abc",
            "one thousand",
            "\u0442\u044b\u0441\u044f\u0447\u0430",  # "тысяча"
            "1k",
            "1K",
            "1M",
            "1 \u043c\u043b\u043d",  # "1 млн"
            "2 \u0442\u044b\u0441.",  # "2 тыс."
            "1000 USD",
            "$1000",
            "1000$",
            "USD 1000",
            "\u20ac1000",
            "1000\u00a0\u20bd",
            "about 1000",
            "~1000",
            "\u22481000",
            ">1000",
            "<1000",
        ),
        *_entries(
            "values from other types",
            "null",
            "None",
            "undefined",
            "true",
            "false",
            "[]",
            "{}",
            "[1000]",
            '{"population": 1000}',
            "0 but true",
        ),
        # --- markup and injection -------------------------------------------------------
        *_entries(
            "markup",
            f"<script>{_XSS}</script>",
            f"<img src=x onerror={_XSS}>",
            f'"><svg onload={_XSS}>',
            f"'><svg/onload={_XSS}>",
            f"<iframe srcdoc='<script>parent.{_XSS}</script>'>",
            f'<a href="javascript:{_XSS}">1000</a>',
            "<b>1000</b>",
            "1000<br>",
            "<!--",
            "-->",
            "]]>",
            "<style>*{display:none}</style>",
            f"<details open ontoggle={_XSS}>",
            f"<math><mtext><table><mglyph><style><img src=x onerror={_XSS}>",
            "&lt;1000&gt;",
            "&#49;&#48;&#48;&#48;",
            "&nbsp;1000",
        ),
        *_entries(
            "script and template injection",
            f"javascript:{_XSS}",
            f"data:text/html,<script>{_XSS}</script>",
            "{{7*7}}",
            "${7*7}",
            "<%= 7*7 %>",
            "{% raw %}",
            "`whoami`",
            "$(whoami)",
            "; rm -rf /",
            "' OR 1=1 --",
            '" OR ""="',
            "1; DROP TABLE fees",
            "%00",
            "%3Cscript%3E",
            "\\u003cscript\\u003e",
            "__import__('os')",
            "1000\\",
        ),
        # --- quotes ---------------------------------------------------------------------
        *_entries(
            "quotes",
            "'",
            '"',
            "''",
            '""',
            '"1000"',
            "'1000'",
            "\u00ab1000\u00bb",
            "\u201e1000\u201c",
            "`1000`",
            "1000'",
            '1000"',
        ),
        # --- very long strings ----------------------------------------------------------
        *_entries(
            "very long strings",
            "1" * 41,
            "1" * 1000,
            "9" * 100_000,
            " " * 1000,
            " " * 100 + "1000" + " " * 100,
            "a" * 10_000,
            "1," * 500,
            "<" * 200,
            "\u202e" * 100,
            "1 " * 30,
            "\U0001f4af" * 50,
            f"<script>{_XSS}</script>" * 20,
        ),
    ]
)


def typeable(entry: HostileInput) -> bool:
    """Whether a person can put the value into a one-line text box as it is.

    A browser strips line breaks from such a box and cannot hold NUL or a lone surrogate, so
    the widget tests skip those values (the engine and the CLI still get them). A value longer
    than the box's ``maxlength`` is cut there, as it would be for the reader.
    """
    return not any(c in "\n\r\x00" or "\ud800" <= c <= "\udfff" for c in entry.text)


def portable(entry: HostileInput) -> bool:
    """Whether the value can travel as a command-line argument (no NUL, no lone surrogate)."""
    return not any(c == "\x00" or "\ud800" <= c <= "\udfff" for c in entry.text)
