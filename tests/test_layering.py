"""The rooms of the house and who may enter which: no import cycle among the project's modules, the domain
(`tracker/`) never imports Telegram or the bot, and `jobs/` never imports the bot's handlers. Read from the
source with `ast`, so a function-level import counts as much as one at the top of a module."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tracker", "bot", "jobs", "calledit")


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _from_import(module: str, names: list[str]) -> set[str]:
    """`from bot import prompts` imports the module bot.prompts, not just the package bot."""
    base = ROOT.joinpath(*module.split("."))
    submodules = {f"{module}.{n}" for n in names if (base / f"{n}.py").exists() or (base / n).is_dir()}
    return submodules if len(submodules) == len(names) else submodules | {module}


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            names: set[str] = set()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.update(_from_import(node.module, [alias.name for alias in node.names]))
                elif isinstance(node, ast.Import):
                    names.update(alias.name for alias in node.names)
            graph[_module(path)] = names
    return graph


def _project_edges(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    modules = set(graph)
    return {m: {n for n in names if n in modules and n != m} for m, names in graph.items()}


def test_no_import_cycle() -> None:
    edges = _project_edges(_imports())
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for nxt in sorted(edges[module]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join([*stack[stack.index(nxt):], nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)


def test_the_domain_knows_nothing_of_telegram() -> None:
    graph = _imports()
    offenders = {m: sorted(n for n in names if n.split(".")[0] in {"telegram", "bot", "jobs", "calledit"})
                 for m, names in graph.items() if m.startswith("tracker")}
    assert not {m: n for m, n in offenders.items() if n}


PRESENTATION = {"bot.prompts", "bot.keyboards", "bot.buttons", "bot.render", "bot.texts", "bot.digests", "bot.i18n"}


def test_jobs_do_not_import_handlers() -> None:
    """jobs/ renders through bot's presentation modules, never through a feature's handlers."""
    graph = _imports()
    offenders = {m: sorted(n for n in names if n.startswith("bot") and n not in PRESENTATION)
                 for m, names in graph.items() if m.startswith("jobs")}
    assert not {m: n for m, n in offenders.items() if n}
