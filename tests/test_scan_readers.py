"""The export readers of ``verifier scan``: samples against golden rows, sniffing, encodings,
broken rows, ``--text-col``, directories, hostile XML, and streaming with bounded memory.

Golden files: ``tests/data/exports/NAME.expected.jsonl`` holds, for the sample
``examples/exports/NAME`` (a file, or the PyWxDump folder of pages), every Row (all
fields, in order) or RowError the readers must yield, with ``file`` relative to the
scanned folder's parent (``exports/NAME``).
"""

from __future__ import annotations

import codecs
import json
import os
import time
import tracemalloc
from dataclasses import asdict
from pathlib import Path

import pytest

from verifier.errors import InputError
from verifier.scan.encoding import detect, open_text
from verifier.scan.formats import Format, read, read_inputs, sniff
from verifier.scan.rows import Row, RowError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "exports"
DATA = ROOT / "tests" / "data" / "exports"

SAMPLE_FORMATS = {
    "产品部工作群.csv": Format.csv,
    "chat_export.jsonl": Format.jsonl,
    "短信摘录.txt": Format.txt,
    "分期乐客服聊天.xlsx": Format.xlsx,
    "sms-20240815093000.xml": Format.sms_xml,
    "协商专员刘_utf8.csv": Format.wechat_csv,
    "QQ消息记录.txt": Format.qq_txt,
    "停息挂账陈老师.txt": Format.wechat_txt,
    "催收专员赵.html": Format.wechat_html,
    "wxid_demo_laowang": Format.pywxdump_csv,
    "iMazing_messages.csv": Format.imazing_csv,
}
DATA_FILES = ("broken_rows.csv", "gbk_chat.csv", "bad_bytes.csv", "qq_utf16.txt", "qq_gb18030.txt")


