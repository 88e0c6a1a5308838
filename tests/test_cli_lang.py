"""The command's language: from --lang or the locale, in its help, argparse's words and output."""

from __future__ import annotations

import argparse
import json

import pytest

from pelatihan.cli import build_parser, main
from pelatihan.cli._lang import argv_lang, indonesian_error, locale_lang


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "id"}, "id"),
        ({"LANG": "in_ID"}, "id"),
        ({"LANG": "id_ID@euro"}, "id"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "ind"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "id_ID", "LANG": "id_ID"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "id_ID", "LANG": "en_US"}, "id"),
        ({"LC_MESSAGES": "", "LANG": "id_ID.UTF-8"}, "id"),
    ],
)
def test_the_locale_gives_the_language(environ: dict[str, str], lang: str) -> None:
    assert locale_lang(environ) == lang


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["rules", "--lang", "id"], "id"),
        (["rules", "--lang=id"], "id"),
        (["rules", "--lan", "id"], "id"),
        (["rules", "--lang", "id", "--lang=en"], "en"),
        (["rules", "--lang", "fr"], None),
        (["rules", "--lang"], None),
        (["validate", "--", "--lang=id"], None),
        (["validate", "a.json"], None),
    ],
)
def test_lang_is_read_from_the_arguments_before_parsing(argv: list[str], lang: str | None) -> None:
    assert argv_lang(argv) == lang


def _indonesian_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "id_ID.UTF-8")


def test_an_indonesian_locale_gives_indonesian_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _indonesian_locale(monkeypatch)
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "(kesalahan)" in out
    assert "memeriksa:" in out
    assert "checks:" not in out


def test_lang_overrides_the_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _indonesian_locale(monkeypatch)
    assert main(["rules", "--lang", "en"]) == 0
    assert "checks:" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["rules", "--lang", "id"]) == 0
    assert "memeriksa:" in capsys.readouterr().out


