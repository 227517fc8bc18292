"""A small tokenizer for a JavaScript array of object literals (never ``eval``).

It reads the array that follows ``NAME = [`` in a stream of lines and yields each
element that is an object literal as ``(line, dict)``, or ``(line, reason)`` for one it
cannot parse, then resumes at the next ``{ key:`` so the elements after a broken one are
kept. Keys are bare identifiers or quoted; values are strings ('…', "…", `…`, with the
JavaScript escapes ``\\n \\t \\' \\" \\\\ \\uXXXX \\u{…} \\xXX`` and line continuations;
raw newlines inside a string are kept), numbers and words (true/false/null, kept as
Python values or text), and nested arrays and objects. Stray ``\\n`` escapes between
elements (WeChatMsg writes some) and ``//``/``/* */`` comments are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_ELEMENT = 4 * 1024 * 1024   # characters: a runaway string stops being one here
_SPACE = re.compile(r"(?:\s+|\\[nrt]|//[^\n]*|/\*.*?\*/)*", re.S)
_WORD = re.compile(r"[A-Za-z0-9_$.+\-]+")
_STRINGS = {q: re.compile(rf"(?:[^{q}\\]|\\.)*{q}", re.S) for q in ("'", '"', "`")}
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)", re.S)
_PAIR = re.compile("([\ud800-\udbff])([\udc00-\udfff])")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0", "\n": "", "\r": "",
           "\r\n": "", "\u2028": "", "\u2029": ""}
_ARRAY_END = re.compile(r"\]\s*(?:;|</script>)")
_OBJECT_START = re.compile(r"\{\s*(?:[A-Za-z_$][\w$]*|'[^'\n]*'|\"[^\"\n]*\")\s*:")


class Syntax(Exception):
    pass


def unescape(body: str) -> str:
    def one(m: re.Match) -> str:
        e = m.group(1)
        if e in _SIMPLE:
            return _SIMPLE[e]
        if e[0] == "u" and len(e) > 1:
            return chr(int(e[2:-1] if e[1] == "{" else e[1:], 16))
        if e[0] == "x" and len(e) == 3:
            return chr(int(e[1:], 16))
        return e
    text = _ESCAPE.sub(one, body) if "\\" in body else body
    return _PAIR.sub(lambda m: chr(0x10000 + ((ord(m[1]) - 0xD800) << 10) + ord(m[2]) - 0xDC00), text)


class Lexer:
    def __init__(self, lines: Iterator[str], buf: str, line: int) -> None:
        self.lines, self.buf, self.pos, self.line, self.eof = lines, buf, 0, line, False

    def _more(self, at_least: int = 1) -> bool:
        """Append lines, ``at_least`` characters of them (False at the end of the stream)."""
        if self.eof:
            return False
        added = []
        size = 0
        for chunk in self.lines:
            added.append(chunk)
            size += len(chunk)
            if size >= at_least:
                break
        else:
            self.eof = True
        self.buf += "".join(added)
        return size > 0

    def _to(self, pos: int) -> None:
        self.line += self.buf.count("\n", self.pos, pos)
        self.pos = pos

    def compact(self) -> None:
        if self.pos > 65536:
            self.buf, self.pos = self.buf[self.pos:], 0

    def peek(self) -> str:
        """The next significant character ("" at the end), after spaces and comments."""
        while True:
            self._to(_SPACE.match(self.buf, self.pos).end())
            if self.pos < len(self.buf) and self.buf[self.pos] not in "/\\":
                return self.buf[self.pos]
            if self.pos >= len(self.buf) - 1 and self._more():
                continue
            return self.buf[self.pos] if self.pos < len(self.buf) else ""

    def take(self) -> str:
        c = self.peek()
        self._to(self.pos + 1)
        return c

    def string(self, quote: str) -> str:
        start = self.pos + 1
        while True:
            m = _STRINGS[quote].match(self.buf, start)
            if m:
                self._to(m.end())
                return unescape(m.group()[:-1])
            if len(self.buf) - start > MAX_ELEMENT or not self._more(max(4096, len(self.buf) - start)):
                raise Syntax("unclosed string")

    def word(self) -> object:
        while True:
            m = _WORD.match(self.buf, self.pos)
            if m and (m.end() < len(self.buf) or not self._more()):
                break
            if not m:
                raise Syntax(f"unexpected {self.buf[self.pos:self.pos + 1]!r}")
        self._to(m.end())
        w = m.group()
        if w in ("true", "false"):
            return w == "true"
        if w in ("null", "undefined"):
            return None
        try:
            return int(w)
        except ValueError:
            try:
                return float(w)
            except ValueError:
                return w

    def value(self, depth: int = 0) -> object:
        c = self.peek()
        if depth > 20:
            raise Syntax("nested too deeply")
        if c in _STRINGS:
            return self.string(c)
        if c == "{":
            return self.obj(depth + 1)
        if c == "[":
            self.take()
            items = []
            while self.peek() != "]":
                if self.peek() == "":
                    raise Syntax("unclosed array")
                items.append(self.value(depth + 1))
                if self.peek() == ",":
                    self.take()
            self.take()
            return items
        if c == "":
            raise Syntax("unexpected end of file")
        return self.word()

    def obj(self, depth: int = 0) -> dict:
        if self.take() != "{":
            raise Syntax("expected '{'")
        out: dict = {}
        while True:
            c = self.peek()
            if c == "}":
                self.take()
                return out
            if c == ",":
                self.take()
                continue
            key = self.string(c) if c in _STRINGS else self.word()
            if self.take() != ":":
                raise Syntax(f"expected ':' after {str(key)[:20]!r}")
            out[str(key)] = self.value(depth)

    def resync(self, start: int, line: int) -> bool:
        """Back to just after ``start``, then on to the next object literal; False at the end."""
        self.pos, self.line = start, line
        self._to(start + 1)
        while True:
            m = _OBJECT_START.search(self.buf, self.pos)
            end = _ARRAY_END.search(self.buf, self.pos)
            if m and (end is None or m.start() < end.start()):
                self._to(m.start())
                return True
            if end is not None:
                self._to(end.start())
                return True
            if not self._more(max(4096, len(self.buf) - self.pos)):
                return False


def elements(lines: Iterator[str], rest: str, line: int) -> Iterator[tuple[int, dict | str]]:
    """The array's object elements; ``rest`` is the text after ``[`` on line ``line``."""
    lex = Lexer(lines, rest, line)
    while True:
        lex.compact()
        c = lex.peek()
        if c in ("]", ""):
            return
        if c == ",":
            lex.take()
            continue
        start, start_line = lex.pos, lex.line
        try:
            yield start_line, lex.value() if c == "{" else _not_object(lex)
        except Syntax as exc:
            yield start_line, str(exc)
            if not lex.resync(start, start_line):
                return


def _not_object(lex: Lexer) -> str:
    lex.value()
    return "not an object literal"
