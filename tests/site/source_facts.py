"""Key facts of the source letter and its appendix, as they must appear on the site.

Each fact is ``(slug, ru, en)``: the page (``docs/<lang>/<slug>.md``) and the exact substring
expected in the Russian and in the English page. The pages are compared with every run of
spaces, tabs and line breaks collapsed to one space, so line wrapping does not matter; the
no-break space (U+00A0) that Russian pages put between digit groups is kept as it is.
"""

from typing import NamedTuple

NBSP = "\u00a0"


class Fact(NamedTuple):
    """One fact: the page slug and the substring expected in each language."""

    slug: str
    ru: str
    en: str


FACTS: tuple[Fact, ...] = (
    # Home: the organisation and the invitation.
    Fact(
        "index",
        "Всемирная организация электронных правительств городов и местной власти (WeGO)",
        "World e-Governments Organization of Cities and Local Governments (WeGO)",
    ),
    Fact("index", "IV Генеральной Ассамблее WeGO", "IV General Assembly of WeGO"),
    Fact("index", "около 400 представителей", "about 400 participants"),
    Fact("index", "из 113 городов", "from 113 cities"),
    Fact("index", "120 городов", "120 cities"),
    Fact("index", "с 2010 года", "since 2010"),
    Fact("index", "01.08.2017", "01.08.2017"),
    Fact("index", "73-Г-01/18086исх", "73-Г-01/18086исх"),
    Fact("index", "А. А. Смекалин", "A. A. Smekalin"),
    Fact("index", "Р. Н. Минниханову", "R. N. Minnikhanov"),
    Fact("index", "Президенту Республики Татарстан", "President of the Republic of Tatarstan"),
    Fact("index", "исполняющий обязанности Губернатора", "Acting Governor"),
    Fact("index", "«Умный город»", "“Smart City”"),
    Fact("index", "инвестиционному и экономическому росту", "investment and economic growth"),
    Fact("index", "(fees.md)", "(fees.md)"),
    Fact("index", "(application.md)", "(application.md)"),
    # Categories.
    Fact(
        "categories",
        "Города и местные власти со всего мира",
        "Cities and local governments from all over the world",
    ),
    Fact("categories", "Полноправным членом", "Full Member"),
    Fact("categories", "Ассоциированным членом", "Associate Member"),
    Fact("categories", "в первой Генеральной", "in the first General Assembly"),
    Fact("categories", "одобрена Исполнительным комитетом", "approved by the Executive Committee"),
    Fact("categories", "в качестве наблюдателя", "as an observer"),
    Fact("categories", "с согласия Организации", "with the Organization's consent"),
    Fact("categories", "в качестве докладчика", "Apply to speak"),
    Fact("categories", "регулярных сессиях Генеральной", "regular sessions of the General"),
    Fact("categories", "на следующий год после", "in the year after"),
    Fact("categories", "Ассоциированные члены взносов не", "Associate Members pay nothing"),
    # Benefits.
    Fact("benefits", "С 2011 года", "Since 2011"),
    Fact("benefits", "в городе Сеуле", "in Seoul"),
    Fact("benefits", "С 2014 года", "Since 2014"),
    Fact("benefits", "Ченду (Китай)", "Chengdu (China)"),
    Fact("benefits", "Ульяновской области (Россия)", "Ulyanovsk Region (Russia)"),
    Fact("benefits", "В 2016 году", "In 2016"),
    Fact("benefits", "серию вебинаров", "series of webinars"),
    Fact("benefits", "проживание, питание и местный транспорт", "accommodation, meals and local"),
    Fact("benefits", "обучающие программы по электронному", "e-Government Training Program"),
    Fact("benefits", "«Системы гражданского участия»", "Civic Participation Systems"),
    Fact("benefits", "Ханой", "Hanoi"),
    Fact("benefits", "Сан-Фернандо-ла-Унион", "San Fernando (La Union)"),
    Fact("benefits", "Кесон-Сити", "Quezon City"),
    Fact("benefits", "Покхара", "Pokhara"),
    Fact("benefits", "Бхаратпур", "Bharatpur"),
    Fact(
        "benefits",
        "CeDS",
        "City e-Government Diagnostic and Solution (CeDS) online platform",
    ),
    Fact("benefits", "совместно со Всемирным банком", "together with the World Bank"),
    Fact("benefits", "В 2015 году Организация WeGO запустила", "In 2015 WeGO launched"),
    Fact("benefits", "WeGO eGovFrame", "WeGO eGovFrame"),
    Fact("benefits", "общие модули и стандартные шаблоны", "common modules and standard"),
    Fact("benefits", "открытым исходным кодом", "open-source software"),
    Fact(
        "benefits",
        "Национальным агентством по вопросам информационного общества Кореи (NIA)",
        "National Information Society Agency (NIA), Korea",
    ),
    Fact("benefits", "Всемирный банк", "World Bank"),
    Fact("benefits", "(UNPAN)", "United Nations Public Administration Network (UNPAN)"),
    Fact("benefits", "частного сектора", "private sector"),
    Fact("benefits", "премии WeGO", "WeGO Awards"),
    Fact("benefits", "не являющиеся членами WeGO", "not WeGO members"),
    Fact("benefits", "из числа номинированных экспертов", "from among the nominated experts"),
    Fact("benefits", "Раз в 3 года", "Every 3 years"),
    Fact("benefits", "«Устойчивое развитие умных городов»", "“Sustainable development of smart"),
    Fact("benefits", "«Развитие интернета вещей»", "“Development of the Internet of Things”"),
    Fact("benefits", "посредством электронного правительства»", "through e-government”"),
    Fact("benefits", "с мэрами", "with mayors"),
    # Obligations.
    Fact("obligations", "проектах и собраниях WeGO", "WeGO projects and meetings"),
    Fact("obligations", "передовыми практиками", "best practices"),
    Fact(
        "obligations",
        "3. Полноправные члены WeGO должны вносить ежегодные членские взносы.",
        "3. Full Members of WeGO shall pay annual membership fees.",
    ),
    Fact("obligations", "постоянную связь с секретариатом WeGO", "regular contact with the WeGO"),
    Fact("obligations", "5. Члены WeGO должны способствовать", "5. WeGO members shall promote"),
    # Procedure.
    Fact("procedure", "официально уполномоченным представителем", "officially authorised"),
    Fact("procedure", "по электронной почте или факсу", "by e-mail or fax"),
    Fact("procedure", "становится ассоциированным", "becomes an Associate"),
    Fact("procedure", "Исполнительным комитетом WeGO", "Executive Committee of WeGO"),
    Fact("procedure", "```mermaid flowchart TD", "```mermaid flowchart TD"),
    Fact("procedure", "(fees.md)", "(fees.md)"),
    Fact("procedure", "(application.md)", "(application.md)"),
    # Fees.
    Fact("fees", "## Рассчитать взнос", "## Estimate your fee"),
    Fact(
        "fees",
        "## Расчёт членских взносов (в долларах США)",
        "## Membership fee schedule (USD per year)",
    ),
    Fact("fees", "ВВП на душу населения", "GDP per capita (PPP)"),
    Fact("fees", "«Международная финансовая статистика»", "IMF International Financial Statistics"),
    Fact("fees", "паритета покупательной способности", "purchasing-power-parity"),
    Fact("fees", "ВВП за предыдущий год", "GDP of the previous year"),
    Fact("fees", "«за предыдущий г…»", "“previous y…”"),
    Fact("fees", f"299{NBSP}999 жителей", "299,999 residents"),
    Fact("fees", f"300{NBSP}000 жителей", "300,000 residents"),
    Fact("fees", "ВВП 999,99", "GDP of 999.99"),
    Fact("fees", "Ассоциированные члены", "Associate Members"),
    # Several cities: the letter's republic, and how far to trust the example's figures.
    Fact("cities", "Республики Татарстан", "Republic of Tatarstan"),
    Fact("cities", "статистикой Росстата", "official statistics (Rosstat)"),
    Fact("cities", "GeoNames", "GeoNames"),
    Fact("cities", "CC BY 4.0", "CC BY 4.0"),
    Fact("cities", "подтвердите в секретариате WeGO", "confirm the fees with the WeGO Secretariat"),
    # Application form.
    Fact("application", "Форма заявки на получение членства WeGO", "Membership Application Form"),
    Fact(
        "application",
        "Официальное название города / государственного органа исполнительной власти",
        "Official name of the city / government executive body",
    ),
    Fact(
        "application",
        "Официальное название государственного органа местной власти",
        "Official name of the local government body",
    ),
    Fact("application", "Почтовый адрес", "Postal address"),
    Fact("application", "Индекс", "Postcode"),
    Fact("application", "Официальный сайт", "Official website"),
    Fact(
        "application",
        "## 2. Мэр / глава местной исполнительной власти",
        "## 2. Mayor / Head of the local executive authority",
    ),
    Fact(
        "application",
        "Срок пребывания в должности (месяц, год – месяц, год)",
        "Term of office (month, year – month, year)",
    ),
    Fact(
        "application", "## 4. Руководитель департамента/отдела", "## 4. Head of the IT department"
    ),
    Fact(
        "application",
        "## 5. Контактное лицо для связи с секретариатом WeGO",
        "## 5. Contact person for the WeGO Secretariat",
    ),
    Fact("application", "Наименование подразделения / отдела", "Department / division"),
    Fact("application", "согласен(на) следовать Уставу WeGO", "agrees to follow the WeGO Charter"),
    Fact(
        "application",
        "Печать уполномоченного органа исполнительной власти",
        "Seal of the authorised executive body",
    ),
    Fact("application", "Дата: день/месяц/год", "Date: day/month/year"),
    Fact("application", "(contacts.md)", "(contacts.md)"),
    # Contacts.
    Fact("contacts", "10F Seoul Global Center", "10F Seoul Global Center"),
    Fact(
        "contacts",
        "38 Jongro, Jongno-gu, Seoul 100-739, Republic of Korea",
        "38 Jongro, Jongno-gu, Seoul 100-739, Republic of Korea",
    ),
    Fact("contacts", "+82 (0)2 720 2937", "+82 (0)2 720 2937"),
    Fact("contacts", "+82 (0)2 720 2939", "+82 (0)2 720 2939"),
    Fact(
        "contacts",
        "(mailto:secretariat@we-gov.org)",
        "(mailto:secretariat@we-gov.org)",
    ),
    Fact(
        "contacts",
        "[www.we-gov.org](http://www.we-gov.org)",
        "[www.we-gov.org](http://www.we-gov.org)",
    ),
    Fact("contacts", "wego.ulregion.ru", "wego.ulregion.ru"),
    Fact(
        "contacts",
        "Европейский региональный офис WeGO (Ульяновская область)",
        "WeGO European Regional Office (Ulyanovsk Region)",
    ),
    Fact("contacts", "пл. Ленина, д. 1, Ульяновск, 432017", "pl. Lenina 1"),
    Fact("contacts", "(8422) 58-93-43", "(8422) 58-93-43"),
    Fact("contacts", "mail@ulgov.ru", "mail@ulgov.ru"),
    Fact("contacts", "www.ulgov.ru", "www.ulgov.ru"),
    Fact("contacts", "2017 года", "2017 source"),
    # About.
    Fact("about", "1 августа 2017 года", "1 August 2017"),
    Fact("about", "73-Г-01/18086исх", "73-Г-01/18086исх"),
    Fact("about", "А. А. Смекалин", "A. A. Smekalin"),
    Fact("about", "Р. Н. Минниханов", "R. N. Minnikhanov"),
    Fact("about", "на 6 листах", "on 6 sheets"),
    Fact("about", "неофициальный путеводитель", "unofficial guide"),
    Fact("about", "подтвердите их в секретариате WeGO", "confirm them with the WeGO Secretariat"),
    Fact("about", "«за предыдущий год»", "“previous year”"),
)
