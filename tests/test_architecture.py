"""The package's import graph: no cycles, and arrows that run one way between the layers.

The graph is read from the source (every import statement, those inside functions
too): ``from a.b import c`` is an import of the module ``a.b.c`` when there is
one, else of ``a.b``.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from pelatihan import grades, nip
from pelatihan.validation.catalogue import get

SOURCE = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SOURCE / "pelatihan"


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                inner = f"{node.module}.{alias.name}"
                targets.add(inner if inner in MODULES else node.module)
    return {target for target in targets if target in MODULES}


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_reader_finds_a_cycle_when_there_is_one() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
    assert GRAPH["pelatihan.validation.pipeline"] >= {
        "pelatihan.validation.fold",
        "pelatihan.validation.table_shares",
    }


def test_no_module_of_the_package_imports_itself_round_a_cycle() -> None:
    assert _cycles(GRAPH) == []


# Each layer may import only from the layers before it in this list.
LAYERS = (
    (
        "base",
        (
            "pelatihan.errors",
            "pelatihan.evidence",
            "pelatihan.location",
            "pelatihan._memo",
            "pelatihan._collector",
            "pelatihan._reexport",
        ),
    ),
    ("sources", ("pelatihan.instruments", "pelatihan.provenance")),
    ("findings", ("pelatihan.findings",)),
    (
        "models",
        (
            "pelatihan.training",
            "pelatihan.nip",
            "pelatihan.grades",
            "pelatihan.rulebook",
            "pelatihan.regimes",
            "pelatihan.legal",
            "pelatihan.rulebooks",
            "pelatihan.calendar",
            "pelatihan.schedule",
            "pelatihan.evaluation",
            "pelatihan.cohort",
        ),
    ),
    ("planning", ("pelatihan.planning",)),
    ("catalogue", ("pelatihan.catalogue",)),
    ("readers", ("pelatihan.io",)),
    (
        "rules",
        (
            "pelatihan.validation.schedule_rules",
            "pelatihan.validation.participant_rules",
            "pelatihan.validation.cohort_rules",
            "pelatihan.validation.result_rules",
        ),
    ),
    (
        "fold",
        (
            "pelatihan.validation.fold",
            "pelatihan.validation.stream",
            "pelatihan.validation.parallel",
            "pelatihan.validation.shares",
            "pelatihan.validation.table_shares",
        ),
    ),
    (
        "pipeline",
        (
            "pelatihan.validation.pipeline",
            "pelatihan.validation.catalogue",
            "pelatihan.validation.report",
            "pelatihan.validation",
        ),
    ),
    ("cli", ("pelatihan.cli", "pelatihan.__main__", "pelatihan", "pelatihan.strategies")),
)


def _layer(module: str) -> int:
    best = (-1, -1)  # (length of the matching prefix, layer)
    for position, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                best = max(best, (len(prefix), position))
    return best[1]


def test_every_module_has_a_layer() -> None:
    assert [
        name for name in MODULES if _layer(name) < 0 and name != "pelatihan._hypothesis_hook"
    ] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_nothing_from_a_later_layer(module: str) -> None:
    if module == "pelatihan._hypothesis_hook":  # the hypothesis entry point, above everything
        return
    own = _layer(module)
    later = sorted(
        (other, LAYERS[_layer(other)][0]) for other in GRAPH[module] if _layer(other) > own
    )
    assert later == [], f"{module} ({LAYERS[own][0]}) imports from later layers"


# Modules made of private parts (pelatihan._reexport.adopt): their classes and functions
# are still the module's own.
OF_PARTS = (
    "pelatihan.calendar",
    "pelatihan.evaluation",
    "pelatihan.io.variant",
    "pelatihan.planning",
)


@pytest.mark.parametrize("name", OF_PARTS)
def test_a_module_of_parts_offers_their_classes_and_functions_as_its_own(name: str) -> None:
    module = importlib.import_module(name)
    for public in module.__all__:
        obj = getattr(module, public)
        if not (isinstance(obj, type) or inspect.isfunction(obj)):
            continue
        assert obj.__module__ == name, public
        typing.get_type_hints(obj)  # the annotations resolve in the module
        own = [
            member
            for member in vars(obj).values()
            if inspect.isfunction(member) and member.__qualname__.startswith(f"{public}.")
        ]
        assert {method.__module__ for method in own} <= {name}, public  # doctest finds them


def test_every_nip_and_grade_error_has_the_rule_of_its_code() -> None:
    errors = [nip.InvalidFormat, grades.InvalidGrade, grades.InconsistentGrade]
    errors += [
        error
        for error in vars(nip).values()
        if isinstance(error, type)
        and issubclass(error, nip.InvalidNIP)
        and error is not nip.InvalidNIP
    ]
    for error in errors:
        assert get(error.code).code == error.code


def test_locations_need_nothing_but_the_standard_library_and_attrs() -> None:
    assert GRAPH["pelatihan.location"] == set()


# -- the package imports its names when they are first used -----------------------------------


def _modules_after(code: str) -> list[str]:
    shown = "import sys; " + code + "; print(sorted(m for m in sys.modules if 'pelatihan' in m))"
    path = str(SOURCE)
    result = subprocess.run(
        [sys.executable, "-c", shown],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": path, "PATH": ""},
    )
    return list(ast.literal_eval(result.stdout))


def test_importing_the_package_imports_none_of_its_modules() -> None:
    assert _modules_after("import pelatihan") == ["pelatihan"]


def test_a_name_used_imports_its_module_and_what_that_needs_only() -> None:
    loaded = _modules_after("import pelatihan; pelatihan.nip")
    assert "pelatihan.nip" in loaded
    assert not any(name.startswith(("pelatihan.validation", "pelatihan.io")) for name in loaded)


def test_every_public_name_of_the_package_is_its_modules_and_listed() -> None:
    import pelatihan  # noqa: PLC0415

    for name in pelatihan.__all__:
        value = getattr(pelatihan, name)
        assert value is not None, name
    assert set(pelatihan.__all__) <= set(dir(pelatihan))
    with pytest.raises(AttributeError, match="no attribute 'valdate'"):
        pelatihan.valdate  # type: ignore[attr-defined]  # noqa: B018


# -- the command imports what the subcommand it runs needs, and its help nothing slow -------------


def _modules_after_command(*argv: str, lang: str = "C.UTF-8") -> list[str]:
    """The modules loaded once ``pelatihan ARGV`` has run in a fresh process."""
    code = (
        "import sys\n"
        "from pelatihan.cli import main\n"
        f"main({list(argv)!r})\n"
        "sys.stdout.write('\\n' + repr(sorted(sys.modules)) + '\\n')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SOURCE), "PATH": "", "LANG": lang},
    )
    return list(ast.literal_eval(result.stdout.splitlines()[-1]))


LIGHT = frozenset(
    {
        "pelatihan",
        "pelatihan._collector",
        "pelatihan.cli",
        "pelatihan.cli._common",
        "pelatihan.cli._facts",
        "pelatihan.cli._lang",
        "pelatihan.errors",
        "pelatihan.training",
    }
)
"""The package's modules the parser is built from: each imports only the standard library."""

