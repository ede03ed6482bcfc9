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
    Fact("index", f"IV{NBSP}Генеральной Ассамблее WeGO", "4th General Assembly of WeGO"),
    Fact("index", f"около 400{NBSP}представителей", "about 400 participants"),
    Fact("index", f"из 113{NBSP}городов", "from 113 cities"),
    Fact("index", f"120{NBSP}городов", "120 member cities"),
    Fact("index", f"с 2010{NBSP}года", "since 2010"),
    Fact("index", "01.08.2017", "1 August 2017"),
    Fact("index", "73-Г-01/18086исх", "73-Г-01/18086исх"),
    Fact("index", f"А.{NBSP}А.{NBSP}Смекалин", "A. A. Smekalin"),
    Fact("index", f"Р.{NBSP}Н.{NBSP}Минниханову", "R. N. Minnikhanov"),
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
    Fact("categories", "в первой Генеральной", "in the Inaugural General Assembly"),
    Fact("categories", "одобрена Исполнительным комитетом", "approved by the Executive Committee"),
    Fact("categories", "в качестве наблюдателя", "as an observer"),
    Fact("categories", "с согласия Организации", "with the Organization's consent"),
    Fact("categories", "в качестве докладчика", "Apply to speak"),
    Fact("categories", "регулярных сессиях Генеральной", "regular sessions of the General"),
    Fact("categories", "на следующий год после", "in the year after"),
    Fact(
        "categories",
        "ассоциированные члены, по-видимому, взносов не платят",
        "Associate Members apparently pay nothing",
    ),
    # Benefits.
    Fact("benefits", f"с 2011{NBSP}года", "since 2011"),
    Fact("benefits", "в городе Сеуле", "in Seoul"),
    Fact("benefits", f"С 2014{NBSP}года", "Since 2014"),
    Fact("benefits", "Ченду (Китай)", "Chengdu (China)"),
    Fact("benefits", "Ульяновской области (Россия)", "Ulyanovsk Region (Russia)"),
    Fact("benefits", f"В 2016{NBSP}году", "In 2016"),
    Fact("benefits", "серию вебинаров", "series of webinars"),
    Fact("benefits", "проживание, питание и местный транспорт", "accommodation, meals and local"),
    Fact("benefits", "обучающие программы по электронному", "e-Government Training Program"),
    Fact("benefits", "«Системы гражданского участия»", "the Civic Participation System"),
    Fact("benefits", "Ханой", "Hanoi"),
    Fact("benefits", "Сан-Фернандо-ла-Унион", "San Fernando (La Union)"),
    Fact("benefits", "Кесон-Сити", "Quezon City"),
    Fact("benefits", "Покхара", "Pokhara"),
    Fact("benefits", "Бхаратпур", "Bharatpur"),
    Fact(
        "benefits",
        "CeDS",
        "City e-Government Diagnostic and Solution",
    ),
    Fact("benefits", "совместно со Всемирным банком", "together with the World Bank"),
    Fact("benefits", f"В 2015{NBSP}году Организация WeGO запустила", "In 2015 WeGO launched"),
    Fact("benefits", "WeGO eGovFrame", "WeGO eGovFrame"),
    Fact("benefits", "общие модули и стандартные шаблоны", "common modules and standard"),
    Fact("benefits", "открытым исходным кодом", "open-source software"),
    Fact(
        "benefits",
        "Национальным агентством по вопросам информационного общества Кореи (NIA)",
        "National Information Society Agency (NIA), Korea",
    ),
    Fact("benefits", "Всемирный банк", "World Bank"),
    Fact(
        "benefits",
        "Сетью Организации Объединённых Наций по вопросам государственного управления",
        "United Nations Public Administration Network",
    ),
    Fact("benefits", "частного сектора", "private sector"),
    Fact("benefits", "премии WeGO", "WeGO Awards"),
    Fact("benefits", "не являющиеся членами WeGO", "not WeGO members"),
    Fact("benefits", "из числа номинированных экспертов", "from among the nominated experts"),
    Fact("benefits", f"Раз в 3{NBSP}года", "Every three years"),
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
        "## Расчёт членских взносов (в долларах США в год)",
        "## Membership fee schedule (USD per year)",
    ),
    Fact("fees", "ВВП на душу населения", "GDP per capita (PPP)"),
    Fact("fees", "«Международная финансовая статистика»", "IMF International Financial Statistics"),
    Fact("fees", "паритета покупательной способности", "purchasing-power-parity"),
    Fact(
        "fees",
        "«Размер членских взносов за любой год рассчитывается согласно ВВП за предыдущий г…» [год]",
        "“The membership fee for any year is calculated from the GDP of the previous y…” [year]",
    ),
    Fact("fees", "«за предыдущий г…»", "“previous y…”"),
    Fact("fees", f"299{NBSP}999{NBSP}жителей", "299,999 residents"),
    Fact("fees", f"300{NBSP}000{NBSP}жителей", "300,000 residents"),
    Fact("fees", "ВВП 999,99", "GDP of 999.99"),
    Fact("fees", "ассоциированные члены", "Associate Members"),
    # Several cities: the letter's republic, and how far to trust the example's figures.
    Fact("cities", "Республики Татарстан", "Republic of Tatarstan"),
    Fact("cities", "статистикой Росстата", "official statistics (Rosstat)"),
    Fact("cities", "GeoNames", "GeoNames"),
    Fact("cities", "CC BY 4.0", "CC BY 4.0"),
    Fact("cities", "подтвердите в секретариате WeGO", "confirm the fees with the WeGO Secretariat"),
    # Application form.
    Fact(
        "application",
        "Форма заявки на получение членства во Всемирной организации",
        "Membership Application Form",
    ),
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
    Fact("application", "Наименование подразделения/отдела", "Department / division"),
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
        "## Европейский региональный офис WeGO\n",
        "## WeGO European Regional Office\n",
    ),
    Fact("contacts", f"пл. Ленина, д.{NBSP}1, Ульяновск, 432017", "pl. Lenina 1"),
    Fact("contacts", "(8422) 58-93-43", "(8422) 58-93-43"),
    Fact("contacts", "mail@ulgov.ru", "mail@ulgov.ru"),
    Fact("contacts", "www.ulgov.ru", "www.ulgov.ru"),
    Fact("contacts", f"2017{NBSP}года", "2017 source"),
    # About.
    Fact("about", f"1{NBSP}августа 2017{NBSP}года", "1 August 2017"),
    Fact("about", "73-Г-01/18086исх", "73-Г-01/18086исх"),
    Fact("about", f"А.{NBSP}А.{NBSP}Смекалин", "A. A. Smekalin"),
    Fact("about", f"Р.{NBSP}Н.{NBSP}Минниханов", "R. N. Minnikhanov"),
    Fact("about", f"на 6{NBSP}листах", "on 6 sheets"),
    Fact("about", "неофициальный путеводитель", "unofficial guide"),
    Fact("about", "подтвердите их в секретариате WeGO", "confirm them with the WeGO Secretariat"),
    Fact("about", "очевидное прочтение: [год]", "evident reading in square brackets: [year]"),
)

