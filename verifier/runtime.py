"""The classifier at inference time, without scikit-learn.

Importing scikit-learn takes longer than our whole cold-start budget, so
``verifier train`` exports what the fitted Pipeline computes — the two
vocabularies, their idf weights, the coefficients and intercepts — to
``runtime.bin``, and this module recomputes the Pipeline's probabilities from
them in plain Python (one message) or with numpy/scipy (a batch). A test
proves the probabilities equal ``Pipeline.predict_proba`` to 1e-9 on the
whole corpus.

What it reproduces, exactly as scikit-learn does it:

- word block: ``TfidfVectorizer(tokenizer=features.words, ngram_range=(1, 2),
  sublinear_tf=True, lowercase=False)`` — unigrams, then bigrams joined by
  a space; ``tf = 1 + ln(count)``; ``× idf``; l2-normalised;
- char block: ``TfidfVectorizer(analyzer="char", preprocessor=features.fold,
  ngram_range=(1, n))`` — runs of two or more whitespace characters become
  one space, then every 1…n-character slice; same weighting;
- ``LogisticRegression`` (multinomial): logits = x·coefᵀ + intercept, then
  softmax after subtracting the largest logit.

File format: ``VRT1`` + header length (8 bytes, little-endian) + a JSON
header (labels, n-gram ranges, vocabularies in column order) + float64
arrays (word idf, char idf, coefficients row by row, intercepts).
"""

from __future__ import annotations

import json
import math
import re
import struct
import sys
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat

MAGIC = b"VRT1"
_ROW_BITS = 20   # a batch of fewer than 2**20 messages: a message's number fits beside a bigram key
_WHITE_SPACES = re.compile(r"\s\s+")   # scikit-learn's _VectorizerMixin._white_spaces


def word_ngrams(tokens: list[str], lo: int, hi: int) -> list[str]:
    """scikit-learn's ``_word_ngrams`` without stop words."""
    if hi == 1:
        return list(tokens)
    out = list(tokens) if lo == 1 else []
    start = 2 if lo == 1 else lo
    n_tok = len(tokens)
    for n in range(start, min(hi + 1, n_tok + 1)):
        out.extend(map(" ".join, zip(*(tokens[k:] for k in range(n)))))
    return out


@lru_cache(maxsize=8)
def _slices(n: int) -> re.Pattern:
    """A regex whose ``findall`` lists every ``n``-character slice of a text (in C)."""
    return re.compile(f"(?=(.{{{n}}}))", re.S)


def char_ngrams(text: str, lo: int, hi: int) -> list[str]:
    """scikit-learn's ``_char_ngrams`` (the same n-grams; their order does not matter to a count)."""
    text = _WHITE_SPACES.sub(" ", text)
    out = list(text) if lo == 1 else []
    for n in range(max(lo, 2), min(hi, len(text)) + 1):
        out.extend(_slices(n).findall(text))
    return out


def _gram_key(gram: str) -> int:
    key = 0
    for ch in gram:
        key = (key << 21) | ord(ch)
    return key