def expected(name: str) -> list[dict]:
    with open(DATA / f"{name}.expected.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def sample_rows() -> dict[str, list[dict]]:
    """Every sample read as one directory input, grouped by sample name."""
    groups: dict[str, list[dict]] = {}
    for item in read_inputs([SAMPLES]):
        groups.setdefault(item.file.split("/")[1], []).append(asdict(item))
    return groups


# --- samples and golden rows ---------------------------------------------------------

def test_every_format_has_a_sample():
    assert set(SAMPLE_FORMATS.values()) == set(Format) - {Format.auto}
    present = {p.name for p in SAMPLES.iterdir() if not p.name.startswith(".")}
    assert present == set(SAMPLE_FORMATS)


@pytest.mark.parametrize("name", sorted(SAMPLE_FORMATS))
def test_sample_parses_into_its_golden_rows(sample_rows, name):
    got, want = sample_rows[name], expected(name)
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert list(g) == list(w)   # all fields, in Row's order
        assert g == w
    assert all("reason" not in g for g in got)   # a sample has no broken rows
    assert 8 <= len(got) <= 40


@pytest.mark.parametrize("name", sorted(SAMPLE_FORMATS))
def test_sniff_picks_the_samples_format(name):
    path = SAMPLES / name
    for file in sorted(path.glob("*.csv")) if path.is_dir() else [path]:
        assert sniff(file) is SAMPLE_FORMATS[name]


def test_samples_mix_risky_and_safe_conversations(sample_rows):
    texts = [r["text"] for rows in sample_rows.values() for r in rows if r.get("kind") == "text"]
    joined = "\n".join(texts)
    for needle in ("个人卡", "卡号6222021234567890123", "通讯录", "定金", "13912345678", "110101199003071234",
                   "@example.com", "官方App", "吃饭"):
        assert needle in joined, needle
    kinds = {r["kind"] for rows in sample_rows.values() for r in rows}
    assert {"text", "image", "voice", "sticker", "system", "link", "file", "mms"} <= kinds


def test_reading_a_sample_with_its_format_named_gives_the_same_rows(sample_rows):
    name = "协商专员刘_utf8.csv"
    rows = [asdict(r) for r in read(SAMPLES / name, Format.wechat_csv, name=f"exports/{name}")]
    assert rows == sample_rows[name]


@pytest.mark.parametrize("name", DATA_FILES)
def test_test_data_parses_into_its_golden_rows(name):
    got = [asdict(r) for r in read(DATA / name, name=f"exports/{name}")]
    assert got == expected(name)


# --- field mappings worth stating outright ------------------------------------------------

def test_wechat_csv_mapping(sample_rows):
    rows = sample_rows["协商专员刘_utf8.csv"]
    assert rows[0]["kind"] == "system" and rows[0]["sender"] == ""
    mine = [r for r in rows if r["outgoing"]]
    assert mine and {r["sender"] for r in mine} == {"小周"}
    assert {r["conversation"] for r in rows} == {"协商专员刘"}
    link = next(r for r in rows if r["kind"] == "link")
    assert link["text"] == "债务减免申请确认函"   # the title, never the XML
    assert all("<msg" not in r["text"] for r in rows)


def test_qq_nickname_with_parentheses_and_email_sender(sample_rows):
    rows = sample_rows["QQ消息记录.txt"]
    assert {r["conversation"] for r in rows} == {"李姐", "上岸互助交流群"}
    assert "上岸导师(免费咨询)" in {r["sender"] for r in rows}
    assert rows[-1]["sender"] == "小周" and rows[-1]["line"] == 50
    multi = next(r for r in rows if "\n" in r["text"])
    assert multi["text"].count("\n") == 2
    assert rows[0]["time"] == "2024-07-01 09:05:12"   # H:MM:SS padded


def test_sms_mapping(sample_rows):
    rows = sample_rows["sms-20240815093000.xml"]
    sent = [r for r in rows if r["outgoing"]]
    assert sent and {r["sender"] for r in sent} == {"我"}
    assert rows[0]["conversation"] == "10690000000123"   # (Unknown) contact: the address
    mms = [r for r in rows if r["line"] in (13, 23)]
    assert mms[0]["kind"] == "text" and "上门" in mms[0]["text"]   # MMS text part, smil left out
    assert mms[1]["kind"] == "mms" and mms[1]["text"] == ""
    assert "\n" in next(r for r in rows if r["conversation"] == "妈妈")["text"]   # &#10;


def test_pywxdump_pages_are_one_conversation(sample_rows):
    rows = sample_rows["wxid_demo_laowang"]
    assert {r["conversation"] for r in rows} == {"wxid_demo_laowang"}
    assert {r["file"].rsplit("/", 1)[-1] for r in rows} == {"wxid_demo_laowang_0_10.csv",
                                                            "wxid_demo_laowang_10_18.csv"}
    assert all(r["outgoing"] == (r["sender"] == "我") for r in rows)


def test_times_do_not_depend_on_the_machines_time_zone(sample_rows):
    if not hasattr(time, "tzset"):
        pytest.skip("no time.tzset on this platform")
    old = os.environ.get("TZ")
    try:
        os.environ["TZ"] = "America/New_York"
        time.tzset()
        for name in ("催收专员赵.html", "sms-20240815093000.xml"):
            rows = [asdict(r) for r in read(SAMPLES / name, name=f"exports/{name}")]
            assert rows == sample_rows[name]
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


# --- broken rows ------------------------------------------------------------------------

def test_broken_rows_keep_every_good_row_and_report_bad_lines():
    items = list(read(DATA / "broken_rows.csv"))
    good = [r for r in items if isinstance(r, Row)]
    bad = [r for r in items if isinstance(r, RowError)]
    assert [r.line for r in good] == [2, 9, 10, 14, 16]
    assert [r.line for r in bad] == [3, 4, 5, 7, 8, 13, 15]
    reasons = {r.line: r.reason for r in bad}
    assert reasons[8] == "unclosed quote"
    assert reasons[4].startswith("bad date") and reasons[7].startswith("bad date")
    assert reasons[5] == "expected 3 fields, got 4" and reasons[15] == "expected 3 fields, got 5"


def test_undecodable_bytes_mid_file_make_one_row_error():
    items = list(read(DATA / "bad_bytes.csv"))
    assert [(type(r).__name__, r.line) for r in items] == [("Row", 2), ("RowError", 3), ("Row", 4)]
    assert items[1].reason == "undecodable bytes"


def test_unclosed_quote_at_end_of_file(tmp_path):
    path = tmp_path / "tail.csv"
    path.write_text("time,sender,text\n2024-03-05 09:00:00,a,好\n2024-03-05 09:01:00,b,\"没关\n"
                    "2024-03-05 09:02:00,c,后面的好行\n2024-03-05 09:03:00,d,最后\n", encoding="utf-8")
    items = list(read(path))
    assert [(type(r).__name__, r.line) for r in items] == [("Row", 2), ("RowError", 3), ("Row", 4), ("Row", 5)]
    assert items[1].reason == "unclosed quote" and items[3].text == "最后"


def test_broken_js_element_is_skipped_and_the_rest_kept(tmp_path):
    path = tmp_path / "chat.html"
    path.write_text(
        "<html><body><script>\nconst chatMessages = [\n"
        "{ type:1, text: 'it\\'s \"quoted\", {braces} [x] \\\\ and\\nnewline',is_send:0,timestamp:1709601150,"
        "displayname:'A'},\n"
        "{ type:1, text: \"raw\nnewline }, { type:1\",is_send:1,timestamp:1709601151,displayname:'我'},\n"
        "{ type:1, text: 'never closed,is_send:0,timestamp:1709601152,displayname:'B'},\n"
        "{ type:1, text: '\\u4f60\\u597d &amp; &lt;b&gt;',is_send:0,timestamp:1709601153,displayname:'C'},\n"
        "];\n</script></body></html>\n", encoding="utf-8")
    items = list(read(path))
    assert [type(r).__name__ for r in items] == ["Row", "Row", "RowError", "Row"]
    assert items[0].text == 'it\'s "quoted", {braces} [x] \\ and\nnewline'
    assert items[1].text == "raw\nnewline }, { type:1" and items[1].outgoing is True
    assert items[2].line == 6   # the string before it spans lines 4-5
    assert items[3].text == "你好 & <b>" and items[3].time == "2024-03-05 09:12:33"


# --- encodings --------------------------------------------------------------------------

@pytest.mark.parametrize("name, encoding", [
    ("gbk_chat.csv", "gb18030"), ("qq_utf16.txt", "utf-16-le"), ("qq_gb18030.txt", "gb18030"),
    ("broken_rows.csv", "utf-8"),
])
def test_encoding_detection(name, encoding):
    data = (DATA / name).read_bytes()
    assert detect(data, name)[0] == encoding


def test_gb18030_four_byte_character_survives():
    senders = [r.sender for r in read(DATA / "qq_gb18030.txt")]
    assert "陈\U0002a6a5" in senders


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_byte_order_marks(tmp_path, bom, codec):
    path = tmp_path / "chat.csv"
    path.write_bytes(bom + "时间,昵称,内容\n2024-03-05 09:00:00,张三,你好\n".encode(codec))
    (row,) = read(path)
    assert (row.sender, row.text) == ("张三", "你好")


def test_utf16_without_bom_and_big5(tmp_path):
    u16 = tmp_path / "u16.csv"
    u16.write_bytes("时间,昵称,内容\n2024-03-05 09:00:00,张三,欠款已逾期请通过官方App还款\n".encode("utf-16-le"))
    assert [r.text for r in read(u16)] == ["欠款已逾期请通过官方App还款"]
    big5 = tmp_path / "big5.txt"
    big5.write_bytes("您好，這是一條測試訊息，請通過官方應用程式還款，謝謝您的配合與理解。\n"
                     "不要轉帳給任何個人帳戶，小心詐騙集團冒充客服人員。\n".encode("big5"))
    assert [r.text[:2] for r in read(big5)] == ["您好", "不要"]


def test_undecodable_file_is_an_input_error_naming_it(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 256)) * 64)
    with pytest.raises(InputError, match="noise.txt"):
        list(read(path, Format.txt))


