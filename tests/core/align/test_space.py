"""The shared space's translation parts: lexicon translations of stems and names by sound."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.space import (
    Side,
    Space,
    build_space,
    latin_pairs,
    lexicon_pairs,
    name_matrix,
    pair_space,
    read_as_written,
    side_features,
    stem_translations,
)
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem
from reader.core.arabic.transliterate import skeleton
from reader.core.text.kinds import Kind
from reader.resources import CORPUS


def sides(src: list[str], tgt: list[str]) -> tuple[Space, Side, Side]:
    glossary = Glossary.load()
    a = side_features(src, [Kind.BODY] * len(src), "ar", glossary, DEFAULT_PARAMS,
                      stemmer=Lexicon.load().stemmer)
    b = side_features(tgt, [Kind.BODY] * len(tgt), "en", glossary, DEFAULT_PARAMS)
    return build_space(a, b), a, b


@pytest.fixture(scope="module")
def corpus_pair() -> tuple[Space, Side, Side]:
    ar = (CORPUS / "iraq-assad-lesson.ar.txt").read_text(encoding="utf-8").splitlines()
    en = (CORPUS / "iraq-assad-lesson.en.txt").read_text(encoding="utf-8").splitlines()
    return sides([x for x in ar if x.strip()], [x for x in en if x.strip()])


def test_stem_translations_are_the_stems_and_their_forms(
    corpus_pair: tuple[Space, Side, Side],
) -> None:
    # the stem's own entry and the readings of its written forms, merged; the stem with its
    # clitics stripped only when none of them has one
    space, src, _ = corpus_pair
    lexicon = Lexicon.load()
    forms: dict[str, set[str]] = {}
    for f in src.features:
        for stem, form in zip(f.words, f.forms, strict=True):
            forms.setdefault(stem, set()).add(form)
    expected = []
    for w in space.src_vocab:
        found = list(lexicon.entries.get(w, ()))
        for form in sorted(forms[w]):
            found += [t for t in lexicon.translations(form) if t not in found]
        found = [t for i, t in enumerate(found) if t not in found[:i]]
        expected.append(tuple(found) or lexicon.translations(w))
    assert stem_translations(space, src, lexicon) == expected
    assert any(expected) and not all(expected)


def test_a_name_read_as_a_word_with_clitics_still_matches_by_sound(tmp_path: Path) -> None:
    # سلمان is no entry, and the lexicon reads it as سلم "hand over" + ان: a guess, which
    # must not keep it from matching Salman by sound; قال is an entry as written, and skipped
    path = tmp_path / "lexicon.tsv"
    path.write_text("ar\ten\nسلم\thand over|peace\nقال\tsaid|say\n", encoding="utf-8")
    lexicon = Lexicon.load([path], include_builtin=False)
    glossary = Glossary.load()
    src = side_features(["قال سلمان"], [Kind.BODY], "ar", glossary, DEFAULT_PARAMS,
                        stemmer=lexicon.stemmer)
    tgt = side_features(["Salman said, Kaleh"], [Kind.BODY], "en", glossary, DEFAULT_PARAMS)
    space = build_space(src, tgt)
    translations = stem_translations(space, src, lexicon)
    assert "hand over" in translations[space.src_vocab.index("سلمان")]
    assert read_as_written(space, src, lexicon) == {"قال"}
    threshold = DEFAULT_PARAMS.name_threshold
    salman = space.tgt_vocab["salman"]
    rows = {(space.src_vocab[a], e) for a, e, _ in entries(
        name_matrix(space, src, tgt, translations, threshold, read_as_written(space, src, lexicon))
    )}
    assert ("سلمان", salman) in rows
    assert all(w != "قال" for w, _ in rows)
    # by default every word with a translation is skipped, as before
    assert not entries(name_matrix(space, src, tgt, translations, threshold))


def test_stem_translations_prefer_the_word_as_written() -> None:
    # بالطبع "of course" read as written, not as طبع "print"; مدينتها "city" by its form,
    # though its stem مدين is no entry; شركة by its form, not شرك read as شر "evil" + ك
    lexicon = Lexicon.load()
    glossary = Glossary.load()
    src = side_features(["بالطبع مدينتها شركة"], [Kind.BODY], "ar", glossary, DEFAULT_PARAMS,
                        stemmer=lexicon.stemmer)
    tgt = side_features(["Of course, its city."], [Kind.BODY], "en", glossary, DEFAULT_PARAMS)
    space = build_space(src, tgt)
    found = dict(zip(space.src_vocab, stem_translations(space, src, lexicon), strict=True))
    assert "of course" in found[lexicon.stemmer("بالطبع")]
    assert "print" not in found[lexicon.stemmer("بالطبع")]
    assert "city" in found["مدين"] and "debtor" not in found["مدين"]
    assert "company" in found["شرك"] and "evil" not in found["شرك"]


def entries(matrix: object) -> list[tuple[int, int, float]]:
    coo = matrix.tocoo()  # type: ignore[attr-defined]
    return sorted(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True))


def name_matrix_pair_by_pair(
    space: Space, src: Side, tgt: Side, translations: list[tuple[str, ...]], threshold: float
) -> list[tuple[int, int, float]]:
    """The name matrix's entries, every pair of names scored on its own."""
    known = {w for w, found in zip(space.src_vocab, translations, strict=True) if found}
    ar_names = sorted({w for f in src.features for w in f.names if w not in known})
    en_names = sorted({n for f in tgt.features for n in f.names})
    if not ar_names or not en_names:
        return []
    ar_sk = [skeleton(w, "ar") for w in ar_names]
    en_sk = [skeleton(w, "en") for w in en_names]
    scores = process.cdist(ar_sk, en_sk, scorer=fuzz.ratio, score_cutoff=threshold * 100,
                           dtype=np.uint8)
    src_index = {w: i for i, w in enumerate(space.src_vocab)}
    rows, cols, data = [], [], []
    for a_i, e_i in zip(*np.nonzero(scores), strict=True):
        if min(len(ar_sk[a_i]), len(en_sk[e_i])) < 3 and ar_sk[a_i] != en_sk[e_i]:
            continue
        e = space.tgt_vocab.get(english_stem(en_names[e_i]))
        if e is not None:
            rows.append(src_index[ar_names[a_i]])
            cols.append(e)
            data.append(float(scores[a_i, e_i]) / 100.0)
    shape = (len(space.src_vocab), space.weights.shape[0])
    return entries(sp.csr_matrix((np.array(data, dtype=np.float32), (rows, cols)), shape=shape))


