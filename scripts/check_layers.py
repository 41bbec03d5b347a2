"""The add-on's layers: each package or top-level module imports only from its own layer
or the layers below it, and no two import each other.

A unit is a subpackage (``tracking``, ``reports``, ...) or a top-level module
(``catalog``, ``vocabularies``, ...). Every import counts, including one inside a function,
the usual hiding place of a cycle. Run by ``make lint``: it prints each breach and exits 1.
"""

from pathlib import Path

import ast
import sys

PACKAGE = "collective.consultation"
ROOT = Path(__file__).resolve().parent.parent / "src" / "collective" / "consultation"
# Lowest first. Shared rules and helpers, then content, then the features, each over the
# ones it builds on, then what wires them to Plone, and the views and services on top.
LAYERS = (
    # shared: no feature of the add-on
    "errors language relations safetext signing widgets workflows vocabularies deferredindex naming"
    " validation dates interfaces permissions privacy officialdoc",
    "content localroles programmes",
    "mailqueue mailing mailworker",
    "tracking",  # suggestions from submission to implementation
    "calendar",  # invitations, replies, feeds
    "meeting",  # the day: attendance, check-in, materials, speeches
    "members",  # duty records and scores
    "minutes",
    "reports",
    "catalog searchguard subscribers todo setuphandlers",  # Plone's indexes, events, the workbench
    "demo upgrades",
    "browser services",
)
LAYER = {unit: level for level, units in enumerate(LAYERS) for unit in units.split()}
# Two ways in, side by side: pages and REST services each call the core, not each other.
APART = {("browser", "services"), ("services", "browser")}
# Not part of the layering: the test fixtures and console scripts sit above everything.
OUTSIDE = {"testing", "scripts", "tests"}


def unit_of(module):
    """``collective.consultation.tracking.steps`` -> ``tracking``; None for a name that is
    not a module of the add-on (``from collective.consultation import _``)."""
    parts = module.split(".")
    if len(parts) < 3 or parts[:2] != PACKAGE.split("."):
        return None
    unit = parts[2]
    exists = (ROOT / unit).is_dir() or (ROOT / f"{unit}.py").is_file()
    return unit if exists else None


def imports(path, module):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def graph():
    edges = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT.parent.parent).with_suffix("")
        module = ".".join(relative.parts).removesuffix(".__init__")
        source = unit_of(module)
        if source is None or source in OUTSIDE:
            continue
        for name in imports(path, module):
            target = unit_of(name)
            if target and target != source and target not in OUTSIDE:
                edges.setdefault(source, set()).add(target)
            edges.setdefault(source, set())
    return edges


def cycles(edges):
    """Strongly connected components of more than one unit (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def upward(edges):
    """(unit, imported unit) pairs that import from a higher layer, from a unit that has
    no layer yet, or across a pair kept APART."""
    found = [(source, None) for source in sorted(edges) if source not in LAYER]
    for source in sorted(set(edges) & set(LAYER)):
        for target in sorted(edges[source]):
            upwards = target not in LAYER or LAYER[target] > LAYER[source]
            if upwards or (source, target) in APART:
                found.append((source, target))
    return found


def main():
    edges = graph()
    breaches = upward(edges)
    for source, target in breaches:
        if target is None or target not in LAYER:
            unknown = source if target is None else target
            print(f"{unknown}: not in a layer (scripts/check_layers.py, LAYERS)")
        else:
            print(
                f"{source} (layer {LAYER[source]}) imports {target} (layer {LAYER[target]})"
            )
    found = cycles(edges)
    for component in found:
        inside = set(component)
        print("import cycle between: " + ", ".join(component))
        for source in component:
            for target in sorted(edges[source] & inside):
                print(f"  {source} -> {target}")
    return 1 if found or breaches else 0


if __name__ == "__main__":
    sys.exit(main())
