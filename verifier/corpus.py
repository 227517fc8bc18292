"""Build the labelled message corpus from what the project wrote, split by group.

Sources (all under ``corpora/messages/``, all written by the project):

- ``handwritten/*.jsonl`` — individually written messages, one JSON object a
  line: ``text, label, flags, voice, group, tags``;
- ``templates/*.toml`` — template families (``[[template]]`` with ``id``,
  ``label``, ``flags``, ``voice``, ``tags`` and ``texts`` holding ``{slot}``s);
- ``slots.toml`` — the values a slot is filled with (``{4}`` inside a value
  is four random digits).

:func:`build` (``verifier corpus``) makes, with one seeded random generator:

1. ``generated`` rows: every template text filled :data:`FILLS_PER_TEXT`
   times; the row's ``group`` is the template id;
2. ``augmented`` rows: a seeded sample of hand-written and generated rows
   rewritten the way people dodge filters or type in a hurry (traditional
   characters, separators or zero-width characters inside a key word, pinyin
   and homophones, full-width digits, a typo, punctuation dropped), or pasted
   together with another message of the same group and label, as people paste
   a stretch of chat; an augmented row keeps the ``group`` of the row it came
   from;
3. the split: whole groups go to ``train``, ``dev`` or ``test`` (about
   70/15/15, by a hash of the group's name, so that a group keeps its split
   when others are added), never single rows, so a template or a writer's
   scenario never straddles train and test.

It writes ``processed/{train,dev,test}.jsonl`` (``id, text, label, flags,
source, group, split, voice, tags``) and ``corpora/MANIFEST.json`` (row
counts, sha256 of every file, the corpus hash that the model manifest
records). Building twice gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .contract import FLAG_IDS, LABELS
from .errors import InputError

SEED = 20261201
FILLS_PER_TEXT = 2
AUGMENT_SHARE = 0.16          # of hand-written and generated rows
SPLITS = ("train", "dev", "test")
SPLIT_SHARE = {"test": 0.15, "dev": 0.15}
SOURCES = ("handwritten", "generated", "augmented")
VOICES = frozenset({
    "platform_sms", "bank_notice", "outsourced_collector", "fake_cs", "paid_agent_ad", "paid_agent_chat",
    "phishing_sms", "fake_authority", "fraud_other", "friend_family", "work_chat", "marketing", "news_psa",
    "debtor_self", "online_comment", "court_official", "other",
})
TAGS = frozenset({"obfuscated", "traditional", "mixed_en", "typo", "hard_negative", "long", "short", "multi_flag"})
ROW_KEYS = ("id", "text", "label", "flags", "source", "group", "split", "voice", "tags")

_SLOT_RE = re.compile(r"\{([a-z_]+)\}")
_DIGITS_RE = re.compile(r"\{(\d)\}")
_CJK = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Paths:
    root: Path                       # corpora/

    @property
    def messages(self) -> Path:
        return self.root / "messages"

    @property
    def processed(self) -> Path:
        return self.messages / "processed"

    @property
    def manifest(self) -> Path:
        return self.root / "MANIFEST.json"


def default_root() -> Path:
    """``corpora/`` of the source checkout this package runs from."""
    return Path(__file__).resolve().parent.parent / "corpora"


# ------------------------------------------------------------------ reading
def _check_row(row: dict, where: str) -> None:
    for key in ("text", "label", "flags", "group"):
        if key not in row:
            raise InputError(f"{where}: missing key {key!r}", code="E210")
    if row["label"] not in LABELS:
        raise InputError(f"{where}: unknown label {row['label']!r}", code="E210")
    unknown = set(row["flags"]) - set(FLAG_IDS)
    if unknown:
        raise InputError(f"{where}: unknown flag ids {sorted(unknown)}", code="E210")
    if row.get("voice", "other") not in VOICES:
        raise InputError(f"{where}: unknown voice {row['voice']!r}", code="E210")
    if set(row.get("tags", ())) - TAGS:
        raise InputError(f"{where}: unknown tags {sorted(set(row['tags']) - TAGS)}", code="E210")
    if not row["text"].strip():
        raise InputError(f"{where}: empty text", code="E210")


def read_handwritten(paths: Paths) -> list[dict]:
    rows = []
    for path in sorted((paths.messages / "handwritten").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            _check_row(row, f"{path.name}:{n}")
            row["source"] = "handwritten"
            row["_origin"] = f"{path.stem}-{n}"
            rows.append(row)
    return rows


def read_templates(paths: Paths) -> list[dict]:
    templates = []
    seen: set[str] = set()
    for path in sorted((paths.messages / "templates").glob("*.toml")):
        for t in tomllib.loads(path.read_text(encoding="utf-8")).get("template", []):
            where = f"{path.name}:{t.get('id')}"
            if t["id"] in seen:
                raise InputError(f"{where}: duplicate template id", code="E210")
            seen.add(t["id"])
            for text in t["texts"]:
                _check_row({**t, "text": text, "group": t["id"]}, where)
            templates.append(t)
    return templates


def read_slots(paths: Paths) -> dict[str, list[str]]:
    return tomllib.loads((paths.messages / "slots.toml").read_text(encoding="utf-8"))


# --------------------------------------------------------------- generating
def fill(text: str, slots: dict, rng: random.Random) -> str:
    """Fill every ``{slot}`` of a template text (digit placeholders too).

    ``{official_link}`` follows the carrier, bank or lender already filled in
    the same text (``[official_link_for]`` in ``slots.toml``), so that a
    genuine notice never points to another company's domain.
    """
    chosen: list[str] = []
    pairs = slots.get("official_link_for", {})

    def slot(m: re.Match) -> str:
        name = m.group(1)
        if name not in slots or name == "official_link_for":
            raise InputError(f"template text uses an unknown slot {{{name}}}: {text[:40]}", code="E210")
        options = slots[name]
        if name == "official_link":
            named = [pairs[k] for k in pairs if k in text] + [pairs[c] for c in chosen if c in pairs]
            options = named[-1] if named else options
        value = rng.choice(options)
        chosen.append(value)
        return _DIGITS_RE.sub(lambda d: "".join(rng.choice("0123456789") for _ in range(int(d.group(1)))), value)

    return _SLOT_RE.sub(slot, text)


def generate(templates: list[dict], slots: dict[str, list[str]], rng: random.Random) -> list[dict]:
    rows = []
    for t in templates:
        for i, text in enumerate(t["texts"]):
            made: set[str] = set()
            for k in range(FILLS_PER_TEXT * 3):       # a few tries for distinct fills
                if len(made) == FILLS_PER_TEXT:
                    break
                made.add(fill(text, slots, rng))
            for j, filled in enumerate(sorted(made)):
                rows.append({
                    "text": filled, "label": t["label"], "flags": list(t.get("flags", [])),
                    "voice": t.get("voice", "other"), "group": t["id"], "tags": list(t.get("tags", [])),
                    "source": "generated", "_origin": f"{t['id']}-{i}-{j}",
                })
    return rows


# --------------------------------------------------------------- augmenting
_SEPARATORS = (" ", " ", "*", "·", "⭐", "❤", "-", "/", "~", "🔥", "。")
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060")
_FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_PUNCT_RE = re.compile("[，。！？；：、,.!?;:]")


def _key_words() -> list[str]:
    """Canonical key words of the normaliser's variant tables (the words scammers disguise)."""
    from .normalise import variant_table

    return sorted({canonical for canonical, _ in variant_table().values()}, key=lambda w: (-len(w), w))


