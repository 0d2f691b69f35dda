"""Find every Polish text of the core that reaches the user, by reading the source (ast).

A *site* is:

- the message of a ``DomainError`` (any subclass) constructed in the core, or of a factory that
  builds one (``FACTORIES``);
- the argument of ``localize(...)`` or ``core_text(...)`` (``domain.language``) — a ``localize`` of
  a value computed elsewhere (a variable, a dict look-up) is no site: its texts are marked where built;
- a text argument of a constructor listed in ``TEXT_ARGUMENTS``;
- the message an error class writes itself (``super().__init__(f"…")``).

Each site gives one or more *templates*: the Polish text with ``{name}`` where an f-string puts a
value. Module constants, local variables assigned string literals, conditional expressions and
``core_text``/``str.format`` are followed, so ``f"Ten odczyt {verb} już…"`` with ``verb = "a" if … else
"b"`` gives two templates. A message that cannot be followed must be listed in ``COMPOSED`` with the
texts it produces (or none, with the reason in a comment).
"""

from __future__ import annotations

import ast
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import iok_desktop

PACKAGE = Path(iok_desktop.__file__).parent
CORE = ("domain", "services", "reports", "db", "demo", "config.py")
SKIPPED = ("db/migrations", "domain/messages_en.py", "domain/language.py")

FACTORIES = {"unreadable", "refused"}
MARKERS = {"localize", "core_text"}
TEXT_ARGUMENTS = {"RuleCheck": 1}  # domain.passwords: the rule list whose lines name missing rules

# Messages built from parts the scan cannot follow: (file, source of the argument) -> the texts made.
COMPOSED: dict[tuple[str, str], list[str]] = {
    # "Data 31.02.2026 nie istnieje w kalendarzu." with "Data" replaced by the column's name.
    ("services/ledger_import.py", "f'{label} {error.polish[5:]}'"): [
        "Data księgowania {date} nie istnieje w kalendarzu.",
        "Termin płatności {date} nie istnieje w kalendarzu.",
    ],
    # The warnings joined: each is a site of its own (core_text in readings/rules.py).
    ("services/readings/submit.py", "' '.join(review.warnings)"): [],
    # The message of a conflict found by ``_conflicts`` (its texts are sites there).
    ("services/readings/review.py", "result.conflicts[0].message"): [],
    # Every field's own domain message, prefixed with the field's label, in the current language.
    ("services/contacts.py", "errors"): [],
    # ``unreadable(message)`` itself: its callers are the sites.
    ("services/csv_files.py", "message"): [],
    # ``refused(problem)`` itself: its callers are the sites.
    ("services/ledger_import.py", "problem"): [],
}

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z_0-9]*)?\}")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Site:
    path: str  # relative to the package
    line: int
    source: str
    templates: tuple[str, ...] | None  # None: not followed


def core_files() -> list[Path]:
    files: list[Path] = []
    for part in CORE:
        target = PACKAGE / part
        found = [target] if target.is_file() else sorted(target.rglob("*.py"))
        files.extend(p for p in found if not any(str(p.relative_to(PACKAGE)).startswith(s) for s in SKIPPED))
    return files


def domain_error_names() -> set[str]:
    """Names of every DomainError subclass defined in the core (found in the source, not imported)."""
    bases: dict[str, set[str]] = {}
    for path in core_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
    names = {"DomainError"}
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            if name not in names and parents & names:
                names.add(name)
                changed = True
    return names


def _name_of(expr: ast.expr) -> str:
    """A placeholder name for an f-string value: ``meter.serial`` -> serial, ``format_date(d)`` -> d."""
    if isinstance(expr, ast.Name):
        return expr.id.strip("_") or "value"
    if isinstance(expr, ast.Attribute):
        return expr.attr.strip("_") or "value"
    if isinstance(expr, ast.Call):
        if expr.args:
            return _name_of(expr.args[0])
        return _name_of(expr.func)
    if isinstance(expr, ast.Subscript):
        return _name_of(expr.value)
    return "value"