def test_open_text_streams_from_the_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("一\n二\n", encoding="utf-8")
    with open_text(path) as stream:
        assert next(iter(stream)) == "一\n"


# --- hostile XML ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
def test_entity_tricks_are_refused_never_expanded(name):
    assert sniff(DATA / name) is Format.sms_xml
    with pytest.raises(InputError, match="refused"):
        list(read(DATA / name))


def test_entity_trick_in_a_directory_is_one_row_error(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bomb.xml").write_bytes((DATA / "billion_laughs.xml").read_bytes())
    items = list(read_inputs([tmp_path / "in"]))
    assert len(items) == 1 and isinstance(items[0], RowError) and items[0].line == 0
    assert "lol" not in items[0].reason


# --- --text-col -------------------------------------------------------------------------

def test_text_col_wins_and_a_missing_one_names_the_columns(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("时间,昵称,内容,备注\n2024-03-05 09:00:00,张三,正文,备注里的话\n", encoding="utf-8")
    assert [r.text for r in read(path)] == ["正文"]
    assert [r.text for r in read(path, text_col="备注")] == ["备注里的话"]
    with pytest.raises(InputError) as err:
        list(read(path, text_col="message"))
    assert "'message'" in str(err.value) and "时间, 昵称, 内容, 备注" in str(err.value)
    assert "\n" not in err.value.one_line()


def test_text_col_for_jsonl_and_xlsx():
    rows = list(read(SAMPLES / "chat_export.jsonl", text_col="sender"))
    assert rows[0].text == "京东金融客服"
    with pytest.raises(InputError, match="content"):
        list(read(SAMPLES / "chat_export.jsonl", text_col="nope"))
    with pytest.raises(InputError, match="聊天对象"):
        list(read(SAMPLES / "分期乐客服聊天.xlsx", text_col="nope"))


def test_text_col_on_an_exporter_layout_reads_it_as_a_generic_table():
    rows = list(read(SAMPLES / "协商专员刘_utf8.csv", text_col="StrTime"))
    assert rows[0].text == "2024-05-10 19:02:11"


# --- inputs: directories, unsupported and missing files ------------------------------------

def test_directory_input_names_files_relative_to_its_parent(tmp_path):
    top = tmp_path / "backup"
    (top / "sub").mkdir(parents=True)
    (top / "sub" / "chat.txt").write_text("你好\n", encoding="utf-8")
    (top / "a.csv").write_text("time,sender,text\n2024-03-05 09:00:00,a,好\n", encoding="utf-8")
    (top / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (top / "notes.md").write_text("# notes\n", encoding="utf-8")
    items = list(read_inputs([top]))
    assert [(r.file, r.line) for r in items] == [
        ("backup/a.csv", 2), ("backup/notes.md", 0), ("backup/photo.png", 0), ("backup/sub/chat.txt", 1)]
    errors = [r for r in items if isinstance(r, RowError)]
    assert [e.reason for e in errors] == ["unsupported file", "unsupported file"]


def test_explicit_unsupported_or_missing_file_is_an_input_error(tmp_path):
    md = tmp_path / "notes.md"
    md.write_text("# notes\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        list(read_inputs([md]))
    assert err.value.exit_code == 2 and "notes.md" in err.value.one_line()
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([tmp_path / "missing.csv"]))


# --- streaming, memory, speed ---------------------------------------------------------------

def test_large_csv_streams_with_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("时间,昵称,内容\n")
        for i in range(50_000):
            fh.write(f"2024-03-05 {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d},用户{i % 97},"
                     f"第{i}条消息，关于还款安排的普通聊天记录\n")
    tracemalloc.start()
    try:
        count, last = 0, None
        for item in read(path):
            count += 1
            last = item
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 50_000 and isinstance(last, Row) and last.line == 50_001
    assert peak < 50 * 1024 * 1024


# --- the shared pieces behind the readers ---------------------------------------------------

@pytest.mark.parametrize("fmt, layout", [(Format.csv, None), (Format.wechat_csv, "WeChatMsg CSV"),
                                         (Format.imazing_csv, "iMazing CSV")])
def test_a_header_that_cannot_be_read_or_lacks_a_column_is_an_input_error(tmp_path, fmt, layout):
    open_header = tmp_path / "open.csv"
    open_header.write_text('时间,"昵称,内容\n2024-03-05 09:00:00,张三,你好\n', encoding="utf-8")
    with pytest.raises(InputError, match="the header line cannot be read") as err:
        list(read(open_header, fmt))
    assert err.value.code == "E205" and "open.csv" in str(err.value)
    if layout:
        generic = tmp_path / "generic.csv"
        generic.write_text("时间,昵称,内容\n2024-03-05 09:00:00,张三,你好\n", encoding="utf-8")
        with pytest.raises(InputError, match=f"not a {layout} export: missing column"):
            list(read(generic, fmt))


def test_wechat_html_and_csv_give_a_message_type_the_same_kind(tmp_path):
    types = [(1, 0), (3, 0), (34, 0), (10000, 0), (10002, 0), (49, 57), (49, 6), (49, 5), (49, 2000), (49, 2001),
             (49, 19), (42, 0)]
    html_path = tmp_path / "chat.html"
    html_path.write_text("<html><script>\nconst chatMessages = [\n" + "".join(
        f"{{ type:{t}, sub_type:{s}, text:'x', is_send:0, timestamp:1709601150, displayname:'A'}},\n"
        for t, s in types) + "];\n</script></html>\n", encoding="utf-8")
    csv_path = tmp_path / "chat_utf8.csv"
    csv_path.write_text("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,"
                        "NickName,Sender\n" + "".join(f"{i},7,{t},{s},0,1709601150,3,x,,A,A,wxid_a\n"
                                                      for i, (t, s) in enumerate(types)), encoding="utf-8")
    html_kinds = [r.kind for r in read(html_path)]
    assert html_kinds == [r.kind for r in read(csv_path, Format.wechat_csv)]
    assert html_kinds[9:11] == ["other", "other"]   # a red packet is no link


def test_jsonl_text_col_is_found_as_a_tables_column_is(tmp_path):
    path = tmp_path / "chat.jsonl"
    path.write_text('{"Time": "2024-03-05 09:00:00", "Body": "正文", "Note": "备注"}\n', encoding="utf-8")
    assert [r.text for r in read(path, text_col=" note ")] == ["备注"]
    with pytest.raises(InputError, match="'nope'"):
        list(read(path, text_col="nope"))


def test_sniffing_decodes_a_damaged_file_as_the_reader_does(tmp_path):
    from verifier.scan.encoding import ERRORS, head, head_text

    good = "时间,昵称,内容\n" + "".join(f"2024-03-05 09:00:{i:02d},张三,第{i}条消息，关于还款\n" for i in range(60))
    data = bytearray(good.encode("utf-8"))
    data[200] = 0xFF   # one bad byte in otherwise good UTF-8
    path = tmp_path / "damaged.csv"
    path.write_bytes(bytes(data))
    assert detect(bytes(data), path) == ("utf-8", 0)
    assert head_text(head(path), path) == bytes(data).decode("utf-8", ERRORS)
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(good.encode("gb18030"))
    assert head_text(head(gbk), gbk) == good