#: What a line-by-line review against the source asked the pages to say: dated facts, the
#: guide's readings worded as readings, and the odd cells of the schedule named as such.
REVIEW_FACTS: tuple[Fact, ...] = (
    # Facts from 2017 are dated.
    Fact("index", f"По данным письма 2017{NBSP}года", "According to the 2017 letter"),
    Fact("benefits", f"это намерение относится к 2016{NBSP}году", "the aim dates from 2016"),
    Fact("about", "С текущими материалами WeGO они не сверялись", "have not been checked"),
    Fact("about", "уточняйте в секретариате WeGO", "ask the WeGO Secretariat"),
    # The guide's inferences are worded as inferences.
    Fact("categories", "вывод путеводителя", "the guide's inference"),
    *(
        Fact(slug, "по-видимому, взносов не платят", "apparently pay nothing")
        for slug in ("categories", "obligations", "procedure", "fees", "about")
    ),
    *(
        Fact(slug, "прямо источник этого не говорит", "the source does not say so outright")
        for slug in ("categories", "obligations", "procedure", "fees")
    ),
    Fact("fees", "Дальше — вывод путеводителя", "What follows is the guide's reading"),
    Fact("about", "Вывод путеводителя: ассоциированные", "The guide's inference: Associate"),
    Fact("fees", "Как путеводитель читает диапазоны (вывод путеводителя)", "How the guide reads"),
    Fact("about", "Границы диапазонов", "Band edges"),
    Fact("fees", "путеводитель читает это как объединённые ячейки", "reads these as merged cells"),
    Fact("about", "читает это как объединённые ячейки (вывод", "reads this as merged cells (the"),
    Fact("contacts", "(вывод путеводителя: письмо называет", "(the guide's inference: the letter"),
    Fact("about", "Сайт Европейского регионального офиса", "Regional Office's website"),
    Fact("about", "Язык сопроводительного письма", "The cover letter's language"),
    Fact("benefits", "на сайте WeGO — e-Government", "WeGO's website calls them the e-Government"),
    Fact("benefits", "на сайте WeGO — City e-Government", "WeGO's website expands the name"),
    Fact("about", "City e-Government Diagnostic and", "City e-Government Diagnostic and"),
    # Dated: 2017 content that reads as current is said to be from the 2017 appendix.
    *(
        Fact(
            slug,
            f"Эта страница пересказывает приложение к письму от 1{NBSP}августа 2017{NBSP}года",
            "This page retells the appendix to the letter of 1 August 2017",
        )
        for slug in ("categories", "benefits", "obligations", "procedure")
    ),
    Fact("benefits", f"По данным приложения (2017{NBSP}год)", "According to the appendix (2017)"),
    Fact(
        "application",
        f"по приложению к письму от 1{NBSP}августа 2017{NBSP}года",
        "come from the appendix to the letter of 1 August 2017",
    ),
    Fact("index", f"WeGO тогда были 120{NBSP}городов", "WeGO then had 120 member cities"),
    Fact("index", "сообщило, что с 2010", "said it had been actively cooperating"),
    Fact("contacts", "старом шестизначном формате", "old six-digit format"),
    # The source's own voice is quoted and attributed, not spoken as the guide's.
    Fact("index", "По словам письма, города", "According to the letter, WeGO member cities"),
    Fact("index", "Приложение к письму заканчивается призывом", "The letter's appendix ends"),
    Fact("application", "Приложение заканчивается призывом", "The appendix ends with a call"),
    Fact("procedure", "начинается словами секретариата WeGO", "opens with the WeGO Secretariat's"),
    # Sense: the participants, not the cities, are the ones interested.
    Fact("index", f"«Умный город», из 113{NBSP}городов", "“Smart City” projects, from 113 cities"),
    # Parity between the languages.
    Fact("procedure", "ВВП на душу населения (ППС)", "GDP per capita (PPP)"),
    Fact("index", "(cities.md)", "(cities.md)"),
    Fact("about", "GeoNames (лицензия CC BY 4.0)", "GeoNames, an open"),
    Fact("about", "«e-mail», «10", "“e-mail”, “10,000+”"),
    Fact("about", "«касаемых» → «касающихся»", "a misspelt participle"),
    # Note 2: the source's cut words, then the evident reading in brackets.
    Fact("fees", "очевидное прочтение путеводителя", "the guide's reading, the obvious one"),
    Fact("about", "за предыдущий г…». Путеводитель", "of the previous y…”. The guide"),
    # The schedule's odd cells and its inferred row axis.
    Fact("fees", "## Оценочные и нестандартные значения", "## Estimated and irregular cells"),
    Fact("fees", "прочитать двумя способами", "can be read two ways"),
    Fact("fees", "Две ячейки последней строки", "Two cells of the last row"),
    Fact("fees", "подписана только ось населения", "labels only the population axis"),
    Fact("about", "Пустая ячейка: два прочтения", "An empty cell with two readings"),
    Fact("about", "`fee_range_usd`", "`fee_range_usd`"),
    Fact("about", "Две ячейки не по шагу строки", "Two cells off the row's step"),
    Fact("about", "подписана только ось населения", "labels only the population axis"),
    # The second data source, and how it differs from the one the rules cite.
    Fact("about", "World Development Indicators (WDI)", "World Development Indicators (WDI)"),
    Fact("about", "NY.GDP.PCAP.PP.CD", "NY.GDP.PCAP.PP.CD"),
    Fact("about", "«Международная финансовая статистика»", "IMF International Financial"),
    Fact("about", "могут отличаться от цифр МВФ", "can differ from the IMF's"),
    # Additions the source does not support are marked as the guide's.
    Fact("application", "не её оформлению", "not its look"),
    Fact("application", "поставлены путеводителем", "are the guide's"),
    Fact("about", "Правка ограничена следующим", "The editing is limited to this"),
    # Terms.
    Fact("benefits", "разработанная специально для городов", "developed specifically for"),
    Fact("benefits", "Всемирным банком", "a toolkit developed together with the World Bank"),
    Fact("application", "Руководитель департамента/отдела", "Head of the IT department/division"),
    Fact("about", "Inaugural General Assembly", "Inaugural General Assembly"),
)