class _Module:
    def __init__(self, path: Path, modules: dict[str, _Module]) -> None:
        self.path = path
        self.rel = str(path.relative_to(PACKAGE))
        self.tree = ast.parse(path.read_text("utf-8"))
        self.modules = modules
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.imports: dict[str, tuple[str, str]] = {}
        for node in self.tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("iok_desktop"):
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (node.module, alias.name)

    def function_of(self, node: ast.AST) -> ast.AST:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                return node
        return self.tree

    def class_of(self, node: ast.AST) -> str | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.ClassDef):
                return node.name
        return None

    def assignments(self, scope: ast.AST, name: str) -> list[ast.expr]:
        values: list[ast.expr] = []
        # Module constants: top-level statements only; in a function: any assignment in its body.
        nodes = list(scope.body) if isinstance(scope, ast.Module) else list(ast.walk(scope))
        for node in nodes:
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets, value = [node.target], node.value
            else:
                continue
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                values.append(value)
        return values

    def resolve_name(self, name: str, at: ast.AST, depth: int) -> list[str] | None:
        scope = self.function_of(at)
        if scope is not self.tree:
            if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
                params = {a.arg for a in [*scope.args.args, *scope.args.kwonlyargs, *scope.args.posonlyargs]}
                if name in params:
                    return None
            values = self.assignments(scope, name)
            if values:
                return self._union(values, depth)
        values = self.assignments(self.tree, name)
        if values:
            return self._union(values, depth)
        if name in self.imports:
            module_name, original = self.imports[name]
            rel = module_name.removeprefix("iok_desktop.").replace(".", "/") + ".py"
            other = self.modules.get(rel)
            if other is not None:
                return other.resolve_name(original, other.tree, depth + 1)
        return None

    def _union(self, values: list[ast.expr], depth: int) -> list[str] | None:
        out: list[str] = []
        for value in values:
            found = self.resolve(value, depth + 1)
            if found is None:
                return None
            out.extend(found)
        return out

    def resolve(self, expr: ast.expr, depth: int = 0) -> list[str] | None:
        """The templates an expression can produce, or None when it cannot be followed."""
        if depth > 8:
            return None
        if isinstance(expr, ast.Constant):
            return [expr.value] if isinstance(expr.value, str) else None
        if isinstance(expr, ast.Name):
            return self.resolve_name(expr.id, expr, depth)
        handler = {
            ast.JoinedStr: self._joined,
            ast.BinOp: self._concatenated,
            ast.Call: self._called,
            ast.IfExp: self._either,
        }.get(type(expr))
        return handler(expr, depth) if handler is not None else None  # type: ignore[operator]

    def _joined(self, expr: ast.JoinedStr, depth: int) -> list[str]:
        pieces: list[list[str]] = []
        for value in expr.values:
            if isinstance(value, ast.Constant):
                pieces.append([str(value.value)])
            elif isinstance(value, ast.FormattedValue):
                inlined = None
                if value.conversion == -1 and value.format_spec is None:
                    inlined = self._inline(value.value, depth)
                pieces.append(inlined if inlined is not None else ["{" + _name_of(value.value) + "}"])
        return ["".join(combo) for combo in itertools.product(*pieces)]

    def _concatenated(self, expr: ast.BinOp, depth: int) -> list[str] | None:
        if not isinstance(expr.op, ast.Add):
            return None
        left = self.resolve(expr.left, depth + 1)
        right = self.resolve(expr.right, depth + 1)
        if left is None and right is None:
            return None
        left = left or ["{" + _name_of(expr.left) + "}"]
        right = right or ["{" + _name_of(expr.right) + "}"]
        return [a + b for a, b in itertools.product(left, right)]

    def _called(self, expr: ast.Call, depth: int) -> list[str] | None:
        func = expr.func
        if isinstance(func, ast.Name) and func.id in MARKERS and expr.args:
            return self.resolve(expr.args[0], depth + 1)
        if isinstance(func, ast.Attribute) and func.attr == "format":  # "Plik {name} …".format(name=…)
            return self.resolve(func.value, depth + 1)
        return None

    def _either(self, expr: ast.IfExp, depth: int) -> list[str] | None:
        body = self.resolve(expr.body, depth + 1)
        orelse = self.resolve(expr.orelse, depth + 1)
        return None if body is None or orelse is None else body + orelse

    def _inline(self, expr: ast.expr, depth: int) -> list[str] | None:
        """An f-string value that is itself a known text (a constant, a chosen word) is spelled out."""
        if isinstance(expr, ast.Name | ast.IfExp | ast.Constant) or (
            isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id in MARKERS
        ):
            return self.resolve(expr, depth + 1)
        return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _has_text(template: str) -> bool:
    return bool(_LETTERS.search(_PLACEHOLDER.sub("", template)))


def _self_worded(modules: dict[str, _Module], errors: set[str]) -> set[str]:
    """Error classes that word their own message (``super().__init__(f"…")``): built from values."""
    found = set()
    for module in modules.values():
        for node in ast.walk(module.tree):
            if (
                isinstance(node, ast.Call)
                and _call_name(node) == "__init__"
                and node.args
                and module.class_of(node) in errors
                and module.resolve(node.args[0]) is not None
            ):
                found.add(str(module.class_of(node)))
    return found


def _site_argument(node: ast.Call, module: _Module, errors: set[str], self_worded: set[str]) -> ast.expr | None:
    """The text argument of a call that is a site, or None."""
    name = _call_name(node)
    if name in self_worded:
        return None  # constructed from values; its own super().__init__ is the site
    if name in errors or name in FACTORIES:
        return node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "message"), None)
    if name in MARKERS and isinstance(node.func, ast.Name) and node.args:
        # localize(variable): its texts are marked where they are built, so only followable ones count
        return node.args[0] if module.resolve(node.args[0]) is not None else None
    if name in TEXT_ARGUMENTS and len(node.args) > TEXT_ARGUMENTS[name]:
        return node.args[TEXT_ARGUMENTS[name]]
    if name == "__init__" and node.args and module.class_of(node) in errors:
        # super().__init__(f"…") in an error class that writes its own message (a parameter passed on
        # is no site: the raise sites are)
        return node.args[0] if module.resolve(node.args[0]) is not None else None
    return None


def collect_sites() -> list[Site]:
    modules: dict[str, _Module] = {}
    for path in core_files():
        module = _Module(path, modules)
        modules[module.rel] = module
    errors = domain_error_names()
    self_worded = _self_worded(modules, errors)
    sites: list[Site] = []
    for module in modules.values():
        for node in ast.walk(module.tree):
            arg = _site_argument(node, module, errors, self_worded) if isinstance(node, ast.Call) else None
            if arg is None:
                continue
            source = ast.unparse(arg)
            templates = module.resolve(arg)
            if templates is not None:
                templates = [t.strip() for t in templates]
                if not all(_has_text(t) for t in templates):
                    templates = None
            if templates is None and (module.rel, source) in COMPOSED:
                templates = COMPOSED[(module.rel, source)]
            sites.append(Site(module.rel, node.lineno, source, None if templates is None else tuple(templates)))
    return sites


def sample(template: str) -> str:
    """The template with a neutral value in each placeholder, as a real message would read."""
    counter = itertools.count(1)
    return _PLACEHOLDER.sub(lambda _m: f"⟨{next(counter)}⟩", template)


def skeleton(template: str) -> str:
    return _PLACEHOLDER.sub("{}", template)
