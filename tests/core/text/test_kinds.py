"""Tests for reader.core.text.kinds: headings, embedded posts, duplicates, boilerplate."""

from __future__ import annotations

from reader.core.text.document import load_text
from reader.core.text.kinds import Kind
from reader.resources import CORPUS


def test_built_in_article_kinds() -> None:
    ar = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    posts = [p.index for p in ar.paragraphs if p.kind is Kind.EMBEDDED_POST]
    assert posts == [4, 5, 6, 7, 11, 12, 13, 15, 16, 17, 18, 36, 37, 38, 39]
    assert sorted({ar.paragraphs[i].post for i in posts}) == [0, 1, 2, 3]
    headings = [p.index for p in ar.paragraphs if p.kind is Kind.HEADING]
    assert headings == [8, 22, 28, 33]


def test_duplicates_and_boilerplate_in_scraped_articles() -> None:
    adapts = load_text(CORPUS / "iraq-adapts-to-new-syria.en.txt")
    assert [p.index for p in adapts.paragraphs if p.kind is Kind.DUPLICATE] == [1, 12]
    blog = load_text(CORPUS / "iraq-resistance-and-fall-of-assad.en.txt")
    kinds = {p.index: p.kind for p in blog.paragraphs}
    assert kinds[27] is Kind.BOILERPLATE  # "No comments:"
    assert kinds[28] is Kind.DUPLICATE and kinds[29] is Kind.DUPLICATE  # the repeated teaser
