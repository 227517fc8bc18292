"""Chinese word segmentation for the classifier.

Engine: ``rjieba`` (jieba-rs, the Rust port of jieba's algorithm and
dictionary), chosen by measurement (``bench/segmenter.py``, figures in the
README): it cuts several times faster than the ``jieba`` package and builds
its dictionary several times sooner. Training and
inference both use this module, and the model manifest records
:func:`engine_version`.

We keep a private ``rjieba.Jieba`` instance with our domain user dictionary
(``data/userdict.txt``, jieba's ``word freq tag`` format), never the
library's global one. The classifier's tokenizer, a module-level function
that a pickled vectoriser can refer to, is :func:`verifier.features.words`.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import batchtext

ENGINE = "rjieba"
_lock = threading.Lock()


def _userdict_lines():
    path = resources.files("verifier") / "data" / "userdict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 else 1000
        tag = parts[2] if len(parts) > 2 else "n"
        yield word, freq, tag


def _engine_module():
    """rjieba's compiled module, loaded without the package's ``__init__``.

    ``import rjieba`` builds a global default ``Jieba()`` (about 0.1 s) that we
    never use; loading the extension module directly skips it. Any surprise
    falls back to the ordinary import.
    """
    try:
        from importlib import machinery, util

        spec = util.find_spec(ENGINE)
        folder = Path(spec.origin).parent
        so = next(p for suffix in machinery.EXTENSION_SUFFIXES for p in sorted(folder.glob(f"{ENGINE}*{suffix}")))
        name = f"{ENGINE}.{ENGINE}"
        loader = machinery.ExtensionFileLoader(name, str(so))
        module = util.module_from_spec(util.spec_from_loader(name, loader))
        loader.exec_module(module)
        return module
    except Exception:   # noqa: BLE001 - an optimisation must never break segmentation
        import rjieba

        return rjieba


@lru_cache(maxsize=1)
def tokenizer():
    """Our private tokenizer with the domain user dictionary loaded."""
    with _lock:
        jb = _engine_module().Jieba()
        for word, freq, tag in _userdict_lines():
            jb.add_word(word, freq, tag)
        return jb


_SPACE_RE = re.compile(r"\s")   # what str.isspace() calls whitespace


def cut(text: str) -> list[str]:
    """Words of ``text`` (HMM on, for unseen words), whitespace dropped."""
    words = tokenizer().cut(text, True)
    if _SPACE_RE.search(text) is None:   # no whitespace in the text: no word to drop (the common case)
        return words
    return [w for w in words if not w.isspace()]


def cut_flat(texts: list[str]) -> tuple[list[str], list[int]]:
    """``[cut(t) for t in texts]`` as one list of words and how many of them each text has, from one call
    of the segmenter.

    The texts are joined by a separator that jieba emits as a token of its own and that ends any run of
    word characters, so the words on each side of it are exactly those of each text alone (a test checks
    it on the corpus). If a text holds the separator itself, the texts are cut one by one.
    """
    # the separator is neither a word character nor white space to jieba: a token of its own
    joined = batchtext.joined(texts)
    if joined is None:
        words = [cut(t) for t in texts]
        return [w for ws in words for w in ws], [len(ws) for ws in words]
    tokens = tokenizer().cut(joined, True)
    if _SPACE_RE.search(joined) is not None:
        tokens = [w for w in tokens if not w.isspace()]
    tokens.append(batchtext.SEP)
    flat: list[str] = []
    lengths: list[int] = []
    start, index, extend, count = 0, tokens.index, flat.extend, lengths.append
    for _ in range(len(texts)):
        end = index(batchtext.SEP, start)
        extend(tokens[start:end])
        count(end - start)
        start = end + 1
    return flat, lengths


def cut_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` with character offsets into ``text``."""
    return [(w, s, e) for w, s, e in tokenizer().tokenize(text, "default", True) if not w.isspace()]


@lru_cache(maxsize=1)
def engine_version() -> str:
    """``rjieba X.Y.Z``, read off the installed distribution (``importlib.metadata`` costs 20 ms to import)."""
    from importlib import util

    spec = util.find_spec(ENGINE)
    if spec is not None and spec.origin:
        site = Path(spec.origin).parent.parent
        found = sorted(site.glob(f"{ENGINE}-*.dist-info"))
        if len(found) == 1:
            return f"{ENGINE} {found[0].name[len(ENGINE) + 1:-len('.dist-info')]}"
    from importlib import metadata

    return f"{ENGINE} {metadata.version(ENGINE)}"
