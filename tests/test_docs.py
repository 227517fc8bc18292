"""The README stays true: commands, every flag id, the flag table, the dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from verifier.contract import FLAG_SEVERITY, SIGNALS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_readme_shows_the_two_commands() -> None:
    assert "make run" in README and "make test" in README


def test_docs_flag_table_matches_the_contract() -> None:
    table = README.split("<!-- flag-table:start -->")[1].split("<!-- flag-table:end -->")[0]
    rows = dict(re.findall(r"^\| `([a-z_]+)` \| (high|medium|low) \|", table, flags=re.M))
    assert rows == FLAG_SEVERITY
    for sig in SIGNALS:
        assert f"`{sig}`" in README


def test_docs_every_dependency_is_explained() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        deps.extend(extra)
    for dep in deps:
        name = re.split(r"[<>=\[ ]", dep)[0]
        assert f"`{name}`" in README, f"README does not explain why {name} is a dependency"


def test_docs_every_rule_module_documents_its_ids() -> None:
    """Each rule's module docstring is its documentation page (id, hit, near miss, version)."""
    import importlib
    import pkgutil

    import verifier.rules as pkg
    from verifier.rules import CATALOGUE
    from verifier.rules.base import Rule

    documented = set()
    for info in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"verifier.rules.{info.name}")
        doc = module.__doc__ or ""
        for value in vars(module).values():
            if isinstance(value, Rule) and f"``{value.id}``" in doc:
                assert "added in" in doc and "Hit:" in doc and "Near miss:" in doc, info.name
                documented.add(value.id)
    assert documented == {r.id for r in CATALOGUE}
