"""Paragraph anchors and features: what the aligner compares of each paragraph."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors.features import (
    _AR_WORD,
    _EN_WORD,
    Features,
    _visible_length,
    find_anchors,
    mask_spans,
    paragraph_features,
)
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem, stopwords
from reader.core.arabic.normalise import normalize_with_offsets
from reader.core.arabic.stemmer import Stemmer, strip_clitics
from reader.resources import CORPUS

AR = (CORPUS / "iraq-assad-lesson.ar.txt").read_text(encoding="utf-8").splitlines()
EN = (CORPUS / "iraq-assad-lesson.en.txt").read_text(encoding="utf-8").splitlines()


def features_word_by_word(
    text: str, lang: str, glossary: Glossary, stemmer: Stemmer | None = None
) -> Features:
    """paragraph_features written plainly: every test made for every word where it occurs."""
    anchors = find_anchors(text, lang, glossary)
    masked = mask_spans(text, [(t.start, t.end) for t in anchors.terms])
    words, forms, names, offsets = [], [], [], []
    if lang == "ar":
        norm, raw_offset = normalize_with_offsets(masked)
        length = _visible_length(norm)
        stops = stopwords("ar")
        for m in _AR_WORD.finditer(norm):
            w = m.group()
            if w in stops or len(w) < 2:
                continue
            stem = strip_clitics(w) if stemmer is None else stemmer(w)
            if stem and stem not in stops:
                words.append(stem)
                forms.append(w)
                offsets.append(m.start())
        names = [w for w in words if len(w) >= 3]
        placed_words = raw_offset is not None
        offsets = [raw_offset[o] for o in offsets] if raw_offset is not None else []
        # words in Latin letters, as the English side reads them, in the text's order
        stops = stopwords("en")
        found = [(o, w, f) for o, w, f in zip(offsets or [0] * len(words), words, forms,
                                              strict=True)]
        for m in _EN_WORD.finditer(masked):
            lw = m.group().lower()
            if lw not in stops and len(lw) >= 2 and lw not in {"http", "https", "www", "com",
                                                                "org", "net", "html", "htm"}:
                found.append((m.start(), english_stem(m.group()), lw))
        if placed_words:
            found.sort(key=lambda x: x[0])
        words, forms = [w for _, w, _ in found], [f for _, _, f in found]
        offsets = [o for o, _, _ in found] if placed_words else []
    else:
        length = _visible_length(text)
        stops = stopwords("en")
        for m in _EN_WORD.finditer(masked):
            w = m.group()
            lw = w.lower()
            if lw in stops or len(lw) < 2:
                continue
            words.append(english_stem(w))
            forms.append(lw)
            offsets.append(m.start())
            if w[0].isupper() and len(w) >= 3:
                names.append(w)
    placed = sorted(zip(anchors.key_offsets(text), anchors.keys(), strict=True))
    return Features(length, words, [k for _, k in placed], names, forms, offsets,
                    [o for o, _ in placed])


def test_features_of_the_corpus_pair() -> None:
    glossary = Glossary.load()
    for lines, lang in ((AR, "ar"), (EN, "en")):
        for line in lines:
            assert paragraph_features(line, lang, glossary) == features_word_by_word(
                line, lang, glossary
            )
    stemmer = Lexicon.load().stemmer
    for line in AR:
        assert paragraph_features(line, "ar", glossary, stemmer=stemmer) == (
            features_word_by_word(line, "ar", glossary, stemmer)
        )


def test_content_words_whose_stem_looks_like_a_stopword_stay() -> None:
    # فتحت "opened" is not ف + تحت "under", أنهى "ended" not أنه, فعلية not ف + علي, بلدية not
    # ب + لدي, تحتية not تحت: the lexicon's stemmer keeps them; وتحت, وهو, ولها still go
    glossary = Glossary.load()
    stemmer = Lexicon.load().stemmer
    words = "فتحت أنهى فعلية بلدية تحتية"
    plain = paragraph_features(words, "ar", glossary)
    read = paragraph_features(words, "ar", glossary, stemmer=stemmer)
    assert len(plain.words) < 5
    assert read.words == ["فتحت", "انهي", "فعلي", "بلدي", "تحتي"]
    assert paragraph_features("وتحت وهو فإن ولها", "ar", glossary, stemmer=stemmer).words == []


_AR_PIECES = ["في", "و", "الله", "الملك", "ملوك", "العراق", "بغداد", "ثلاثة", "عشر", "ب", "ال",
              "مَلِكٌ", "ـ", "ة", "ها", "هم", " ", "، ", ". ", "2024", "x", "React", "npm", "the",
              "https://www.", ".org"]
_EN_PIECES = ["the", "The", "And", "king", "Kings", "kings'", "Iraq's", "Baghdad", "I", "a",
              "seven", "day", "DAYS", "classes", "O", "’s", " ", ", ", ". ", "-", "2024"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_AR_PIECES), max_size=25).map("".join),
       st.lists(st.sampled_from(_EN_PIECES), max_size=25).map("".join))
def test_cached_word_tests_give_the_same_features(ar: str, en: str) -> None:
    # each distinct word is tested once (stopword, length, stem, name): same features
    glossary = Glossary.load()
    assert paragraph_features(ar, "ar", glossary) == features_word_by_word(ar, "ar", glossary)
    stemmer = Lexicon.load().stemmer
    assert paragraph_features(ar, "ar", glossary, stemmer=stemmer) == features_word_by_word(
        ar, "ar", glossary, stemmer
    )
    assert paragraph_features(en, "en", glossary) == features_word_by_word(en, "en", glossary)


def test_an_arabic_paragraph_keeps_the_words_it_writes_in_latin_letters() -> None:
    # software documentation and technical news write products, commands and acronyms in
    # Latin letters: they are the same words as the English side's (tests/data/real)
    text = "ثبّت أدوات مطوري React عبر npm ثم افتح Terminal."
    f = paragraph_features(text, "ar", Glossary.load())
    en = paragraph_features("Install React Developer Tools with npm, then open Terminal.",
                            "en", Glossary.load())
    assert {"react", english_stem("Terminal"), "npm"} <= set(f.words) & set(en.words)
    assert f.offsets == sorted(f.offsets) and len(f.offsets) == len(f.words)
    react = f.words.index("react")
    assert text[f.offsets[react]:].startswith("React")
    # a sentence's part of the paragraph keeps its own Latin words, and only those
    second = text.index("ثم")
    assert "npm" in f.within(0, second, 10).words
    assert "npm" not in f.within(second, len(text), 10).words
    assert "terminal" not in [w.lower() for w in f.names]  # names are Arabic words read by sound


def test_the_pieces_of_an_address_are_no_words_of_an_arabic_line() -> None:
    # coc-stale: «[homepage]: https://www.contributor-covenant.org» shared https, www and org
    # with every English line holding a link, and took three of them into one bead
    f = paragraph_features("[homepage]: https://www.contributor-covenant.org", "ar",
                           Glossary.load())
    assert {"https", "www", "org"}.isdisjoint(f.forms)
    assert {"homepage", "contributor", "covenant"} <= set(f.forms)