@dataclass
class RuntimeModel:
    labels: tuple[str, ...]
    word_range: tuple[int, int]
    char_range: tuple[int, int]
    word_vocab: dict[str, int]
    char_vocab: dict[str, int]
    word_idf: array
    char_idf: array
    coef: list[array]          # one row per label, word columns then char columns
    intercept: array

    # ------------------------------------------------------------ features
    @staticmethod
    def _counts(grams: list[str], vocab: dict[str, int]) -> dict[int, int]:
        """Column → count of the n-grams that are in the vocabulary (each distinct n-gram looked up once:
        a long message repeats its n-grams many times)."""
        get = vocab.get
        return {j: c for g, c in Counter(grams).items() if (j := get(g)) is not None}

    @staticmethod
    def _block(counts: dict[int, int], idf: array, offset: int) -> list[tuple[int, float]]:
        if not counts:
            return []
        vals = [(j, (1.0 + math.log(c)) * idf[j]) for j, c in counts.items()]
        norm = math.sqrt(math.fsum(v * v for _, v in vals))
        return [(offset + j, v / norm) for j, v in vals]

    def vector(self, folded: str, tokens: list[str]) -> list[tuple[int, float]]:
        """The non-zero features (column, value) of one message."""
        words = self._counts(word_ngrams(tokens, *self.word_range), self.word_vocab)
        chars = self._counts(char_ngrams(folded, *self.char_range), self.char_vocab)
        return self._block(words, self.word_idf, 0) + self._block(chars, self.char_idf, len(self.word_vocab))

    # ------------------------------------------------------- probabilities
    def proba_one(self, folded: str, tokens: list[str]) -> dict[str, float]:
        """Probabilities of one message from its folded text and its words (plain Python)."""
        x = self.vector(folded, tokens)
        logits = [b + math.fsum(v * row[j] for j, v in x) for row, b in zip(self.coef, self.intercept)]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = math.fsum(exps)
        return {label: e / total for label, e in zip(self.labels, exps)}

    def proba_many(self, folded: list[str], tokens: list[list[str]]):
        """A numpy array (messages × labels) of probabilities for a batch: :meth:`proba_flat` of the
        messages' words in one list."""
        return self.proba_flat(folded, list(chain.from_iterable(tokens)), [len(t) for t in tokens])

    def proba_flat(self, folded: list[str], flat: list[str], lengths: list[int]):
        """A numpy array (messages × labels) of probabilities for a batch, computed with numpy, from the
        folded texts and their words: ``flat`` holds every message's words in order, ``lengths[i]`` of
        them message ``i``'s (as :func:`.segment.cut_flat` gives them).

        Each distinct word of the batch is looked up in the vocabulary once, and
        its bigrams as integer pairs (see :meth:`_word_columns`); character
        n-grams are looked up over the whole batch at once: a table for single
        characters, a square table for pairs, ``searchsorted`` over integer
        keys (21 bits a code point) for triples.
        """
        import numpy as np
        from scipy import sparse

        n = len(folded)
        rows, cols = self._word_columns(flat, lengths)
        word = self._weights(*self._counted(rows, cols, len(self.word_vocab)), self.word_idf, n, 0)
        r, c = self._char_columns([_WHITE_SPACES.sub(" ", f) for f in folded])
        char = self._weights(*self._counted(r, c, len(self.char_vocab)), self.char_idf, n, len(self.word_vocab))
        r, c, v = (np.concatenate([word[k], char[k]]) for k in range(3))
        x = sparse.csr_matrix((v, (r, c)), shape=(n, len(self.word_vocab) + len(self.char_vocab)))
        logits = np.asarray(x @ self._coef_matrix()) + np.frombuffer(self.intercept, dtype=np.float64)
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        return logits

    def _word_columns(self, flat: list[str], lengths: list[int]):
        """(message, column) of every word n-gram of a batch that is in the vocabulary.

        With the (1, 2) range and ``min_df`` (no ``max_features``) a bigram is in
        the vocabulary only if both its words are, since neither can occur in
        fewer documents than the pair. So each token is looked up once, as a
        unigram, and a bigram becomes the integer ``col(a) · width + col(b)``,
        looked up over the whole batch with ``searchsorted``. Any other range,
        or a token holding a space (its joined bigram would be ambiguous), takes
        the general path: every n-gram string looked up one by one.
        """
        import numpy as np

        n = len(lengths)
        table = self._bigram_table() if self.word_range == (1, 2) and " " not in "".join(flat) else None
        if table is None:
            flat_cols: list[int] = []
            counts = []
            pos = 0
            for k in lengths:
                grams = word_ngrams(flat[pos:pos + k], *self.word_range)
                pos += k
                flat_cols.extend(map(self.word_vocab.get, grams, repeat(-1)))   # -1: not in the vocabulary
                counts.append(len(grams))
            cols = np.array(flat_cols, dtype=np.int64)
            rows = np.repeat(np.arange(n, dtype=np.int64), counts)
            keep = cols >= 0
            return rows[keep], cols[keep]
        keys, table_cols, width = table
        cols = np.array(list(map(self.word_vocab.get, flat, repeat(-1))), dtype=np.int64)   # -1: not in it
        owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
        keep = cols >= 0
        rows_out, cols_out = [owner[keep]], [cols[keep]]
        if len(cols) > 1 and len(keys):
            a, b = cols[:-1], cols[1:]
            pair = (owner[:-1] == owner[1:]) & (a >= 0) & (b >= 0)
            wanted, rows = a[pair] * width + b[pair], owner[:-1][pair]
            if n < 1 << _ROW_BITS and width < 1 << 21:
                # sorted (with each message's number in the low bits), the keys are found in one sweep
                packed = np.sort((wanted << _ROW_BITS) | rows)
                wanted, rows = packed >> _ROW_BITS, packed & ((1 << _ROW_BITS) - 1)
            at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            hit = keys[at] == wanted
            rows_out.append(rows[hit])
            cols_out.append(table_cols[at[hit]])
        return np.concatenate(rows_out), np.concatenate(cols_out)

    def _bigram_table(self):
        """Sorted ``col(a) · width + col(b)`` keys of the vocabulary's bigrams, their columns, ``width``;
        None when some entry is not a plain pair of vocabulary words (then the general path is exact)."""
        import numpy as np

        cached = self.__dict__.get("_bigrams")
        if cached is None:
            width = len(self.word_vocab)
            keys, cols, ok = [], [], True
            for w, j in self.word_vocab.items():
                if " " not in w:
                    continue
                parts = w.split(" ")
                ca = self.word_vocab.get(parts[0]) if len(parts) == 2 else None
                cb = self.word_vocab.get(parts[1]) if len(parts) == 2 else None
                if ca is None or cb is None or not parts[0] or not parts[1]:
                    ok = False
                    break
                keys.append(ca * width + cb)
                cols.append(j)
            if ok:
                k = np.array(keys, dtype=np.int64)
                order = np.argsort(k, kind="stable")
                cached = (k[order], np.array(cols, dtype=np.int64)[order], width)
            else:
                cached = False
            self._bigrams = cached
        return cached or None

    @staticmethod
    def _counted(rows, cols, width: int):
        """Distinct (message, column) pairs and how often each occurs."""
        import numpy as np

        keys, counts = np.unique(rows * width + cols, return_counts=True)
        r, c = np.divmod(keys, width)
        return r, c, counts.astype(np.float64)

    @staticmethod
    def _weights(rows, cols, counts, idf: array, n: int, offset: int):
        """Sublinear tf × idf, l2-normalised per message: (rows, columns + offset, values)."""
        import numpy as np

        vals = (1.0 + np.log(counts)) * np.frombuffer(idf, dtype=np.float64)[cols]
        norms = np.sqrt(np.bincount(rows, weights=vals * vals, minlength=n))
        vals /= norms[rows]
        return rows, cols + offset, vals

    def _char_columns(self, texts: list[str]):
        """(message, column) of every character n-gram of ``texts`` that is in the vocabulary."""
        import numpy as np

        lengths = [len(t) for t in texts]
        codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        lo, hi = self.char_range
        rows, cols = [], []
        for k in range(lo, hi + 1):
            m = len(codes) - k + 1
            if m <= 0:
                continue
            if k == 1:      # one code point: a direct lookup table
                lut = self._unigram_lut()
                c = lut[np.minimum(codes, len(lut) - 1).astype(np.int64)]
                hit = c >= 0
                r, c = owner[hit], c[hit]
            elif k == 2:    # a pair: both code points' places among the pairs' characters, then a square table
                index, square, width = self._pair_table()
                at = index[np.minimum(codes, len(index) - 1).astype(np.int64)]
                a, b = at[:m], at[1:]
                ok = (a >= 0) & (b >= 0) & (owner[:m] == owner[1:])
                c = square[a[ok] * width + b[ok]]
                hit = c >= 0
                r, c = owner[:m][ok][hit], c[hit].astype(np.int64)
            elif k > 3:     # 63 bits hold three code points; longer n-grams are looked up one by one
                r, c = self._char_columns_slow(texts, k)
            else:
                keys = codes[:m].copy()
                for j in range(1, k):
                    keys = (keys << np.uint64(21)) | codes[j:j + m]
                same = owner[:m] == owner[k - 1:k - 1 + m]     # n-grams inside one message only
                keys, r = keys[same], owner[:m][same]
                table, table_cols = self._char_table(k)
                if not len(table):
                    continue
                at = np.minimum(np.searchsorted(table, keys), len(table) - 1)
                hit = table[at] == keys
                r, c = r[hit], table_cols[at[hit]]
            rows.append(r)
            cols.append(c)
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(rows), np.concatenate(cols)

    def _char_columns_slow(self, texts: list[str], k: int):
        import numpy as np

        rows, cols = [], []
        for i, t in enumerate(texts):
            for j in map(self.char_vocab.get, _slices(k).findall(t)):
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)

    def _unigram_lut(self):
        """Column of every code point up to the largest in the vocabulary (-1: not in it; last slot -1)."""
        import numpy as np

        lut = self.__dict__.get("_lut")
        if lut is None:
            singles = [(ord(w), j) for w, j in self.char_vocab.items() if len(w) == 1]
            lut = np.full(max((c for c, _ in singles), default=0) + 2, -1, dtype=np.int64)
            for c, j in singles:
                lut[c] = j
            self._lut = lut
        return lut

    def _pair_table(self):
        """Two-character n-grams as a dense table: (code point → its place among the characters of the
        vocabulary's pairs, or -1; a ``width × width`` table of columns, -1 where no pair; ``width``).
        About 1,600 characters: a few megabytes, shared by forked workers, looked up in one step."""
        import numpy as np

        cached = self.__dict__.get("_pairs")
        if cached is None:
            pairs = [(w, j) for w, j in self.char_vocab.items() if len(w) == 2]
            chars = sorted({ch for w, _ in pairs for ch in w})
            index = np.full(max(map(ord, chars), default=0) + 2, -1, dtype=np.int64)   # last slot: -1
            for place, ch in enumerate(chars):
                index[ord(ch)] = place
            width = len(chars)
            dtype = np.int16 if len(self.char_vocab) < 2 ** 15 else np.int32
            square = np.full(width * width, -1, dtype=dtype)
            for w, j in pairs:
                square[index[ord(w[0])] * width + index[ord(w[1])]] = j
            cached = self._pairs = (index, square, width)
        return cached

    def _char_table(self, k: int):
        """Sorted integer keys of the vocabulary's ``k``-character n-grams, and their columns."""
        import numpy as np

        tables = self.__dict__.setdefault("_char_tables", {})
        if k not in tables:
            items = [(w, j) for w, j in self.char_vocab.items() if len(w) == k]
            keys = np.array([_gram_key(w) for w, _ in items], dtype=np.uint64)
            order = np.argsort(keys, kind="stable")
            tables[k] = (keys[order], np.array([j for _, j in items], dtype=np.int64)[order])
        return tables[k]

    def _coef_matrix(self):
        cached = getattr(self, "_coef_t", None)
        if cached is None:
            import numpy as np

            cached = np.stack([np.frombuffer(row, dtype=np.float64) for row in self.coef], axis=1).copy()
            self._coef_t = cached
        return cached

    # ------------------------------------------------------------- storage
    def to_bytes(self) -> bytes:
        header = {
            "labels": list(self.labels), "word_range": list(self.word_range), "char_range": list(self.char_range),
            "word_vocab": sorted(self.word_vocab, key=self.word_vocab.__getitem__),
            "char_vocab": sorted(self.char_vocab, key=self.char_vocab.__getitem__),
        }
        head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        body = array("d")
        body.extend(self.word_idf)
        body.extend(self.char_idf)
        for row in self.coef:
            body.extend(row)
        body.extend(self.intercept)
        if sys.byteorder != "little":   # pragma: no cover - the file is little-endian
            body.byteswap()
        return MAGIC + struct.pack("<Q", len(head)) + head + body.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "RuntimeModel":
        if data[:4] != MAGIC:
            raise ValueError("not a verifier runtime model")
        (n,) = struct.unpack("<Q", data[4:12])
        header = json.loads(data[12:12 + n].decode("utf-8"))
        body = array("d")
        body.frombytes(data[12 + n:])
        if sys.byteorder != "little":   # pragma: no cover
            body.byteswap()
        nw, nc, nl = len(header["word_vocab"]), len(header["char_vocab"]), len(header["labels"])
        if len(body) != nw + nc + nl * (nw + nc) + nl:
            raise ValueError("runtime model is truncated")
        pos = nw + nc
        coef = [body[pos + k * (nw + nc): pos + (k + 1) * (nw + nc)] for k in range(nl)]
        return cls(
            labels=tuple(header["labels"]), word_range=tuple(header["word_range"]),
            char_range=tuple(header["char_range"]),
            word_vocab=dict(zip(header["word_vocab"], range(nw))),
            char_vocab=dict(zip(header["char_vocab"], range(nc))),
            word_idf=body[:nw], char_idf=body[nw:nw + nc], coef=coef, intercept=body[-nl:],
        )

    @classmethod
    def from_pipeline(cls, pipeline) -> "RuntimeModel":
        """Export a fitted Pipeline built by :func:`verifier.model.build_pipeline`."""
        union = pipeline.named_steps["features"]
        words = dict(union.transformer_list)["words"]
        chars = dict(union.transformer_list)["chars"]
        clf = pipeline.named_steps["clf"]
        coef = [array("d", map(float, row)) for row in clf.coef_]
        if len(coef) != len(clf.classes_):   # pragma: no cover - binary problems are not ours
            raise ValueError("expected a multinomial model with one coefficient row per label")
        return cls(
            labels=tuple(str(c) for c in clf.classes_), word_range=tuple(words.ngram_range),
            char_range=tuple(chars.ngram_range),
            word_vocab={w: int(i) for w, i in words.vocabulary_.items()},
            char_vocab={w: int(i) for w, i in chars.vocabulary_.items()},
            word_idf=array("d", map(float, words.idf_)), char_idf=array("d", map(float, chars.idf_)),
            coef=coef, intercept=array("d", map(float, clf.intercept_)),
        )
