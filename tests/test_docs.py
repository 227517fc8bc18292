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


# ------------------------------------------------------------------ worked examples
# README.md shows `verifier agreement` on the two files of examples/agreements/; the outputs there are the real
# outputs, checked here. After a change to the agreement checker or its renderer regenerate them with
#   VERIFIER_UPDATE_README=1 .venv/bin/python -m pytest tests/test_docs.py -k worked
EXAMPLES = ("in_app_plan", "chat_offer")


def _agreement_output(name: str) -> str:
    import os
    import subprocess
    import sys

    script = Path(sys.executable).with_name("verifier")
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    proc = subprocess.run([str(script), "agreement", f"examples/agreements/{name}.txt"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return "\n".join(line.rstrip() for line in proc.stdout.splitlines())


def _block(name: str) -> re.Pattern:
    return re.compile(rf"(<!-- example:{name}:start -->\n```text\n)(.*?)(\n```\n<!-- example:{name}:end -->)", re.S)


def test_docs_worked_agreement_examples_are_real_outputs() -> None:
    import os

    readme = README
    for name in EXAMPLES:
        got = _agreement_output(name)
        found = _block(name).search(readme)
        assert found, f"README.md has no example block for {name}"
        if os.environ.get("VERIFIER_UPDATE_README") == "1":
            readme = _block(name).sub(lambda m: m.group(1) + got + m.group(3), readme)
        else:
            assert found.group(2) == got, f"README example {name} is stale: regenerate it (see tests/test_docs.py)"
    if readme != README:
        (ROOT / "README.md").write_text(readme, encoding="utf-8")