def test_name_matrix_on_the_corpus_pair(corpus_pair: tuple[Space, Side, Side]) -> None:
    space, src, tgt = corpus_pair
    translations = stem_translations(space, src, Lexicon.load())
    found = entries(name_matrix(space, src, tgt, translations, DEFAULT_PARAMS.name_threshold))
    assert found
    assert found == name_matrix_pair_by_pair(
        space, src, tgt, translations, DEFAULT_PARAMS.name_threshold
    )


# Names that share skeletons (Hasan, Hassan, Husn; حسن، حسين) and some that do not.
_AR_NAMES = ["حسن", "حسين", "الحسن", "محمد", "احمد", "حمد", "بغداد", "شام", "سام", "عمر",
             "زيد", "يزيد", "داود", "كركوك", "موصل", "بصره", "قاسم", "كاظم", "نور"]
_EN_NAMES = ["Hasan", "Hassan", "Husn", "Muhammad", "Ahmed", "Hamad", "Baghdad", "Sham", "Sam",
             "Omar", "Umar", "Zaid", "Yazid", "Dawud", "David", "Kirkuk", "Mosul", "Basra",
             "Qasim", "Kazim", "Nour", "Nur", "Noor"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.sampled_from(_AR_NAMES), min_size=1, max_size=6).map(" ".join),
             min_size=1, max_size=4),
    st.lists(st.lists(st.sampled_from(_EN_NAMES), min_size=1, max_size=6).map(" ".join),
             min_size=1, max_size=4),
)
def test_name_matrix_scores_each_skeleton_pair_once(src: list[str], tgt: list[str]) -> None:
    # the matrix scores distinct skeletons, then spreads the scores over the names
    space, a, b = sides(src, tgt)
    translations = [()] * len(space.src_vocab)
    for threshold in (0.5, DEFAULT_PARAMS.name_threshold):
        assert entries(name_matrix(space, a, b, translations, threshold)) == (
            name_matrix_pair_by_pair(space, a, b, translations, threshold)
        )


def test_words_in_latin_letters_translate_as_themselves() -> None:
    ar = ["ثبّت أدوات مطوري React عبر npm.", "افتح الطرفية واكتب react-devtools."]
    en = ["Install React Developer Tools with npm.", "Open a terminal and type react-devtools."]
    space, a, b = sides(ar, en)
    rows, cols = latin_pairs(space)
    target = {i: w for w, i in space.tgt_vocab.items()}
    got = {(space.src_vocab[r], target[c]) for r, c in zip(rows, cols, strict=True)}
    devtools = english_stem("devtools")
    assert {("react", "react"), ("npm", "npm"), (devtools, devtools)} <= got
    assert all(s == t for s, t in got)
    # they are among the lexicon's pairs, so every translation matrix has them
    l_rows, l_cols = lexicon_pairs(space, [()] * len(space.src_vocab))
    assert set(zip(l_rows.tolist(), l_cols.tolist(), strict=True)) == set(
        zip(rows.tolist(), cols.tolist(), strict=True))
    _, translation = pair_space(a, b, Lexicon.load(), DEFAULT_PARAMS)
    react = space.src_vocab.index("react")
    assert translation[react, space.tgt_vocab["react"]] == 1.0
