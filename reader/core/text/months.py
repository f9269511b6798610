"""Month names and their numbers: English, and Arabic in its three systems of names."""

from __future__ import annotations

from reader.core.arabic.normalise import fold_for_search

EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
# The abbreviations written with or without a full stop (May has none).
EN_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}

# Arabic names as they are written, January first in each system; the date and post finders read
# them folded, as they fold the text (no hamza on alef, ة as ه, ى as ي).
AR_SYRIAC = (  # the Levant and Iraq
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
    "تشرين الأول", "تشرين الثاني", "كانون الأول",
)
AR_EUROPEAN = (  # Egypt and the Gulf, from the English and Latin names
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
)
AR_MAGHREBI = (  # the Maghreb, from the French names
    "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
)
# Other spellings in use.
AR_VARIANTS = {"إبريل": 4, "يونيه": 6, "يوليه": 7}
# Names that are also common words (آب "father", مارس "he practised", ماي, أوت): a date only
# with a day or a year beside them.
AR_AMBIGUOUS = ("آب", "مارس", "ماي", "أوت")


def _numbered(*systems: tuple[str, ...]) -> dict[str, int]:
    return {name: number for names in systems for number, name in enumerate(names, start=1)}


AR_MONTHS: dict[str, int] = _numbered(AR_SYRIAC, AR_EUROPEAN, AR_MAGHREBI) | AR_VARIANTS


def folded(name: str) -> str:
    """A month name in the form `fold_for_search` gives the text it is looked for in."""
    return fold_for_search(name)[0]


# The letters a folded name stands for in written text: alef with or without hamza or madda,
# and at the end of a word ة or ه, ى or ي (the post finder reads lines as written).
_ALEF = "[اأإآ]"
_FINAL = {"ه": "[هة]", "ي": "[يى]"}


def _written(form: str) -> str:
    out = []
    for i, c in enumerate(form):
        if c == "ا":
            out.append(_ALEF)
        elif i + 1 == len(form) or form[i + 1] == " ":
            out.append(_FINAL.get(c, c))
        else:
            out.append(c)
    return "".join(out)


def written_pattern(names: list[str]) -> str:
    """A regex alternation (longest first) matching each name in any of its written forms."""
    forms = sorted({folded(name) for name in names}, key=lambda f: (-len(f), f))
    return "|".join(_written(form) for form in forms)
