"""Cyrillic city names become safe file names (application-docx/transliterate.mjs, ICAO 9303)."""

from __future__ import annotations

import json
import subprocess

from .reading import NODE, ROOT

MODULE = ROOT / "docs" / "assets" / "javascripts" / "application-docx" / "transliterate.mjs"
SCRIPT = f"""
import {{ readFileSync }} from "node:fs";
import {{ transliterate, fileNamePart }} from {json.dumps(MODULE.as_uri())};
const {{ words, limit }} = JSON.parse(readFileSync(0, "utf-8"));
process.stdout.write(JSON.stringify(words.map((w) => [transliterate(w), fileNamePart(w, limit)])));
"""


def run(words: list[str], limit: int = 60) -> list[tuple[str, str]]:
    assert NODE
    completed = subprocess.run(
        [NODE, "--input-type=module", "-e", SCRIPT],
        input=json.dumps({"words": words, "limit": limit}),
        capture_output=True,
        text=True,
        check=True,
    )
    return [tuple(pair) for pair in json.loads(completed.stdout)]


#: City names and their spelling by ICAO Doc 9303, as in Russian international passports.
SPELLINGS = [
    ("Ульяновск", "Ulianovsk"),
    ("Казань", "Kazan"),
    ("Нижний Новгород", "Nizhnii Novgorod"),
    ("Щёлково", "Shchelkovo"),
    ("Южно-Сахалинск", "Iuzhno-Sakhalinsk"),
    ("Хабаровск", "Khabarovsk"),
    ("Цивильск", "Tsivilsk"),
    ("Чебоксары", "Cheboksary"),
    ("Подъячево", "Podieiachevo"),
    ("Элиста", "Elista"),
    ("Ярославль", "Iaroslavl"),
    ("ЖУКОВСКИЙ", "ZHUKOVSKII"),
    ("Київ", "Kiiv"),
    ("City of Kazan", "City of Kazan"),
]


def test_icao_9303_spelling():
    """Every letter of the table, upper and lower case; Latin text is left as it is."""
    spelled = [latin for latin, _ in run([city for city, _ in SPELLINGS])]
    assert spelled == [latin for _, latin in SPELLINGS]


def test_file_name_parts_are_plain_ascii_words_joined_by_hyphens():
    words = [
        "Город Ульяновск",
        "São Paulo",
        "../../etc/passwd",
        '<img src=x onerror="alert(1)">',
        "  Казань, Республика Татарстан  ",
        "",
        "人民",
        "Город\u0000\u202eУльяновск",
    ]
    parts = [part for _, part in run(words)]
    assert parts == [
        "Gorod-Ulianovsk",
        "Sao-Paulo",
        "etc-passwd",
        "img-src-x-onerror-alert-1",
        "Kazan-Respublika-Tatarstan",
        "",
        "",
        "Gorod-Ulianovsk",
    ]


def test_long_names_are_cut_between_words():
    [(_, part)] = run(["Муниципальное образование город Ульяновск Ульяновской области"], 30)
    assert part == "Munitsipalnoe-obrazovanie"
    assert len(part) <= 30
    [(_, unbroken)] = run(["а" * 100], 30)
    assert unbroken == "a" * 30
