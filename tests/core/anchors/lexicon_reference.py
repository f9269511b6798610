"""`Lexicon.translations`' search for a word's stem as first written: the fast one's reference."""

# Kept as it was before `reader.core.anchors.lexicon_lookup.StemFinder` (issue 13): the tests
# check that the finder picks the same stem as the first of these candidates the lexicon holds.

from __future__ import annotations

from collections.abc import Iterator

from reader.core.anchors.arabic_patterns import verb_candidates
from reader.core.arabic.affixes import ARTICLE, LEXICON_ENDINGS, LEXICON_PROCLITICS, PRONOUNS
from reader.core.arabic.stemmer import strip_clitics

# The tails (pronouns, then endings) by their last letter and the proclitics by their first,
# each in its order: a word need only be tested for those that share its last or first letter.
_TAILS = PRONOUNS + LEXICON_ENDINGS
_TAILS_ENDING_IN = {
    letter: tuple(t for t in _TAILS if t[-1] == letter) for letter in {t[-1] for t in _TAILS}
}
_PROCLITICS_STARTING_WITH = {
    letter: tuple(p for p in LEXICON_PROCLITICS if p[0] == letter)
    for letter in {p[0] for p in LEXICON_PROCLITICS}
}


# Fewer letters than this left by an ending or a clitic are not a stem: two-letter words are
# too often the accident of a stripped letter (معين is not مع "with" + ين, حياة not حي + ا).
_MIN_STEM = 3
# ... except before a pronoun (يدي, أمي, فمك) or after و ف ب (بكل, ومخ), which leave common
# two-letter words (يد, أم, فم, كل); ه is left out, a ta marbuta as often (مدة is not مد + ه),
# and so are ك ل and the article (كلم is not ك + لم, لكم not ل + كم, والآن not وال + أن).
_TWO_LETTER_TAILS = frozenset(PRONOUNS) - {"ه"}
_TWO_LETTER_HEADS = frozenset({"و", "ف", "ب", "وب", "فب"})


def _tails(word: str) -> Iterator[str]:
    for tail in _TAILS_ENDING_IN.get(word[-1:], ()):
        stem = word[: -len(tail)]
        if not word.endswith(tail) or len(stem) < (2 if tail in _TWO_LETTER_TAILS else _MIN_STEM):
            continue
        if tail == "ا" and stem.endswith("ا"):
            continue
        yield stem
        if stem.endswith("ت"):
            yield stem[:-1] + "ه"  # مدينتها -> مدينة
        elif tail in ("ات", "ان", "ين"):
            yield stem + "ه"  # حكومات -> حكومة


def _iter_clitic_candidates(token: str) -> Iterator[str]:
    """Stems to try for a token not in the lexicon as is, the likelier readings first (repeats
    and all: the lexicon stops at the first it holds).

    Endings alone go first (بيتهم is بيت + هم before it is ب + يتهم), then proclitics alone,
    then both; each leaves at least 3 letters (2 before a pronoun or after و ف ب), a final ا
    goes as the alef that carries tanween (عامًا -> عام), and لل stands for ل + the article
    (للمسيح -> المسيح). It over-generates on purpose: a candidate only counts if the lexicon
    holds it.
    """
    yield from _tails(token)
    heads = [
        token[len(p) :]
        for p in _PROCLITICS_STARTING_WITH.get(token[:1], ())
        if token.startswith(p)
        and len(token) - len(p) >= (2 if p in _TWO_LETTER_HEADS else _MIN_STEM)
    ]
    if token.startswith("لل") and token[2:] in heads:
        heads.insert(heads.index(token[2:]) + 1, "ا" + token[1:])
    yield from heads
    for head in heads:
        yield from _tails(head)


def _stem_candidates(key: str) -> Iterator[str]:
    """The stems `Lexicon.translations` tries for a word it does not hold, in turn: the clitic
    candidates, then the shared light stemmer's (it strips a proclitic before an ending:
    بيتهم -> يتهم), last the word with the article, for the names and nouns listed with it
    (المكسيك), then the verbs it may be derived from; the word itself is none of them (nor, so,
    in the lexicon)."""
    yield from _iter_clitic_candidates(key)
    stem = strip_clitics(key)
    yield stem
    yield ARTICLE + key
    # last, a verbal noun or participle read as the verb it comes from (قائلا "saying": قال)
    for word in dict.fromkeys((key, stem, *_tails(key), *_tails(stem))):
        yield from verb_candidates(word)
