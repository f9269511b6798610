"""Arabic affixes in one table: proclitics, article forms, suffixes, and what each reader takes."""

from __future__ import annotations

# Every form is written as `normalize` and `fold_for_search` give it: ة is ه, ى is ي, and alef
# carries no hamza. Order matters where a tuple is read first match first: longer forms come
# before the forms they end (or start) with.

# --- the table --------------------------------------------------------------------------------

ARTICLE = "ال"
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
# The article alone or after one conjunction or preposition (ل + ال is written لل); their first
# letters differ, so a word starts with at most one of them.
ARTICLE_FORMS = ("وال", "فال", "بال", "كال", "لل", "ال")

# Attached pronouns, longest first (the order the lexicon tries them in).
PRONOUNS = ("كما", "هما", "كم", "كن", "هم", "هن", "ها", "نا", "ني", "ه", "ي", "ك")
# The sound plurals (feminine ات, masculine ون and ين) and the dual (ان, and ين again).
PLURALS = ("ات", "ون", "ين")
DUAL = "ان"
# The nisba ending and its feminine and plural forms (عراقي عراقية عراقيون عراقيين عراقيات).
NISBA = ("يين", "يون", "يات", "يه", "ي")
# The plural ending of verbs (قالوا).
VERB_PLURAL = "وا"
# ة, which normalize writes ه (before a pronoun it is written ت: حكومته).
TA_MARBUTA = "ه"
# The alef that carries tanween (عامًا).
TANWEEN_ALEF = "ا"


def _longest_first(forms: set[str] | frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


# --- each reader's share ----------------------------------------------------------------------

# The light stemmer (stemmer.py) works without a word list, so it strips only endings that rarely
# are letters of a word: not the pronouns ك كن ني (ملك, يمكن, ثاني); and not يات, which it reads
# as ات after the nisba's ي (العراقيات -> عراقي).
STEM_PRONOUNS = frozenset(PRONOUNS) - {"ك", "كن", "ني"}
STEM_SUFFIXES = _longest_first(
    STEM_PRONOUNS | set(PLURALS) | {DUAL} | (set(NISBA) - {"يات"}) | {TA_MARBUTA}
)
# Endings that close many nouns and names too (ايران, حسين): the stem must keep 4 letters.
STEM_LONG_SUFFIXES = frozenset(PLURALS) - {"ات"} | {DUAL}
# The nisba endings that carry more than the ي (the stemmer keeps a known adjective's ي).
STEM_NISBA = frozenset(NISBA) - {"ي", "يات"}
# Proclitics the stemmer may strip after a conjunction: the article, alone or after ل.
STEM_ARTICLE_AFTER_CONJUNCTION = ("لل", ARTICLE)

# Glossary terms (anchors/glossary.py) are matched whole, so they take the stemmer's suffixes and
# the nisba's feminine plural too (العراقيات).
GLOSSARY_SUFFIXES = _longest_first(set(STEM_SUFFIXES) | {"يات"})

# The lexicon (anchors/lexicon.py) tries every stem a word may have against its word list, so it
# takes every pronoun (in the order of PRONOUNS) and then every one of these endings.
LEXICON_ENDINGS = (*PLURALS, DUAL, VERB_PLURAL, TA_MARBUTA, TANWEEN_ALEF)
# Its proclitics in the order it tries them, longest first: conjunction, preposition, article, and
# the future's س (وسيقول). No فك: it begins many words (فكرة, فكر), and reading it as ف + ك
# moves the benchmark alignments (docs/benchmarks.md).
LEXICON_PROCLITICS = (
    "وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
    "وب", "ول", "وك", "فب", "فل", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س",
)

# Number words (anchors/number_words.py) take one conjunction, preposition or article form; the
# article forms first, so that والثلاثة loses وال, not و alone.
NUMBER_PROCLITICS = (*ARTICLE_FORMS, *CONJUNCTIONS, *PREPOSITIONS)

# Month names (anchors/dates.py) take a conjunction or ب ل (وشباط, بشباط, لتموز); not ك, since
# ك + a month (كأيار, "like May") names no date.
DATE_CLITICS = (*CONJUNCTIONS, "ب", "ل")
