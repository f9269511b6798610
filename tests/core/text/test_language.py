"""Tests for reader.core.text.language: which language a text is in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text.language import detect_language

ARABIC = "يوم تحرير سوريا في 8 كانون الأول عام 2024"


def test_language_is_detected_from_the_script() -> None:
    assert detect_language("@handle 2024 " + ARABIC) == "ar"
    assert detect_language("The Iraqi regime (النظام العراقي) sided with Assad.") == "en"


def test_code_markup_and_addresses_do_not_outvote_the_prose() -> None:
    # a translated web page keeps its links, tags and shell transcripts in English
    # (tests/data/real/ooni-egypt: the Arabic report, read as English before)
    link = '<a href="https://explorer.ooni.org/search?until=2019-09-26&amp;probe_cc=EG">'
    curl = ("``` curl -v --connect-to ::www.kernel.org: https://www.bbc.com/arabic * Connecting"
            " to hostname: www.kernel.org * Trying 136.144.49.103:443... ```")
    page = "\n".join([f"{link}{ARABIC}</a>", curl, f"{ARABIC} ![Chart](/post/egypt/eg.png)",
                      "`curl -v https://www.alhurra.com`", ARABIC])
    assert detect_language(page) == "ar"
    fenced = f"{ARABIC}\n```\nconnect: Connection reset by peer, retrying the handshake\n```\n"
    assert detect_language(fenced) == "ar"
    english = f"Read it in Arabic: [{ARABIC[:8]}](https://ooni.org/ar/post/) — OONI's report."
    assert detect_language(english) == "en"


def test_a_fence_closed_on_its_own_line_leaves_the_prose_after_it() -> None:
    # one paragraph a line: two transcripts must not swallow the Arabic between them
    text = "\n".join(["``` curl -v https://www.bbc.com ```", ARABIC, ARABIC,
                      "``` curl -v https://www.alhurra.com ```",
                      "Trying 23.40.114.89:80 connected to the host and sent the request"])
    assert detect_language(text) == "ar"


_MARKUP = [
    '<a href="https://www.theguardian.com/world/2019/sep/26/over-1900-arrested">',
    "</a>", "</p>", "(https://explorer.ooni.org/measurement/20190925T123505Z_AS8452)",
    "https://www.bbc.com/news/world-middle-east-49786367", "www.kernel.org",
    "`http_experiment_failure`", "``` curl -v --connect-to ::www.bbc.com: https://x.org ```",
]


@settings(max_examples=200, deadline=None)
@given(st.data(), st.integers(min_value=1, max_value=4))
def test_markup_never_changes_the_language_of_the_prose(data: st.DataObject, copies: int
                                                        ) -> None:
    markup = data.draw(st.lists(st.sampled_from(_MARKUP), max_size=12))
    # markup anywhere: between the prose's paragraphs and inside them
    arabic = data.draw(st.permutations([ARABIC] * copies + markup))
    assert detect_language(" ".join(arabic)) == "ar"
    english = data.draw(st.permutations(["The Iraqi regime sided with Assad in 2011."] * copies
                                        + markup))
    assert detect_language(" ".join(english)) == "en"