def test_lc_all_comes_before_lang(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _indonesian_locale(monkeypatch)
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert main(["regimes"]) == 0
    assert capsys.readouterr().out.startswith("Regimes\n")


@pytest.mark.parametrize(
    "command", [[], ["validate"], ["plan"], ["rules"], ["regimes"], ["schema"]]
)
def test_help_is_in_the_language_asked_for(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, "--help", "--lang", "id"] if command else ["--help"]) == 0
    if not command:
        assert capsys.readouterr().out.startswith("usage: pelatihan")
        return
    indonesian = capsys.readouterr().out
    assert indonesian.startswith("penggunaan: pelatihan")
    assert "\nopsi:\n" in indonesian
    assert "tampilkan bantuan ini lalu keluar" in indonesian
    for english in ("usage:", "options:", "show this help message"):
        assert english not in indonesian
    assert main([*command, "--help", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("usage: pelatihan")


def test_the_top_help_follows_the_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _indonesian_locale(monkeypatch)
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("penggunaan: pelatihan")
    assert "argumen posisi:" in out
    assert "susun jadwal angkatan" in out


def test_lang_before_the_command_sets_the_help_and_the_commands_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "id", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("penggunaan: pelatihan")
    assert "susun jadwal angkatan" in out
    assert main(["--lang=id", "regimes"]) == 0
    indonesian = capsys.readouterr().out
    assert main(["regimes", "--lang", "en"]) == 0
    assert indonesian != capsys.readouterr().out
    assert main(["--lang", "id", "regimes", "--lang", "id"]) == 0
    assert capsys.readouterr().out == indonesian


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.extend(_parsers(sub))
    return found


def _texts(parser: argparse.ArgumentParser) -> list[str | None]:
    texts: list[str | None] = [parser.description, parser.epilog]
    texts.extend(group.title for group in parser._action_groups)
    texts.extend(group.description for group in parser._action_groups)
    texts.extend(action.help for action in parser._actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            texts.extend(choice.help for choice in action._choices_actions)
    return texts


def test_every_help_text_has_its_indonesian() -> None:
    english = [_texts(parser) for parser in _parsers(build_parser("en"))]
    indonesian = [_texts(parser) for parser in _parsers(build_parser("id"))]
    assert len(english) == len(indonesian)
    for en_texts, id_texts in zip(english, indonesian, strict=True):
        for en, id_ in zip(en_texts, id_texts, strict=True):
            assert (en is None) == (id_ is None)
            if en is not None:
                assert en != id_, en


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["plan", "--lang", "id"], "argumen berikut wajib diberikan: --start, --track, --method"),
        (
            ["rules", "--lang", "id", "--format", "xml"],
            "argumen --format: pilihan tidak sah: 'xml'",
        ),
        (["rules", "--lang", "id", "extra"], "argumen tidak dikenal: extra"),
        (["rules", "--format", "--lang", "id"], "argumen --format: seharusnya diikuti satu nilai"),
        (["regimes", "--lang=id", "--frmat"], "argumen tidak dikenal: --frmat"),
        (
            ["plan", "--lang", "id", "--start", "2024-13-01", "--track", "III", "--method", "x"],
            "argumen --start: '2024-13-01' bukan tanggal dengan format YYYY-MM-DD",
        ),
        (["nothing", "--lang", "id"], "argumen COMMAND: pilihan tidak sah: 'nothing'"),
    ],
)
def test_usage_errors_are_in_indonesian(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("penggunaan: pelatihan")
    assert ": kesalahan: " + expected in err
    assert "error:" not in err


def test_an_argparse_message_no_template_matches_stays_as_it_is() -> None:
    assert indonesian_error("argument --x: something new") == "argumen --x: something new"
    assert indonesian_error("something new") == "something new"


def test_plan_text_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", "--start", "2024-04-22", "--track", "III", "--method", "blended"]
    assert main([*argv, "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert "tahap" in out.splitlines()[1]
    assert "habituasi   habituasi  luar kelas" in out
    assert "hari dalam kelas" in out
    assert "JP (jam pelajaran, " in out
    for english in ("phase", "setting", "training days", "in class", "habituation", "lesson"):
        assert english not in out
    assert main([*argv, "--lang", "id", "--format", "json"]) == 0
    assert main([*argv, "--format", "json"]) == 0
    indonesian, english_json = capsys.readouterr().out.split("\n}\n", 1)
    assert json.loads(indonesian + "}") == json.loads(english_json)  # JSON: the same in both


def test_regimes_text_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regimes", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rezim\n")
    assert "berlaku sejak" in out
    assert "\nPeraturan\n" in out
    assert "in force from" not in out


def test_schema_in_indonesian_titles_each_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--lang", "id"]) == 0
    schema = json.loads(capsys.readouterr().out)
    participant = schema["$defs"]["participant"]
    assert participant["title"] == "Peserta"
    assert participant["properties"]["agency"]["title"] == "instansi"
    assert all("title" in item for item in schema["$defs"]["cohort"]["properties"].values())
    assert main(["schema"]) == 0
    english = json.loads(capsys.readouterr().out)
    assert "title" not in english["$defs"]["participant"]["properties"]["agency"]
    assert main(["schema", "--variant", "--lang", "id"]) == 0  # the variant schema: English


def test_the_commands_own_notes_and_file_errors_are_in_indonesian(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = f"{tmp_path}/tidak-ada.csv"
    code = main(["validate", missing, "examples/cohort.json", "--track", "III", "--lang", "id"])
    err = capsys.readouterr().err
    assert code == 2
    assert "catatan: --track hanya berlaku untuk berkas CSV dan Excel" in err
    assert f"{missing}: tidak dapat dibaca" in err
    code = main(["validate", "examples/cohort.json", "--lang", "id", "-o", f"{missing}/x.txt"])
    assert code == 2
    assert "tidak dapat ditulis" in capsys.readouterr().err