HEAVY = (
    "attr",
    "attrs",
    "holidays",
    "icalendar",
    "openpyxl",
    "pelatihan.calendar",
    "pelatihan.cli._allocate",
    "pelatihan.cli._plan",
    "pelatihan.cli._reference",
    "pelatihan.cli._tables",
    "pelatihan.cli._validate",
    "pelatihan.cohort",
    "pelatihan.findings",
    "pelatihan.grades",
    "pelatihan.io",
    "pelatihan.legal",
    "pelatihan.regimes",
    "pelatihan.rulebook",
    "pelatihan.validation",
)
"""Modules (and their submodules) that a help text, a usage error or ``--version`` does not need."""


def _heavy(loaded: list[str], allowed: tuple[str, ...] = ()) -> list[str]:
    return [
        name
        for name in loaded
        if any(name == heavy or name.startswith(heavy + ".") for heavy in HEAVY)
        and not any(name == other or name.startswith(other + ".") for other in allowed)
    ]


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (("--help",), "C.UTF-8"),
        (("validate", "--help"), "C.UTF-8"),
        (("validate", "--help"), "id_ID.UTF-8"),
        (("allocate", "--help", "--lang", "id"), "C.UTF-8"),
        (("validate",), "C.UTF-8"),  # a usage error: no file
        (("plan", "--start", "2024-13-01"), "C.UTF-8"),  # a usage error: no such date
    ],
    ids=["help", "validate-help", "validate-help-id", "allocate-help-id", "no-file", "bad-date"],
)
def test_the_help_and_the_usage_errors_import_only_the_parsers_modules(
    argv: tuple[str, ...], lang: str
) -> None:
    loaded = _modules_after_command(*argv, lang=lang)
    assert _heavy(loaded) == []
    assert {name for name in loaded if name.startswith("pelatihan")} <= LIGHT


def test_the_version_imports_the_holiday_data_and_no_subcommand() -> None:
    loaded = _modules_after_command("--version")
    assert "holidays" in loaded  # its second line names the holiday data
    assert _heavy(loaded, allowed=("attr", "attrs", "holidays", "pelatihan.calendar")) == []


def test_a_subcommand_imports_its_own_module_when_it_runs_and_no_other_subcommands() -> None:
    loaded = _modules_after_command("rules", "--format", "json")
    assert "pelatihan.cli._reference" in loaded
    assert "pelatihan.validation.catalogue" in loaded
    others = ("_allocate", "_plan", "_tables", "_validate")
    assert [name for name in loaded if name.removeprefix("pelatihan.cli.") in others] == []


def test_every_subcommand_has_a_handler_in_its_module() -> None:
    from pelatihan import cli  # noqa: PLC0415

    commands = next(
        action
        for action in cli.build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert set(commands.choices) == set(cli._HANDLERS)
    for command, target in cli._HANDLERS.items():
        handler = cli._handler(command)
        assert inspect.isfunction(handler), command
        assert f"{handler.__module__}:{handler.__name__}" == target


def test_the_facts_the_parser_is_built_from_are_the_librarys() -> None:
    from pelatihan import findings, legal  # noqa: PLC0415
    from pelatihan.cli import _facts, _tables  # noqa: PLC0415
    from pelatihan.io import reader, results  # noqa: PLC0415

    assert tuple(regime.id for regime in legal.regimes()) == _facts.REGIME_IDS
    assert _facts.COHORT_SUFFIXES == reader.SUFFIXES
    assert _facts.RESULT_SUFFIXES == results.SUFFIXES
    assert _facts.MAX_FINDINGS_PER_CODE == findings.MAX_FINDINGS_PER_CODE
    assert set(_tables._BY_SUFFIX.values()) <= set(_facts.FORMATS)
