"""Per-unit and relative thresholds, per-target settings and the settled cases (SPEC §3, §7):
the rule in words, the audit trail's steps and the plan checks' reasons."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry, Verbatim

MESSAGES: dict[str, Entry] = {
    # the rule in words (`kxplan.render.describe`)
    "relative-points-percent": Verbatim(
        "基期{sign}{figure}个百分点", "base {sign} {figure} points"
    ),
    "relative-points": Verbatim("基期{sign}{figure}{measure}", "base {sign} {figure}{measure}"),
    "relative-percent-up": Verbatim("基期增长{figure}%", "base + {figure}%"),
    "relative-percent-down": Verbatim("基期下降{figure}%", "base − {figure}%"),
    "quota-mark": Verbatim("分解", "quota"),
    "quota-notes": Verbatim("（{notes}）", " ({notes})"),
    "quota-line": Verbatim("{unit} {rule}（分解）", "{unit} {rule} (quota)"),
    "targets-years": Verbatim("适用年度 {first}—{last}年", "applies {first}–{last}"),
    "targets-base-year": Verbatim("基期 {year}年", "base year {year}"),
    "targets-bands": Verbatim(
        "进度界限 快于 ≥ {ahead}，滞后 < {behind}", "bands: ahead ≥ {ahead}, behind < {behind}"
    ),
    # why a result is missing (`kxplan.render.describe`)
    "why-base-missing": ("缺基期值：{gap}", "the base value is missing: {gap}"),
    "why-base-missing-short": ("缺基期值", "the base value is missing"),
    "explain-cap-used": (
        "已用上限 {cap} 中的 {used}",
        "used {used} of the ceiling {cap}",
    ),
    # the audit trail's steps (`kxplan.render.trail`)
    "quota-audit": ("分解给本单位的目标值 {given}", "this unit's own threshold (quota) {given}"),
    "quota-audit-relative": ("分解给本单位：{said}", "this unit's quota: {said}"),
    "relative-audit-points": (
        "目标值 T = b + {given} = {b} + {given} = {bound}",
        "threshold T = b + {given} = {b} + {given} = {bound}",
    ),
    "relative-audit-percent": (
        "目标值 T = b × (1 + {given} / 100) = {b} × (1 + {given} / 100) = {bound}",
        "threshold T = b × (1 + {given} / 100) = {b} × (1 + {given} / 100) = {bound}",
    ),
    "relative-audit-no-base": (
        "目标值相对于基期值（{year} 年），基期值缺失，无法确定",
        "the threshold is relative to the base value ({year}), which is missing: it cannot be"
        " resolved",
    ),
}
