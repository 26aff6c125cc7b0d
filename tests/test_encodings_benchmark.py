"""benchmarks/encodings.py scores ingest.decode on files in a folder per encoding (chardet's
tests/ layout); here on a corpus of four files made for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import load_benchmark_script

RUSSIAN = "Москва заявила о новых мерах поддержки экономики и малого бизнеса в регионах. " * 4
CHINESE = "据新华社报道，今年以来，各地持续推进农村人居环境整治，群众生活条件明显改善。" * 4


def load_benchmark():
    return load_benchmark_script("encodings")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "tests"
    files = {
        "windows-1251-russian/news.txt": RUSSIAN.encode("cp1251"),
        # GB2312 is read as browsers read it, as GBK: "镕" is no GB2312 character
        "GB2312/news.html": f'<meta charset="gb2312"><p>{CHINESE}朱镕基</p>'.encode("gb18030"),
        "iso-8859-1/news.txt": "Die Sängerin stellte ihr Album „Brave New Woman“ vor. ".encode("cp1252") * 4,
        "KOI8-R/mislabelled.txt": RUSSIAN.encode("cp1251"),  # windows-1251 in the KOI8-R folder
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_each_folder_counts_the_files_read_as_its_encoding(corpus, capsys):
    assert load_benchmark().main([str(corpus), "--misses"]) == 0
    printed = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in printed.splitlines() if not line.startswith(" ")}
    assert rows["GB2312"] == ["1", "1"] and rows["iso-8859-1"] == ["1", "1"]
    assert rows["windows-1251-russian"] == ["1", "1"]
    assert rows["KOI8-R"] == ["1", "0"] and rows["all"] == ["4", "3"]
    assert "KOI8-R/mislabelled.txt: read as cp1251" in printed


def test_a_label_names_its_codec_and_the_browsers_superset_of_it():
    codecs_of = load_benchmark().codecs_of
    assert codecs_of("windows-1250-hungarian") == {"cp1250"}
    assert codecs_of("iso-8859-2-czech") == {"iso8859-2"}
    assert codecs_of("GB2312") == {"gb2312", "gb18030"}
    assert codecs_of("EUC-TW") == set()  # no codec of Python's


def test_a_missing_folder_is_skipped_with_a_message(tmp_path, capsys):
    assert load_benchmark().main([str(tmp_path / "nowhere")]) == 0
    assert "nothing to measure" in capsys.readouterr().out