#: Wording the review found unsupported or inconsistent: no page may carry it any more.
RETIRED: dict[str, tuple[str, ...]] = {
    "ru": (
        "(UNPAN)",
        "повторяет официальную",
        "рабочем языке",
        "офис WeGO (Ульяновская область)",
        "единственное возможное",
        "только очевидные опечатки",
        "Расчётные и нестандартные",
        "тыс. человек",
        "Секретариате WeGO",
        "Ассоциированные члены взносов не платят",
        "из источника следует",
        "Из источника следует",
        "Вы уже",
        "подразделения / отдела",
        "справочник",
    ),
    "en": (
        "(UNPAN)",
        "follows the official one",
        "Regional Office (Ulyanovsk Region)",
        "the only possible reading",
        "only obvious typos",
        "development toolkit",
        "IV General Assembly",
        "first General Assembly",
        "the Seal",
        "Every 3 years",
        "Email:",
        "and over",
        "— on a purchasing-power-parity basis —",
        "Civic Participation Systems",
        "Associate Members pay no fees",
        "the source implies",
        "The source implies",
        "01.08.2017",
        "and quotes",
        "quote that lands",
        "carried on",
        "even rise continued",
        "printed off the row",
        "the guide's evident reading",
        "WeGO's members are",
        '"Membership fees"',
    ),
}