def _variants_of() -> dict[str, list[str]]:
    from .normalise import variant_table

    out: dict[str, list[str]] = defaultdict(list)
    for variant, (canonical, needs_cue) in sorted(variant_table().items()):
        if not needs_cue:
            out[canonical].append(variant)
    return out


def _span_to_disguise(text: str, rng: random.Random, words: list[str]) -> tuple[int, int] | None:
    present = [(m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), text) if len(w) >= 2]
    if present:
        return rng.choice(present)
    runs = [m.span() for m in re.finditer("[\u4e00-\u9fff]{2,}", text)]
    if not runs:
        return None
    s, e = rng.choice(runs)
    a = rng.randrange(s, e - 1)
    return a, min(e, a + rng.randint(2, 4))


def _interleave(text: str, s: int, e: int, pick) -> str:
    word = text[s:e]
    return text[:s] + "".join(ch + (pick() if i < len(word) - 1 else "") for i, ch in enumerate(word)) + text[e:]


def augment_text(text: str, kind: str, rng: random.Random, words: list[str], variants: dict) -> str | None:
    """One rewrite of ``text`` (None when the rewrite does not apply)."""
    if kind == "traditional":
        from .normalise import _opencc_s2t

        out = _opencc_s2t().convert(text)
        return out if out != text else None
    if kind in ("separators", "zero_width"):
        span = _span_to_disguise(text, rng, words)
        if span is None:
            return None
        if kind == "separators":
            sep = rng.choice(_SEPARATORS)
            return _interleave(text, *span, lambda: sep)
        return _interleave(text, *span, lambda: rng.choice(_ZERO_WIDTH))
    if kind == "variant":
        present = [w for w in variants if w in text]
        if not present:
            return None
        word = rng.choice(present)
        return text.replace(word, rng.choice(variants[word]), 1)
    if kind == "fullwidth":
        out = "".join(_FULL.get(c, c) for c in text)
        return out if out != text else None
    if kind == "typo":
        cjk = [m.start() for m in _CJK.finditer(text)]
        if len(cjk) < 6:
            return None
        i = rng.choice(cjk[1:-1])
        if rng.random() < 0.5:
            return text[:i] + text[i + 1:]                   # a dropped character
        return text[:i] + text[i] + text[i:]                 # a doubled one
    if kind == "no_punct":
        out = _PUNCT_RE.sub(rng.choice((" ", "")), text)
        return out if out != text else None
    raise ValueError(kind)


