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

from . import batchtext

MAGIC = b"VRT1"
_CODE_SEP = 0x110000   # past the last code point: between two texts' code points, in no n-gram
_EMPTY = 2 ** 64 - 1   # an empty slot of an _IntTable
_WHITE_SPACES = re.compile(r"\s\s+")   # scikit-learn's _VectorizerMixin._white_spaces


class _IntTable:
    """A hash table from distinct unsigned 64-bit keys to columns, looked up for a whole array of keys
    at once with numpy (open addressing, linear probing, at most a quarter full): a handful of vectorised
    steps where ``searchsorted`` takes a binary search per key and a dict a Python call per key."""

    __slots__ = ("shift", "mask", "keys", "cols")
    _MULTIPLIER = 0x9E3779B97F4A7C15   # Fibonacci hashing: the top bits of key × 2**64/φ

    def __init__(self, keys, cols):
        import numpy as np

        bits = max(4, (4 * len(keys)).bit_length())
        self.shift, self.mask = np.uint64(64 - bits), (1 << bits) - 1
        self.keys = np.full(1 << bits, _EMPTY, dtype=np.uint64)
        self.cols = np.full(1 << bits, -1, dtype=np.int64)
        slot = self._slot(keys)
        todo = np.arange(len(keys))
        while len(todo):    # each round, the first key wanting each free slot takes it; the others move on
            s = slot[todo]
            free = self.keys[s] == _EMPTY
            wanting, at = todo[free], s[free]
            _, first = np.unique(at, return_index=True)
            self.keys[at[first]], self.cols[at[first]] = keys[wanting[first]], cols[wanting[first]]
            placed = np.zeros(len(keys), dtype=bool)
            placed[wanting[first]] = True
            todo = todo[~placed[todo]]
            slot[todo] = (slot[todo] + 1) & self.mask

    def _slot(self, keys):
        import numpy as np

        return ((keys * np.uint64(self._MULTIPLIER)) >> self.shift).astype(np.int64)

    def find(self, wanted):
        """The column of each key (-1: absent)."""
        import numpy as np

        slot = self._slot(wanted)
        found = self.keys[slot]
        out = np.where(found == wanted, self.cols[slot], -1)
        todo = np.flatnonzero((found != wanted) & (found != _EMPTY))
        slot = slot[todo]
        while len(todo):    # collisions: the next slot, until the key or an empty slot
            slot = (slot + 1) & self.mask
            found = self.keys[slot]
            hit = found == wanted[todo]
            out[todo[hit]] = self.cols[slot[hit]]
            more = ~hit & (found != _EMPTY)
            todo, slot = todo[more], slot[more]
        return out


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

        Every n-gram of the batch that is in a vocabulary becomes one integer,
        ``message · span + column`` (word columns first, then character
        columns, as in the Pipeline's ``FeatureUnion``); see :meth:`_word_keys`
        and :meth:`_char_keys`. One sort of all of them (instead of an
        ``np.unique`` per block, and scipy summing duplicates) gives each
        message's distinct columns in order and their counts, from which
        :meth:`_logits` builds the CSR matrix directly. The product adds the
        same values in the same order as before: the same bits.
        """
        import numpy as np

        n = len(folded)
        nw = len(self.word_vocab)
        span = nw + len(self.char_vocab)
        keys = np.concatenate(self._word_keys(flat, lengths, span) + self._char_keys(folded, span, nw))
        if n * span < 2 ** 31:      # the usual case: 32-bit keys sort twice as fast
            keys = keys.astype(np.int32)
        keys.sort()
        logits = self._logits(keys, n, span, nw)
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        return logits

    def _logits(self, keys, n: int, span: int, nw: int):
        """``x · coefᵀ + intercept`` from the sorted keys (``message · span + column``, repeated once per
        occurrence): the distinct columns and their counts, the Pipeline's weighting (sublinear tf ×
        idf, l2 per block and message), then the sparse product. The matrix is built from its CSR
        arrays, which the sort has already laid out (scipy's (row, column) constructor costs more than
        all the rest)."""
        import numpy as np
        from scipy import sparse

        first = np.ones(len(keys), dtype=bool)
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        distinct = keys[starts].astype(np.int64)
        rows = distinct // span
        cols = distinct - rows * span
        idf, coef = self._dense()
        counts = np.diff(starts, append=len(keys))
        tf = 1.0 + np.log(np.arange(1, counts.max(initial=1) + 1))     # the few distinct counts, once each
        vals = tf[counts - 1] * idf[cols]
        block = rows * 2 + (cols >= nw)     # each message's word block, then its character block
        vals /= np.sqrt(np.bincount(block, weights=vals * vals, minlength=2 * n))[block]
        x = sparse.csr_matrix((vals, cols, np.searchsorted(rows, np.arange(n + 1))), shape=(n, span))
        return np.asarray(x @ coef) + np.frombuffer(self.intercept, dtype=np.float64)

    def _dense(self):
        """The idf of every column (words, then characters) and the coefficients (columns × labels), as
        numpy arrays."""
        cached = self.__dict__.get("_dense_arrays")
        if cached is None:
            import numpy as np

            idf = np.concatenate([np.frombuffer(self.word_idf, dtype=np.float64),
                                  np.frombuffer(self.char_idf, dtype=np.float64)])
            coef = np.stack([np.frombuffer(row, dtype=np.float64) for row in self.coef], axis=1).copy()
            cached = self._dense_arrays = (idf, coef)
        return cached

    def _word_keys(self, flat: list[str], lengths: list[int], span: int):
        """``message · span + column`` of every word n-gram of a batch that is in the vocabulary (a list
        of arrays).

        With the (1, 2) range and ``min_df`` (no ``max_features``) a bigram is in
        the vocabulary only if both its words are, since neither can occur in
        fewer documents than the pair. So each token is looked up once, as a
        unigram (:meth:`_token_columns`), and a bigram becomes the integer
        ``col(a) · (width + 1) + col(b)`` — never a pair's key when either is
        missing (-1) — looked up in a hash table. Any other range, or a token
        holding a space (its joined bigram would be ambiguous), takes the
        general path: every n-gram string looked up one by one.
        """
        import numpy as np

        n = len(lengths)
        joined = batchtext.joined(flat)
        spaced = " " in (joined if joined is not None else "".join(flat))
        table = self._bigram_table() if self.word_range == (1, 2) and not spaced else None
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
            return [rows[keep] * span + cols[keep]]
        cols = self._token_columns(flat, joined)
        owner = np.repeat(np.arange(n, dtype=np.int64), lengths) * span
        out = [(owner + cols)[cols >= 0]]
        if len(cols) > 1:
            pairs = cols[:-1] * (len(self.word_vocab) + 1) + cols[1:]
            last = np.cumsum(lengths)[:-1] - 1      # a message's last word and the next message's first
            pairs[last[(last >= 0) & (last < len(pairs))]] = -1
            found = table.find(pairs.view(np.uint64))
            hit = found >= 0
            out.append((owner[:-1] + found)[hit])
        return out

    def _token_columns(self, flat: list[str], joined: str):
        """The vocabulary column of every token (-1: not in it); ``joined`` is :func:`.batchtext.joined` of them.

        A dict lookup per token costs more than anything else in a batch (each
        fresh string is hashed), so tokens of one to three code points — nearly
        all of them — are packed into integers straight from the joined text's
        code points and found in a hash table (:meth:`_short_word_table`);
        only longer ones go to the dict. If a token holds the separator, every
        token goes to the dict.
        """
        import numpy as np

        get = self.word_vocab.get
        if joined is None:     # a token holds the separator (or there is none)
            return np.array(list(map(get, flat, repeat(-1))), dtype=np.int64)
        codes = np.frombuffer((joined + batchtext.SEP * 2).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ends = np.flatnonzero(codes == 0)[:len(flat)]   # after each token, a separator (two more: padding)
        starts = np.empty_like(ends)
        starts[0] = 0
        starts[1:] = ends[:-1] + 1
        size = ends - starts
        key = codes[starts].astype(np.uint64)
        key = np.where(size >= 2, (key << 21) | codes[starts + 1], key)
        key = np.where(size >= 3, (key << 21) | codes[starts + 2], key)
        key |= np.uint64(1) << (21 * np.minimum(size, 3)).astype(np.uint64)
        cols = self._short_word_table().find(key)
        other = np.flatnonzero((size > 3) | (size == 0)).tolist()
        if other:
            cols[other] = [get(flat[i], -1) for i in other]
        return cols

    def _short_word_table(self) -> "_IntTable":
        """The vocabulary's words of one to three code points as integers: a leading 1 bit, then 21 bits
        a code point (so words of different lengths never share a key)."""
        cached = self.__dict__.get("_short_words")
        if cached is None:
            import numpy as np

            items = [(w, j) for w, j in self.word_vocab.items() if 1 <= len(w) <= 3 and " " not in w]
            keys = np.array([(1 << 21 * len(w)) | _gram_key(w) for w, _ in items], dtype=np.uint64)
            cached = self._short_words = _IntTable(keys, np.array([j for _, j in items], dtype=np.int64))
        return cached

    def _bigram_table(self) -> "_IntTable | None":
        """The vocabulary's bigrams as ``col(a) · (width + 1) + col(b)`` → column; None when some entry is
        not a plain pair of vocabulary words (then the general path is exact)."""
        import numpy as np

        cached = self.__dict__.get("_bigrams")
        if cached is None:
            width = len(self.word_vocab) + 1
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
            cached = _IntTable(np.array(keys, dtype=np.uint64), np.array(cols, dtype=np.int64)) if ok else False
            self._bigrams = cached
        return cached or None

    def _char_keys(self, folded: list[str], span: int, offset: int):
        """``message · span + offset + column`` of every character n-gram of the batch that is in the
        vocabulary (a list of arrays).

        The texts' code points are laid end to end with ``_CODE_SEP`` (not a
        code point, so in no n-gram of the vocabulary) between two texts: an
        n-gram across two texts is never found, and no mask is needed. The
        whitespace runs are collapsed in one call over the texts joined by
        the separator (:mod:`.batchtext`), unless a text holds it.
        """
        import numpy as np

        joined = batchtext.joined(folded)
        if joined is not None:
            joined = _WHITE_SPACES.sub(" ", joined)
            codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            codes = np.where(codes == 0, np.uint32(_CODE_SEP), codes)
            texts = None
        else:
            texts = [_WHITE_SPACES.sub(" ", f) for f in folded]
            codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            codes = np.insert(codes, np.cumsum([len(t) for t in texts[:-1]], dtype=np.int64), _CODE_SEP)
        owner = np.cumsum(codes == _CODE_SEP) * span + offset
        lo, hi = self.char_range
        out = []
        for k in range(lo, hi + 1):
            m = len(codes) - k + 1
            if m <= 0:
                continue
            if k == 1:      # one code point: a direct lookup table
                lut = self._unigram_lut()
                c = lut[np.minimum(codes, len(lut) - 1)]
                out.append((owner + c)[c >= 0])
            elif k == 2:    # a pair: both code points' places among the pairs' characters, then a square table
                index, square, width = self._pair_table()
                at = index[np.minimum(codes, len(index) - 1)]
                c = square[at[:-1] * width + at[1:]]
                out.append((owner[:-1] + c)[c >= 0])
            elif k > 3:     # 63 bits hold three code points; longer n-grams are looked up one by one
                if texts is None:
                    texts = joined.split(batchtext.SEP)
                r, c = self._char_columns_slow(texts, k)
                out.append(r * span + offset + c)
            else:
                table, table_cols = self._char_table(k)
                if not len(table):
                    continue
                keys = codes[:m].astype(np.uint64)
                for j in range(1, k):
                    keys = (keys << np.uint64(21)) | codes[j:j + m]
                at = np.minimum(np.searchsorted(table, keys), len(table) - 1)
                hit = table[at] == keys
                out.append(owner[:m][hit] + table_cols[at[hit]])
        return out

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
        vocabulary's pairs, ``width - 1`` for any other; a ``width × width`` table of columns, -1 where no
        pair, so in all the last row and column; ``width``). About 1,600 characters: a few megabytes,
        shared by forked workers, looked up in one step with no mask."""
        import numpy as np

        cached = self.__dict__.get("_pairs")
        if cached is None:
            pairs = [(w, j) for w, j in self.char_vocab.items() if len(w) == 2]
            chars = sorted({ch for w, _ in pairs for ch in w})
            width = len(chars) + 1
            index = np.full(max(map(ord, chars), default=0) + 2, width - 1, dtype=np.int64)   # last slot: none
            for place, ch in enumerate(chars):
                index[ord(ch)] = place
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
