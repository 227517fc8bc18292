"""The ``verifier`` command: a thin typer app over the library.

Errors become one line on stderr and a SPEC exit code (2 for bad usage or
unreadable input, 1 when processing failed); ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager

import typer

from .contract import EXIT_FAILED, EXIT_USAGE
from .errors import InputError, VerifierError

app = typer.Typer(
    name="verifier",
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="离线核查催收消息、还款协议和聊天记录。Offline checks for debt-collection messages, agreements and chat exports.",
)

JSON_HELP = "输出SPEC规定的JSON / print the SPEC JSON"
LANG_HELP = "说明语言 zh 或 en / language of explanations: zh or en"
DEBUG_HELP = "出错时显示完整回溯 / show tracebacks"


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


@contextmanager
def handled(debug: bool):
    """Turn every failure into one line and an exit code (unless --debug)."""
    try:
        yield
    except VerifierError as exc:
        if debug:
            raise
        _err(exc.one_line())
        raise typer.Exit(exc.exit_code) from None
    except (typer.Exit, typer.Abort):
        raise
    except KeyboardInterrupt:
        _err("error[E301]: interrupted")
        raise typer.Exit(130) from None
    except BrokenPipeError:
        raise typer.Exit(0) from None
    except Exception as exc:   # a bug: still one line, never a traceback
        if debug:
            raise
        _err(f"error[E999]: internal error: {type(exc).__name__}: {exc} (run again with --debug for details)")
        raise typer.Exit(EXIT_FAILED) from None


def emit_json(obj) -> None:
    data = json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.buffer.write(data.encode("utf-8"))
    sys.stdout.flush()


def _stdin_bytes(limit: int, why: str) -> bytes:
    """Standard input, at most ``limit`` bytes (E203 past that, with ``why`` it cannot be longer)."""
    if sys.stdin is None:
        raise InputError("no standard input to read", code="E201")
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"standard input is larger than {limit // 1024 // 1024} MiB; {why}", code="E203")
    return data


def read_message(text: str) -> str:
    """The TEXT argument, or standard input when it is ``-``."""
    from .textio import MAX_STDIN_BYTES, check_text, decode_bytes

    if text == "-":
        data = _stdin_bytes(MAX_STDIN_BYTES, "one message cannot be that long (use `verifier scan` for whole "
                                             "chat exports)")
        message = decode_bytes(data, "standard input")
    else:
        message = check_text(text, "the TEXT argument")
    if not message.strip():
        raise InputError("no text to score: the message is empty", code="E201")
    return message


@app.callback()
def _root() -> None:
    """离线核查催收消息、还款协议和聊天记录，不上传任何内容。"""


@app.command("score")
def score_cmd(
    text: str = typer.Argument(..., help="消息文本，或 - 从标准输入读取 / the message, or - for standard input"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    lang: str = typer.Option("zh", "--lang", help=LANG_HELP),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """给一条消息打分：标签、风险、危险词句和建议。Score one message."""
    with handled(debug):
        from .api import score

        message = read_message(text)
        result = score(message, lang=lang)
        if as_json:
            emit_json(result.to_dict())
        else:
            from .render import print_score

            print_score(message, result, lang)


@app.command("agreement")
def agreement_cmd(
    file: str = typer.Argument(..., help="协议文本文件，或 - 从标准输入读取 / a text file, or - for standard input"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    lang: str = typer.Option("zh", "--lang", help=LANG_HELP),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """核查一份还款协议、App确认页或催收方案。Check a proposed or signed repayment agreement."""
    with handled(debug):
        from .agreement import check_agreement

        text = read_document(file)
        result = check_agreement(text, lang=lang)
        if as_json:
            emit_json(result.to_dict())
        else:
            from .render import print_agreement

            print_agreement(text, result, lang)


MAX_DOCUMENT_BYTES = 8 * 1024 * 1024


def read_document(path: str) -> str:
    """A text file (UTF-8, UTF-16 with BOM, GBK/GB18030), or standard input when ``path`` is ``-``."""
    from pathlib import Path

    from .textio import decode_bytes

    too_big = f"an agreement is a few pages of text, not {MAX_DOCUMENT_BYTES // 1024 // 1024} MiB"
    if path == "-":
        data, source = _stdin_bytes(MAX_DOCUMENT_BYTES, too_big), "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file", code="E205")
        if p.is_dir():
            raise InputError(f"{path} is a directory, not a text file", code="E205")
        if p.stat().st_size > MAX_DOCUMENT_BYTES:
            raise InputError(f"{path} is larger than {MAX_DOCUMENT_BYTES // 1024 // 1024} MiB; {too_big}",
                             code="E203")
        data, source = p.read_bytes(), path
    text = decode_bytes(data, source)
    if not text.strip():
        raise InputError(f"{source} is empty: there is no text to check", code="E201")
    return text


@app.command("scan")
def scan_cmd(
    inputs: list[str] = typer.Argument(..., help="导出的聊天记录文件或文件夹 / export files or folders"),
    fmt: str = typer.Option("auto", "--format", help="格式 / format: auto, csv, jsonl, txt, xlsx, sms-xml, "
                            "wechat-csv, qq-txt, wechat-txt, wechat-html, pywxdump-csv, imazing-csv"),
    text_col: str = typer.Option(None, "--text-col", help="表格中消息文本所在的列 / the text column (csv, xlsx, jsonl)"),
    out: str = typer.Option(None, "--out", help="报告文件 .csv/.jsonl/.html（默认CSV输出到标准输出）/ "
                            "report file (default: CSV on standard output)"),
    jobs: int = typer.Option(0, "--jobs", help="并行进程数，0 为自动（大文件用全部核心）/ parallel worker "
                             "processes; 0: automatic (every core for inputs over 2 MB)"),
    no_redact: bool = typer.Option(False, "--no-redact", help="不遮盖手机号、身份证号、银行卡号等 / keep "
                                   "phone, ID and card numbers unmasked"),
    min_level: str = typer.Option("low", "--min-level", help="只输出该风险等级及以上的消息 / only write "
                                  "messages at this level or above: low, medium, high"),
    lang: str = typer.Option("zh", "--lang", help=LANG_HELP),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """批量扫描导出的聊天记录和短信备份，生成报告。Scan chat exports and SMS backups into a report."""
    with handled(debug):
        from .errors import UsageError
        from .messages import check_lang
        from .scan.formats import Format
        from .scan.report import out_kind, run_scan
        from .scan.runner import ScanOptions, Scanner
        from .scan.summary import format_summary

        check_lang(lang)
        if fmt not in {f.value for f in Format}:
            raise UsageError(f"unknown --format {fmt!r}: use one of {', '.join(f.value for f in Format)}",
                             code="E102")
        if min_level not in ("low", "medium", "high"):
            raise UsageError(f"unknown --min-level {min_level!r}: use low, medium or high", code="E102")
        if jobs < 0:
            raise UsageError(f"--jobs must be 0 (automatic) or more, not {jobs}", code="E102")
        if jobs == 0:
            from .scan.runner import auto_jobs

            jobs = auto_jobs(inputs)
        out_kind(out)
        _not_an_input(out, inputs)
        options = ScanOptions(fmt=fmt, text_col=text_col, jobs=jobs, redact=not no_redact)
        with _progress() as advance:
            scanner = Scanner(inputs, options, progress=advance)
            report = run_scan(scanner, out, min_level, lang, inputs)
        summary = format_summary(report, scanner.tally.distinct_scored, out, lang)
        if out in (None, "-"):
            _err(summary)
        else:
            typer.echo(summary)
        if scanner.tally.file_errors:
            raise typer.Exit(EXIT_FAILED)


def _not_an_input(out: str | None, inputs: list[str]) -> None:
    """Refuse ``--out`` naming one of the inputs: the report would replace the export it was made from."""
    from pathlib import Path

    if out in (None, "-"):
        return
    target = Path(out).resolve()
    for given in inputs:
        src = Path(given).resolve()
        if target == src or (src.is_dir() and src in target.parents and target.exists()):
            from .errors import UsageError

            raise UsageError(f"--out {out} is one of the inputs: choose another report name", code="E102")


@contextmanager
def _progress():
    """A progress line on a terminal only (never in pipes, files or CI): yields advance(n_rows)."""
    import os

    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("扫描 scanning"), BarColumn(pulse_style="cyan"),
                  TextColumn("{task.completed:,} 条 rows"), TimeElapsedColumn(),
                  transient=True, console=Console(stderr=True)) as bar:   # never on stdout: the CSV goes there
        task = bar.add_task("scan", total=None)
        yield lambda n: bar.advance(task, n)


@app.command("corpus")
def corpus_cmd(
    check: bool = typer.Option(False, "--check", help="只检查是否最新 / only check that the built files are current"),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """从手写、模板和增强数据重建语料。Rebuild corpora/messages/processed/ from the written sources."""
    with handled(debug):
        from . import corpus

        if check:
            stale = corpus.stale_files()
            if stale:
                _err(f"error[E212]: the built corpus is out of date ({', '.join(stale)}): run `verifier corpus`")
                raise typer.Exit(EXIT_FAILED)
            typer.echo("corpus is up to date")
            return
        manifest = corpus.build()
        typer.echo(f"{manifest['rows']} rows {manifest['by_split']} {manifest['by_source']}; "
                   f"corpus hash {manifest['corpus_hash'][:16]}…")


@app.command("train")
def train_cmd(
    external: str = typer.Option(None, "--external", help="另外评估的真实数据目录 / also evaluate on the CSVs here"),
    no_select: bool = typer.Option(False, "--no-select", help="不做网格搜索 / skip the grid search"),
    out: str = typer.Option(None, "--out", help="模型目录 / model directory (default models/message_clf)"),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """从 corpora/ 重新训练模型。Rebuild models/message_clf/ from corpora/."""
    from pathlib import Path

    with handled(debug):
        from . import train

        ext = _existing_dir(external, "--external") if external else None
        train.run(out_dir=Path(out) if out else None, external=ext, select=not no_select,
                  log=lambda line: typer.echo(line, err=True))


@app.command("evaluate")
def evaluate_cmd(
    external: str = typer.Option(None, "--external", help="评估该目录下的每个CSV / evaluate every CSV here"),
    split: str = typer.Option("test", "--split", help="语料划分 / corpus split: train, dev or test"),
    as_json: bool = typer.Option(False, "--json", help="输出JSON / print JSON"),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """在留出集（和真实数据）上评估。Evaluate on the grouped held-out split (and real data)."""
    with handled(debug):
        from . import corpus, evaluation
        from .errors import UsageError

        if split not in corpus.SPLITS:
            raise UsageError(f"unknown split {split!r}: use one of {', '.join(corpus.SPLITS)}", code="E102")
        rows = corpus.load(splits=(split,))
        report = {"split": split, "corpus": evaluation.corpus_report(rows)}
        if external:
            report["external"] = evaluation.external_report(_existing_dir(external, "--external"))
        if as_json:
            emit_json(report)
            return
        typer.echo(f"{split} split ({len(rows)} messages, whole groups held out)")
        typer.echo(evaluation.format_classification("shipped (rules + model)", report["corpus"]["shipped"]))
        if "model" in report["corpus"]:
            typer.echo(evaluation.format_classification("model alone", report["corpus"]["model"]))
        typer.echo("by source: " + ", ".join(f"{k} {v['macro_f1']:.4f} (n={v['n']})"
                                            for k, v in report["corpus"]["by_source"].items()))
        typer.echo("rule flags against the labelled flags (the model raises none):")
        typer.echo(evaluation.format_flags(report["corpus"]["flags"]))
        if external:
            typer.echo(f"external: {external} (scam vs. not)")
            typer.echo(evaluation.format_external(report["external"]))


def _existing_dir(path: str, option: str):
    from pathlib import Path

    folder = Path(path)
    if not folder.is_dir():
        raise InputError(f"{option} {path}: no such directory", code="E204")
    return folder


def main(argv: list[str] | None = None) -> None:
    """Console entry point: usage errors become one line with exit code 2."""
    try:
        code = app(args=argv, prog_name="verifier", standalone_mode=False)
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.Abort:
        _err("error[E301]: aborted")
        code = EXIT_FAILED
    except Exception as exc:
        # typer's usage errors (click's, or its own vendored copy) carry these two attributes
        if not (hasattr(exc, "format_message") and hasattr(exc, "exit_code")):
            raise
        if type(exc).__name__.startswith("NoArgsIsHelp"):   # bare `verifier`: help was shown
            sys.exit(0)
        _err(f"error[E100]: {' '.join(exc.format_message().split())} (see `verifier --help`)")
        code = exc.exit_code if exc.exit_code else EXIT_USAGE
    sys.exit(code if isinstance(code, int) else 0)
