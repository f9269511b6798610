"""Where a glossary pattern may match: the words of a text a term can start with, found by sets."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from reader.core.anchors.trie import trie_regex

# The glossary's patterns begin with (?<!\w) and a word character, so a match starts where a
# word (a run of \w) starts. Searching a paragraph tries the pattern at every character (on a
# long text most of the glossary's time); looking up the paragraph's distinct words in a set
# first, and trying the pattern only where one that may start a term stands, finds the same
# matches: the pattern's leftmost one from each place on, as `finditer` finds them.

_WORD = re.compile(r"\w+")
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")
# A word character beyond the Arabic letters ء to ي (a digit, a Latin letter, ٱ, ک): without
# one, a folded Arabic text's words are its runs of those letters (`letter_runs`).
_OTHER_WORD = re.compile(r"[^\W\u0621-\u064a]")
_ARABIC_LETTERS = "".join(map(chr, range(0x0621, 0x064B)))
_LEAD = re.compile(r"\w*")
# ASCII text as bytes, lower case, every byte that is no word character (\w) a space: its
# split() gives the words `_WORD.findall(text.lower())` gives, in C (a tenth of the time).
# Bytes of other characters (UTF-8, 0x80 and above) are spaces too: callers use this only on
# texts whose characters beyond ASCII are no word characters.
_WORD_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122 or c == 95) else 32
    for c in range(256)
)
# How many words are kept as known to start a term or not, before the sets start again.
_MOST_KEPT = 400_000


def is_word(c: str) -> bool:
    """Whether the regex \\w matches `c`."""
    return c.isalnum() or c == "_"


def ascii_words(text: str) -> list[bytes]:
    """`_WORD.findall(text.lower())` as bytes, for a text whose characters beyond ASCII are no
    word characters (\\w) and whose lower case is as long as it is. The last answer is kept:
    an English paragraph's number hints (number_words.english_hints) and first words of terms
    are both read from its words. Callers must not change the list."""
    global _last_words
    last = _last_words
    if last is not None and last[0] is text:
        return last[1]
    words = text.encode("utf-8", "surrogatepass").translate(_WORD_BYTES).split()
    _last_words = (text, words)
    return words


_last_words: tuple[str, list[bytes]] | None = None


def english_hits(firsts: frozenset[bytes], text: str) -> list[str] | None:
    """The words of `firsts` (bytes, lower case) that `text` holds as whole words, or None
    when the text has word characters beyond ASCII or changes length in lower case (then
    the caller searches it everywhere)."""
    if not text.isascii() and (
        len(text.lower()) != len(text) or _NON_ASCII_WORD.search(text) is not None
    ):
        return None
    return [w.decode("ascii") for w in firsts.intersection(ascii_words(text))]


def places(lowered: str, hits: Iterable[str],
           further: Mapping[str, tuple[str, ...]] | None = None) -> list[int]:
    """Where in `lowered` each word of `hits` stands as a whole word, in order; a word whose
    terms all go on with one of `further[word]` only in a text holding one of those."""
    starts = []
    find, size = lowered.find, len(lowered)
    for word in hits:
        pieces = further.get(word) if further is not None else None
        if pieces is not None:
            # (a loop, not `any` over a generator: half the cost, a third of the search's)
            for piece in pieces:
                if piece in lowered:
                    break
            else:
                continue  # none of the words its terms go on with: no term starts at this word
        at = find(word)
        while at >= 0:
            end = at + len(word)
            # (is_word written out: a call per place cost a third of the search)
            if (at == 0 or not ((c := lowered[at - 1]).isalnum() or c == "_")) and (
                end == size or not ((c := lowered[end]).isalnum() or c == "_")
            ):
                starts.append(at)
            at = find(word, at + 1)
    starts.sort()
    return starts


def matches_at(pattern: re.Pattern[str], haystack: str, starts: list[int]
               ) -> list[re.Match[str]]:
    """`pattern.finditer(haystack)` when every match starts at one of `starts` (ascending):
    the pattern tried there, a match resuming after its end."""
    found = []
    pos = 0
    for at in starts:
        if at < pos:
            continue
        m = pattern.match(haystack, at)
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


def first_words(cores: Iterable[str], pieces: Iterable[str], clitics: str, ending: str
                ) -> re.Pattern[str] | None:
    """The words an Arabic term starts (whole lines of a text of words, one a line, that the
    pattern's `findall` gives): `clitics` (a pattern), then a
    one-word core and an `ending` (a pattern), or the word characters a longer core starts
    with, up to its first other character. None when a core or one of `pieces` (the clitics'
    and endings' strings) holds no word character or others: the text is searched everywhere."""
    whole: list[str] = []
    leads: list[str] = []
    for core in cores:
        lead = _LEAD.match(core)[0]  # type: ignore[index]
        (whole if lead == core else leads).append(lead)
    if not all(leads) or not all(_WORD.fullmatch(c) for c in pieces):
        return None

    def trie(words: list[str]) -> str:
        return trie_regex([re.escape(c) for c in w] for w in words) if words else "(?!)"

    # one word a line: the words of a paragraph joined by line ends are tried in one search
    return re.compile(rf"^(?:{clitics}(?:{trie(whole)}{ending}|{trie(leads)}))$", re.MULTILINE)


class HeadWords:
    """Which words of folded Arabic text a term may start at, by `heads` (`first_words` of
    `cores` and `pieces`), kept per distinct word: a paragraph's words are looked up in two
    sets instead of the pattern tried at each of its letters."""

    __slots__ = ("_heads", "_seen", "_starting", "others")

    def __init__(self, heads: re.Pattern[str], cores: Iterable[str], pieces: Iterable[str]
                 ) -> None:
        self._heads = heads
        # the characters beyond ء to ي of the words `heads` accepts (پ of پزشكيان)
        self.others = "".join(sorted(set("".join(
            _LEAD.match(c)[0] for c in [*cores, *pieces]  # type: ignore[index]
        )) - set(_ARABIC_LETTERS)))
        self._seen: set[str] = set()
        self._starting: set[str] = set()

    def hits(self, words: frozenset[str] | set[str]) -> set[str]:
        """The words among `words` that may start a term."""
        new = words.difference(self._seen)
        if new:
            if len(self._seen) > _MOST_KEPT:
                self._seen.clear()
                self._starting.clear()
                new = set(words)
            # the new words tried in one search, one a line (a call per word cost twice as
            # much); words are runs of \w, so none holds a line end
            self._starting.update(self._heads.findall("\n".join(new)))
            self._seen.update(new)
        return self._starting.intersection(words)


def arabic_matches(pattern: re.Pattern[str], heads: HeadWords, haystack: str,
                   letter_runs: Callable[[str], frozenset[str]]) -> list[re.Match[str]]:
    """`pattern.finditer(haystack)` for a folded Arabic text, tried only where a word `heads`
    accepts stands. In a text without the characters beyond ء to ي those words may hold, such
    a word is one of the text's runs of ء to ي (`letter_runs`, which the date and number
    finders ask for too): it is a whole word, so the characters around it are no letters."""
    if not any(c in haystack for c in heads.others) or _OTHER_WORD.search(haystack) is None:
        words: frozenset[str] | set[str] = letter_runs(haystack)
    else:
        words = set(_WORD.findall(haystack))
    hits = heads.hits(words)
    if not hits:
        return []
    return matches_at(pattern, haystack, places(haystack, hits))
