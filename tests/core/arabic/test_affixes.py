"""Tests for reader.core.arabic.affixes: each reader's share is made of the one table."""

from __future__ import annotations

import itertools

from reader.core.arabic.affixes import (
    ARTICLE,
    ARTICLE_FORMS,
    CONJUNCTIONS,
    DATE_CLITICS,
    DUAL,
    GLOSSARY_SUFFIXES,
    LEXICON_ENDINGS,
    LEXICON_PROCLITICS,
    NISBA,
    NUMBER_PROCLITICS,
    PLURALS,
    PREPOSITIONS,
    PRONOUNS,
    STEM_ARTICLE_AFTER_CONJUNCTION,
    STEM_LONG_SUFFIXES,
    STEM_NISBA,
    STEM_PRONOUNS,
    STEM_SUFFIXES,
    TA_MARBUTA,
    TANWEEN_ALEF,
    VERB_PLURAL,
)
from reader.core.arabic.normalise import normalize

SUFFIXES = {*PRONOUNS, *PLURALS, DUAL, *NISBA, VERB_PLURAL, TA_MARBUTA, TANWEEN_ALEF}


def test_forms_are_normalized() -> None:
    forms = [ARTICLE, *CONJUNCTIONS, *PREPOSITIONS, *ARTICLE_FORMS, *SUFFIXES]
    assert all(normalize(f) == f for f in forms)


def test_article_forms_start_with_different_letters() -> None:
    # so a word starts with at most one of them, and their order does not matter
    assert len({f[0] for f in ARTICLE_FORMS}) == len(ARTICLE_FORMS)
    assert set(ARTICLE_FORMS) == {c + ARTICLE for c in (*CONJUNCTIONS, "ب", "ك")} | {"لل", ARTICLE}


def test_shares_are_taken_from_the_table() -> None:
    assert set(STEM_SUFFIXES) <= SUFFIXES and set(GLOSSARY_SUFFIXES) <= SUFFIXES
    assert STEM_PRONOUNS.issubset(PRONOUNS) and STEM_NISBA.issubset(NISBA)
    assert STEM_LONG_SUFFIXES.issubset(STEM_SUFFIXES)
    assert set(STEM_ARTICLE_AFTER_CONJUNCTION) <= set(ARTICLE_FORMS)
    assert set(LEXICON_ENDINGS) <= SUFFIXES
    assert set(NUMBER_PROCLITICS) <= {*ARTICLE_FORMS, *CONJUNCTIONS, *PREPOSITIONS}
    assert set(DATE_CLITICS) <= {*CONJUNCTIONS, *PREPOSITIONS}


def test_lexicon_proclitics_are_a_conjunction_then_a_preposition_article_or_future() -> None:
    heads = ["", *CONJUNCTIONS]
    rests = ["", *PREPOSITIONS, "س", *(f for f in ARTICLE_FORMS if f[0] not in CONJUNCTIONS)]
    made = {h + r for h, r in itertools.product(heads, rests) if h + r}
    made |= {c + p + ARTICLE for c in CONJUNCTIONS for p in ("ب", "ك")}
    assert set(LEXICON_PROCLITICS) <= made


def test_first_match_lists_put_longer_forms_first() -> None:
    # a form read before one it starts (or ends) with would hide it
    for forms, nested in ((STEM_SUFFIXES, str.endswith), (LEXICON_PROCLITICS, str.startswith),
                          (NUMBER_PROCLITICS, str.startswith), (GLOSSARY_SUFFIXES, str.endswith)):
        for i, j in itertools.combinations(range(len(forms)), 2):
            assert not (nested(forms[j], forms[i]) and forms[i] != forms[j]), (forms[i], forms[j])
