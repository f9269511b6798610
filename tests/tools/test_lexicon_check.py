"""tools/lexicon_check.py passes the shipped resources and catches what it promises to catch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.core.arabic.normalise import normalize
from tools.lexicon_check import GLOSSARY, LEXICON, fold, run

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_files_pass() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "lexicon_check.py")],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "0 error(s)" in proc.stdout
    assert "ar-en.tsv: 618 entries" in proc.stdout  # the glossary's count, as SOURCES.md says


def test_its_folding_is_the_programs() -> None:
    forms = set()
    for path in (LEXICON, GLOSSARY):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and "\t" in line:
                column = line.split("\t")[1 if path == GLOSSARY else 0]
                forms.update(column.split("|"))
    assert len(forms) > 10_000
    assert all(fold(form) == " ".join(normalize(form).split()) for form in forms)


def test_errors_are_found_and_named_by_line(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text(
        "ar\ten\n"
        "قال\tsaid|say\n"
        "قال\tsaid|say\n"  # repeated
        "كتب\t\n"  # empty translation
        "book\tbook\n"  # not Arabic
        "بيت كبير\thouse\n"  # a space: never found
        "شيء\tThing\n"  # capital
        "أثار\traise\n"
        "آثار\truins\n",  # same key, nothing in common: a note only
        encoding="utf-8",
    )
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text(
        "id\tar\ten\tcategory\n"
        "iraq\tعراق\tIraq\tcountry\n"
        "iraq\tالعراق\tIraqi\tcountry\n"  # id used twice
        "Bad Id\tبغداد\tBaghdad\tcity\n"  # not a slug
        "mesopotamia\tعراق\tMesopotamia\tregion\n"  # Arabic form of another id
        "kurdistan-24\tكردستان 24\tKurdistan 24\tmedia\n",  # digits are fine
        encoding="utf-8",
    )
    report = run([lexicon], [glossary], shipped_stopwords=False)
    found = "\n".join(report.errors)
    assert "lexicon.tsv:3: repeats line 2" in found
    assert "lexicon.tsv:4: empty column en" in found
    assert "lexicon.tsv:5: Arabic form 'book' is not Arabic script" in found
    assert "lexicon.tsv:6: Arabic form 'بيت كبير' has a space" in found
    assert "lexicon.tsv:7: English variant 'Thing' is not lower case" in found
    assert "glossary.tsv:3: id 'iraq' already used on line 2" in found
    assert "glossary.tsv:4: id 'Bad Id' is not a slug" in found
    assert "glossary.tsv:5: Arabic form 'عراق' also belongs to 'iraq'" in found
    assert "kurdistan" not in found
    assert len(report.errors) == 8
    assert any("اثار on lines 8, 9" in note for note in report.notes)