AUGMENTATIONS = {   # kind → tags it adds
    "traditional": ("traditional",), "separators": ("obfuscated",), "zero_width": ("obfuscated",),
    "variant": ("obfuscated",), "fullwidth": ("obfuscated",), "typo": ("typo",), "no_punct": ("typo",),
    "pasted": (),
}
MAX_PASTED = 400


def _pasted(row: dict, same_group: list[dict], rng: random.Random) -> tuple[str, list[dict]] | None:
    """Two or three messages of one group and label pasted as one, as people paste a stretch of chat."""
    others = [r for r in same_group if r is not row and r["label"] == row["label"]]
    if not others:
        return None
    partners = rng.sample(others, min(len(others), rng.choice((1, 2, 2))))
    text = "\n".join([row["text"]] + [r["text"] for r in partners])
    return (text, partners) if len(text) <= MAX_PASTED else None


def augment(rows: list[dict], rng: random.Random) -> list[dict]:
    words, variants = _key_words(), _variants_of()
    by_group: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_group[row["group"]].append(row)
    kinds = sorted(AUGMENTATIONS)
    out = []
    for row in rows:
        if rng.random() >= AUGMENT_SHARE:
            continue
        kind = rng.choice(kinds)
        if kind == "traditional" and "traditional" in row.get("tags", ()):
            kind = "separators"
        partners: list[dict] = []
        if kind == "pasted":
            pasted = _pasted(row, by_group[row["group"]], rng)
            text, partners = pasted if pasted else (None, [])
        else:
            text = augment_text(row["text"], kind, rng, words, variants)
        if text is None or text == row["text"]:
            continue
        tags = sorted(set(row.get("tags", ())) | set(AUGMENTATIONS[kind]))
        flags = sorted(set(row["flags"]).union(*(r["flags"] for r in partners)))   # pasted partners' flags
        out.append({**row, "text": text, "flags": flags, "tags": tags, "source": "augmented",
                    "_origin": f"{row['_origin']}-{kind}"})
    return out


# ------------------------------------------------------------------ splitting
def assign_splits(rows: list[dict], seed: int = SEED) -> dict[str, str]:
    """group → split, from a hash of the group's name: whole groups, about 70/15/15.

    A group keeps its split when other groups are added or removed, so a new
    batch of rows never moves an old test group into training.
    """
    split_of: dict[str, str] = {}
    for group in sorted({r["group"] for r in rows}):
        u = int(hashlib.sha256(f"{seed}:{group}".encode("utf-8")).hexdigest()[:12], 16) / 16 ** 12
        split_of[group] = "test" if u < SPLIT_SHARE["test"] else (
            "dev" if u < SPLIT_SHARE["test"] + SPLIT_SHARE["dev"] else "train")
    return split_of


# ------------------------------------------------------------------- building
def _auto_tags(row: dict) -> list[str]:
    tags = set(row.get("tags", ()))
    n = len(row["text"])
    tags.discard("short")
    tags.discard("long")
    if n < 20:
        tags.add("short")
    elif n >= 200:
        tags.add("long")
    if len(set(row["flags"])) >= 2:
        tags.add("multi_flag")
    return sorted(tags)


def build_rows(paths: Paths, seed: int = SEED) -> list[dict]:
    """Every corpus row, with ids and splits, in a stable order."""
    rng = random.Random(seed)
    hand = read_handwritten(paths)
    gen = generate(read_templates(paths), read_slots(paths), rng)
    aug = augment(hand + gen, rng)
    rows, seen = [], set()
    for row in hand + gen + aug:                 # first writer of a text wins
        if row["text"] in seen:
            continue
        seen.add(row["text"])
        rows.append(row)
    split_of = assign_splits(rows, seed)
    out = []
    for row in rows:
        digest = hashlib.sha256(row["_origin"].encode("utf-8")).hexdigest()[:10]
        out.append({
            "id": f"{row['source'][:3]}-{digest}", "text": row["text"], "label": row["label"],
            "flags": sorted(set(row["flags"]), key=FLAG_IDS.index), "source": row["source"],
            "group": row["group"], "split": split_of[row["group"]], "voice": row.get("voice", "other"),
            "tags": _auto_tags(row),
        })
    if len({r["id"] for r in out}) != len(out):
        raise InputError("corpus row ids collide; rename a template or a file", code="E211")
    return out


