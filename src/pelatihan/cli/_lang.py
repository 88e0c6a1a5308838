"""The command's language: ``--lang``, else the locale; and argparse's own words in it.

The language of a run is ``--lang`` when it is given, else the locale's
(:func:`locale_lang`): Indonesian when the locale's language is Indonesian,
English otherwise. The parser is built in that language (:func:`argv_lang`
reads ``--lang`` before the parser exists), so its help is too.

argparse writes some words of its own (``usage:``, the titles of the option
lists, the help of ``--help``, its error messages), through :mod:`gettext`
in the default domain, which a library cannot give a catalogue without
changing it for the whole program. :class:`IndonesianParser` says them in
Indonesian instead: the titles and the usage prefix directly, and an error
message by matching it against argparse's English templates
(:func:`indonesian_error`); a message no template matches stays as argparse
wrote it.

    >>> locale_lang({"LANG": "id_ID.UTF-8"}), locale_lang({"LC_ALL": "en_US.UTF-8", "LANG": "id"})
    ('id', 'en')
    >>> argv_lang(["rules", "--lang=id"]), argv_lang(["rules"])
    ('id', None)
    >>> indonesian_error("the following arguments are required: --start")
    'argumen berikut wajib diberikan: --start'
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import ClassVar, NoReturn

__all__ = [
    "LANGS",
    "IndonesianParser",
    "Parser",
    "argv_lang",
    "indonesian_error",
    "locale_lang",
    "parser_class",
    "pick",
]

LANGS = ("en", "id")
"""The languages of the command: English and Indonesian."""

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The variables a locale's language of messages is read from, first non-empty one first."""

_INDONESIAN = frozenset({"id", "in", "indonesian"})
"""Locale languages that are Indonesian (``in`` is the code's old form)."""


def locale_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language of the locale: ``"id"`` when it is Indonesian, else ``"en"``.

    As gettext does, the first non-empty one of ``LC_ALL``, ``LC_MESSAGES``
    and ``LANG`` gives the locale (``id_ID.UTF-8``, ``id``, ``in_ID``).

    Args:
        environ: The environment variables; :data:`os.environ` by default.

    Example:
        >>> locale_lang({"LC_ALL": "", "LC_MESSAGES": "in_ID", "LANG": "en_GB.UTF-8"})
        'id'
        >>> locale_lang({"LANG": "C.UTF-8"}), locale_lang({})
        ('en', 'en')
    """
    variables = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = variables.get(name, "")
        if value:
            language = re.split(r"[_.@]", value, maxsplit=1)[0].strip().lower()
            return "id" if language in _INDONESIAN else "en"
    return "en"


_LANG_OPTIONS = frozenset({"--lang", "--lan", "--la"})  # argparse takes unique abbreviations


def argv_lang(argv: Sequence[str]) -> str | None:
    """The language the arguments ask for with ``--lang``, or ``None`` (none, or not known).

    The last ``--lang X`` or ``--lang=X`` counts, as it does for argparse;
    nothing after ``--`` is an option.

    Example:
        >>> argv_lang(["validate", "a.json", "--lang", "id", "--lang", "en"])
        'en'
        >>> argv_lang(["validate", "--", "--lang=id"]), argv_lang(["rules", "--lang", "fr"])
        (None, None)
    """
    found: str | None = None
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        name, sep, value = argument.partition("=")
        if name not in _LANG_OPTIONS:
            continue
        if not sep:
            value = argv[index + 1] if index + 1 < len(argv) else ""
        found = value if value in LANGS else None
    return found


def pick(lang: str) -> Callable[[str, str], str]:
    """A function choosing between an English and an Indonesian text by ``lang``.

    Example:
        >>> pick("id")("the first day", "hari pertama")
        'hari pertama'
    """
    if lang == "id":
        return lambda _english, indonesian: indonesian
    return lambda english, _indonesian: english


# -- argparse in Indonesian -----------------------------------------------------------------

_ERRORS_ID: dict[str, str] = {
    "the following arguments are required: %s": "argumen berikut wajib diberikan: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "seharusnya diikuti satu nilai",
    "expected at least one argument": "seharusnya diikuti paling sedikit satu nilai",
    "expected at most one argument": "seharusnya diikuti paling banyak satu nilai",
    "expected %s argument": "seharusnya diikuti %s nilai",
    "expected %s arguments": "seharusnya diikuti %s nilai",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi ambigu: %(option)s bisa berarti %(matches)s"
    ),
    "ignored explicit argument %r": "nilai %r diabaikan",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diberikan",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}
"""argparse's error messages (its gettext message ids), in Indonesian."""

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    position = 0
    for number, match in enumerate(_PLACEHOLDER.finditer(template)):
        parts.append(re.escape(template[position : match.start()]))
        parts.append(f"(?P<{match[1] or f'_{number}'}>.*?)")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts), re.DOTALL)


def _filled(template: str, values: Mapping[str, str]) -> str:
    numbers = iter(range(len(values)))

    def value(match: re.Match[str]) -> str:
        return values[match[1] or f"_{next(numbers)}"]

    return _PLACEHOLDER.sub(value, template)


_ERROR_PATTERNS = [(_pattern(english), indonesian) for english, indonesian in _ERRORS_ID.items()]


def indonesian_error(message: str) -> str:
    """An argparse error message in Indonesian; as it is when no template matches it.

    Example:
        >>> indonesian_error("argument --format: invalid choice: 'x' (choose from 'text', 'json')")
        "argumen --format: pilihan tidak sah: 'x' (pilih dari 'text', 'json')"
        >>> indonesian_error("something else")
        'something else'
    """
    for pattern, indonesian in _ERROR_PATTERNS:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        values = {name: value or "" for name, value in match.groupdict().items()}
        if "message" in values:
            values["message"] = indonesian_error(values["message"])
        return _filled(indonesian, values)
    return message


class _IndonesianFormatter(argparse.HelpFormatter):
    """argparse's help formatter, with its usage line headed in Indonesian."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """The command's argument parser in English; its subcommands' parsers are of its class."""

    lang: ClassVar[str] = "en"
    """The language of the parser's own words."""


class IndonesianParser(Parser):
    """The command's argument parser with argparse's own words in Indonesian.

    Example:
        >>> parser = IndonesianParser(prog="pelatihan")
        >>> print(parser.format_help())
        penggunaan: pelatihan [-h]
        <BLANKLINE>
        opsi:
          -h, --help  tampilkan bantuan ini lalu keluar
        <BLANKLINE>
    """

    lang: ClassVar[str] = "id"

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _IndonesianFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "argumen posisi"
        self._optionals.title = "opsi"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "tampilkan bantuan ini lalu keluar"

    def error(self, message: str) -> NoReturn:
        """Print the usage and the message in Indonesian, and exit with status 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: kesalahan: {indonesian_error(message)}\n")


def parser_class(lang: str) -> type[Parser]:
    """The class of the command's parser in ``lang``."""
    return IndonesianParser if lang == "id" else Parser
