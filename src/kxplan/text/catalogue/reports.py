"""Tables, reports, reviews and explanations."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "invalid-file": ("数据文件有误，按缺数据处理", "the data file is invalid; treated as missing"),
    "no-file": ("本年度未报送数据文件", "no data file for this year"),
}
