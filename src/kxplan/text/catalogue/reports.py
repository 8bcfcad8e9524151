"""Tables, reports, reviews and explanations."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "invalid-file": ("数据文件有误，按缺数据处理", "the data file is invalid; treated as missing"),
    "no-file": ("本年度未报送数据文件", "no data file for this year"),
    # the statuses of SPEC §3 (`kxplan.model.status`)
    "status-met": ("达标", "met"),
    "status-not-met": ("未达标", "not met"),
    "status-achieved-early": ("提前实现", "achieved early"),
    "status-ahead": ("快于预期", "ahead of schedule"),
    "status-on-track": ("基本符合预期", "on track"),
    "status-behind": ("相对滞后", "behind schedule"),
    "status-in-progress": ("推进中", "in progress"),
    "status-monitored": ("监测", "monitored"),
    "status-missing": ("缺数据", "missing data"),
}
