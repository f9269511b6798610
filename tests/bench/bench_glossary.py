"""Benchmark: glossary matching and lexicon look-ups on a book-length text."""

from __future__ import annotations

import time

from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.resources import CORPUS

PARAGRAPHS = 4000


def _book(name: str) -> list[str]:
    lines = [p for p in (CORPUS / name).read_text(encoding="utf-8").splitlines() if p.strip()]
    return (lines * (PARAGRAPHS // len(lines) + 1))[:PARAGRAPHS]


def main() -> None:
    t = time.perf_counter()
    glossary = Glossary.load()
    lexicon = Lexicon.load()
    loaded = time.perf_counter() - t
    print(f"load: {len(glossary)} terms, {len(lexicon)} lexicon forms, {loaded:.3f} s")
    for lang, name in (("ar", "iraq-assad-lesson.ar.txt"), ("en", "iraq-assad-lesson.en.txt")):
        book = _book(name)
        t = time.perf_counter()
        glossary.find_terms(book[0], lang)  # builds the pattern
        built = time.perf_counter() - t
        t = time.perf_counter()
        found = sum(len(glossary.find_terms(p, lang)) for p in book)
        scan = time.perf_counter() - t
        chars = sum(map(len, book))
        print(f"{lang}: pattern {built:.3f} s; {PARAGRAPHS} paragraphs, {chars:,} chars, "
              f"{found:,} mentions in {scan:.3f} s")
    words = " ".join(_book("iraq-assad-lesson.ar.txt")).split()
    t = time.perf_counter()
    hits = sum(1 for w in words if lexicon.translations(w))
    print(f"lexicon: {len(words):,} tokens, {hits / len(words):.1%} translated, "
          f"{time.perf_counter() - t:.3f} s")


def test_bench_glossary() -> None:
    main()


if __name__ == "__main__":
    main()
