"""A lexicon's readings of source stems, each distinct word looked up once for a whole pair."""

# The vector space reads every source stem through the lexicon: the stem's own entry and those of
# the forms it is written in (`space.stem_translations`), and each translation's words as target
# stems (`space.lexicon_pairs`). The divergence batch builds one space per problem, hundreds on a
# long pair, over the same words again and again. Here each written form is looked up once, each
# stem with one set of forms is read once, and each reading's target stems are made once.

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from weakref import WeakKeyDictionary

from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem


def stem_forms(stems: list[str], written: list[str]) -> dict[str, list[str]]:
    """Each stem's written forms (distinct, sorted), from each word's stem and form."""
    # a side's words are stemmed by one stemmer, so each form has one stem: its distinct forms
    # are the distinct pairs, once checked against every word (else the pairs are counted)
    stem_of = dict(zip(written, stems, strict=True))
    if list(map(stem_of.__getitem__, written)) == stems:
        return forms_by_stem(stem_of)
    return _forms_of(set(zip(stems, written, strict=True)))


def forms_by_stem(stem_of: dict[str, str]) -> dict[str, list[str]]:
    """`stem_forms` of words whose every form has one stem (`stem_of`: form -> stem)."""
    return _forms_of((s, f) for f, s in stem_of.items())


def _forms_of(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    several = []
    for stem, form in pairs:
        found = forms.get(stem)
        if found is None:
            forms[stem] = [form]
        else:
            if len(found) == 1:
                several.append(found)
            found.append(form)
    for found in several:
        found.sort()
    return forms


class Readings:
    """`lexicon`'s readings of stems and forms, kept for as long as the lexicon lives (one
    reader for each, `Readings.of`): `Lexicon.translations` of each word once, whether the
    pair's space or the divergence batch's asks."""

    __slots__ = ("__weakref__", "_forms", "_stems", "entries", "lexicon")

    @classmethod
    def of(cls, lexicon: Lexicon) -> Readings:
        """The one reader of `lexicon` (its memory cleared when it holds too many words)."""
        found = _READINGS.get(lexicon)
        if found is None or len(found._forms) + len(found._stems) > _MAX_WORDS:
            found = _READINGS[lexicon] = cls(lexicon)
        return found

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.entries = lexicon.entries
        self._forms: dict[str, tuple[str, ...]] = {}
        self._stems: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}

    def form(self, form: str) -> tuple[str, ...]:
        """`Lexicon.translations` of a written form (or any word)."""
        found = self._forms.get(form)
        if found is None:
            found = self._forms[form] = self.lexicon.translations(form)
        return found

    def stem(self, stem: str, forms: Sequence[str]) -> tuple[str, ...]:
        """The translations of a stem written in `forms` (sorted): its own entry and those of
        its forms, merged; only when none of them has one, the stem read with its clitics
        stripped (space.stem_translations)."""
        key = (stem, tuple(forms))
        found = self._stems.get(key)
        if found is None:
            merged = self.entries.get(stem, ())
            if len(forms) == 1:
                merged += self.form(forms[0])
            elif forms:
                merged += tuple(chain.from_iterable(map(self.form, forms)))
            found = tuple(dict.fromkeys(merged)) if merged else ()
            found = self._stems[key] = found or self.form(stem)
        return found

    def stems(self, stems: Sequence[str], forms: Sequence[Sequence[str]]
              ) -> list[tuple[str, ...]]:
        """`stem` of each stem with its forms, in order: the forms not read yet read at once
        (`Lexicon.translations_of`), then the stems that none of them translates."""
        known, read, entries = self._stems, self._forms, self.entries
        keys = [(stem, tuple(found)) for stem, found in zip(stems, forms, strict=True)]
        self._read([f for key in keys if key not in known for f in key[1] if f not in read])
        out: list[tuple[str, ...]] = []
        alone: list[int] = []  # where a stem is read as written, once its forms are not
        for key in keys:
            found = known.get(key)
            if found is None:
                stem, written = key
                merged = entries.get(stem, ())
                if len(written) == 1:
                    merged += read[written[0]]
                elif written:
                    merged += tuple(chain.from_iterable(map(read.__getitem__, written)))
                if merged:
                    found = known[key] = tuple(dict.fromkeys(merged))
                else:
                    alone.append(len(out))
            out.append(found)  # type: ignore[arg-type]  # (None where a stem is read alone)
        if alone:
            self._read([keys[k][0] for k in alone])
            for k in alone:
                out[k] = known[keys[k]] = read[keys[k][0]]
        return out

    def _read(self, forms: list[str]) -> None:
        """`form` of each of `forms`, kept (not returned)."""
        if forms:
            fresh = list(dict.fromkeys(f for f in forms if f not in self._forms))
            self._forms.update(zip(fresh, self.lexicon.translations_of(fresh), strict=True))

    def forms_read(self) -> dict[str, tuple[str, ...]]:
        """The written forms read so far and their translations (`Lexicon.keep_translations`
        of another process takes them)."""
        return dict(self._forms)

    def known_as_written(self, stem: str) -> bool:
        """Whether the stem itself is an entry (or is one with its ta marbuta, حكوم of حكومة)."""
        entries = self.entries
        return stem in entries or stem + "ه" in entries


_READINGS: WeakKeyDictionary[Lexicon, Readings] = WeakKeyDictionary()
_MAX_WORDS = 400_000  # forms and stems remembered: a long pair reads some 50,000

@lru_cache(maxsize=65_536)
def target_stems(found: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct target stems of the words of `found` (a stem's translations), in order."""
    return tuple(dict.fromkeys(english_stem(part) for t in found for part in t.split()))
