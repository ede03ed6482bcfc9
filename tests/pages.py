"""The site's pages: the same slugs in both languages (Russian at the root, English under en/)."""

#: Every page of the site, by slug ("" is the home page).
SLUGS = [
    "",
    "categories/",
    "benefits/",
    "obligations/",
    "procedure/",
    "fees/",
    "cities/",
    "application/",
    "contacts/",
    "since-2017/",
    "about/",
]
#: Language code -> the folder its pages live in.
LANGS = {"ru": "", "en": "en/"}
