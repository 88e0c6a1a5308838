"""The package's import graph: no cycles, and arrows that run one way between the layers.

The graph is read from the source (every import statement, those inside functions
too): ``from a.b import c`` is an import of the module ``a.b.c`` when there is
one, else of ``a.b``.
"""

from __future__ import annotations

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
        "pelatihan.validation.stream",
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
