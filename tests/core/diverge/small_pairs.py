"""Test data for the divergence tests: a small made-up Arabic/English pair and helpers."""

from __future__ import annotations

from reader.core.align.beads import Alignment, Bead
from reader.core.diverge.records import Divergence, DivergenceKind
from reader.core.text.document import Text, text_from_string

AR_BODY = [
    "قال الوزير إن الحكومة ستبني مدارس جديدة في كل المحافظات خلال السنوات القادمة.",
    "وأضاف أن عدد الطلاب بلغ 250 ألف طالب في العام الماضي وأن الميزانية تكفي.",
    "وختم بالقول إن المشروع سيكتمل في 3 آذار 2026 كما هو مخطط له من قبل الوزارة.",
]
EN_BODY = [
    "The minister said the government would build new schools in every province in the coming "
    "years.",
    "He added that there were 250,000 students last year and that the budget was sufficient.",
    "He concluded that the project would be completed on March 3, 2026 as the ministry planned.",
]


def texts(ar: list[str], en: list[str]) -> tuple[Text, Text]:
    return (text_from_string("\n".join(ar), language="ar"),
            text_from_string("\n".join(en), language="en"))


def diagonal(n: int) -> Alignment:
    return Alignment([Bead((i,), (i,)) for i in range(n)], n, n)


def of(found: list[Divergence], kind: DivergenceKind) -> list[Divergence]:
    return [d for d in found if d.kind is kind]
