"""One reader per export format; each is ``read(path, name, text_col) -> Iterator[Row | RowError]``.

``name`` is what goes into ``Row.file``. The registry (format → reader) is
:data:`verifier.scan.formats.READERS`; :func:`verifier.scan.formats.read` picks one.
"""