def _dump(rows: list[dict]) -> bytes:
    return "".join(json.dumps({k: r[k] for k in ROW_KEYS}, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render(paths: Paths, seed: int = SEED) -> dict[Path, bytes]:
    """The bytes of every file :func:`build` writes (processed splits and the manifest)."""
    rows = build_rows(paths, seed)
    files: dict[Path, bytes] = {}
    for split in SPLITS:
        files[paths.processed / f"{split}.jsonl"] = _dump([r for r in rows if r["split"] == split])
    manifest = {
        "corpus": "verifier messages",
        "licence": "MIT; every text written by the project (see DATA_CARD.md)",
        "built_by": "verifier corpus",
        "seed": seed,
        "rows": len(rows),
        "by_split": dict(sorted(Counter(r["split"] for r in rows).items())),
        "by_label": {label: sum(r["label"] == label for r in rows) for label in LABELS},
        "by_source": {s: sum(r["source"] == s for r in rows) for s in SOURCES},
        "by_flag": {f: sum(f in r["flags"] for r in rows) for f in FLAG_IDS},
        "by_tag": dict(sorted(Counter(t for r in rows for t in r["tags"]).items())),
        "groups": len({r["group"] for r in rows}),
        "sources": _source_hashes(paths),
        "files": {
            str(p.relative_to(paths.root)): {"sha256": _sha256(b), "rows": b.count(b"\n")}
            for p, b in files.items()
        },
    }
    manifest["corpus_hash"] = corpus_hash_of({k: v["sha256"] for k, v in manifest["files"].items()})
    files[paths.manifest] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


def _source_hashes(paths: Paths) -> dict[str, dict]:
    out = {}
    for pattern in ("handwritten/*.jsonl", "templates/*.toml", "slots.toml"):
        for p in sorted(paths.messages.glob(pattern)):
            data = p.read_bytes()
            out[str(p.relative_to(paths.root))] = {"sha256": _sha256(data), "lines": data.count(b"\n")}
    return out


def corpus_hash_of(file_hashes: dict[str, str]) -> str:
    joined = "".join(f"{name}\t{digest}\n" for name, digest in sorted(file_hashes.items()))
    return _sha256(joined.encode("utf-8"))


def build(root: Path | None = None, seed: int = SEED) -> dict:
    """Write the processed corpus and its manifest; return the manifest."""
    paths = Paths(root or default_root())
    files = render(paths, seed)
    paths.processed.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    return json.loads(files[paths.manifest])


def stale_files(root: Path | None = None, seed: int = SEED) -> list[str]:
    """Files whose content differs from what :func:`build` would write now (empty: up to date)."""
    paths = Paths(root or default_root())
    return [str(p.relative_to(paths.root)) for p, data in render(paths, seed).items()
            if not p.exists() or p.read_bytes() != data]


# -------------------------------------------------------------------- loading
def load(root: Path | None = None, splits: tuple[str, ...] = SPLITS) -> list[dict]:
    """Rows of the processed corpus (checked against the manifest's hashes)."""
    paths = Paths(root or default_root())
    manifest = read_manifest(paths.root)
    rows = []
    for split in splits:
        path = paths.processed / f"{split}.jsonl"
        if not path.exists():
            raise InputError(f"{path} is missing: run `verifier corpus` to build the corpus", code="E212")
        data = path.read_bytes()
        want = manifest["files"].get(str(path.relative_to(paths.root)), {}).get("sha256")
        if want != _sha256(data):
            raise InputError(f"{path} does not match corpora/MANIFEST.json: run `verifier corpus`", code="E212")
        rows.extend(json.loads(line) for line in data.decode("utf-8").splitlines() if line)
    return rows


def read_manifest(root: Path | None = None) -> dict:
    path = Paths(root or default_root()).manifest
    if not path.exists():
        raise InputError(f"{path} is missing: run `verifier corpus` to build the corpus", code="E212")
    return json.loads(path.read_text(encoding="utf-8"))


def corpus_hash(root: Path | None = None) -> str:
    return read_manifest(root)["corpus_hash"]
