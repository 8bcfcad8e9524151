"""A national tree for the scale benchmarks (issue 15): every county association of the country.

`python benchmarks/national.py DEST [--scale F] [--seed N]` writes DEST/targets.yaml and
DEST/data/<year>/<unit>.yaml: 1 nation, the 31 provinces with their real names and codes,
333 invented prefectures and 2,844 invented counties (3,209 units), every unit every year of
the bundled plan (2020–2025: 19,254 files). `--scale F` keeps the fraction F of each
province's prefectures and of each prefecture's counties, at least one of each (0.25: 284
units; 0.02: 94), for a workbook at two sizes, say, or a tree small enough for the tests.

The plan is the bundled plan's with the tree replaced: its city targets apply to the nation,
the provinces and the prefectures, its county targets to the counties. The two `sum`
indicators (registrations, enterprise associations) are reported by the counties only, so
each prefecture's, province's and the nation's value is the sum of the level below. The
figures are invented, seeded (the same seed writes the same files), and spread so that every
status occurs; a few figures are left out so that `missing` does too.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_PLAN = ROOT / "src" / "kxplan" / "targets.yaml"

PROVINCES = [
    ("110000", "北京市", "Beijing"),
    ("120000", "天津市", "Tianjin"),
    ("130000", "河北省", "Hebei"),
    ("140000", "山西省", "Shanxi"),
    ("150000", "内蒙古自治区", "Inner Mongolia"),
    ("210000", "辽宁省", "Liaoning"),
    ("220000", "吉林省", "Jilin"),
    ("230000", "黑龙江省", "Heilongjiang"),
    ("310000", "上海市", "Shanghai"),
    ("320000", "江苏省", "Jiangsu"),
    ("330000", "浙江省", "Zhejiang"),
    ("340000", "安徽省", "Anhui"),
    ("350000", "福建省", "Fujian"),
    ("360000", "江西省", "Jiangxi"),
    ("370000", "山东省", "Shandong"),
    ("410000", "河南省", "Henan"),
    ("420000", "湖北省", "Hubei"),
    ("430000", "湖南省", "Hunan"),
    ("440000", "广东省", "Guangdong"),
    ("450000", "广西壮族自治区", "Guangxi"),
    ("460000", "海南省", "Hainan"),
    ("500000", "重庆市", "Chongqing"),
    ("510000", "四川省", "Sichuan"),
    ("520000", "贵州省", "Guizhou"),
    ("530000", "云南省", "Yunnan"),
    ("540000", "西藏自治区", "Tibet"),
    ("610000", "陕西省", "Shaanxi"),
    ("620000", "甘肃省", "Gansu"),
    ("630000", "青海省", "Qinghai"),
    ("640000", "宁夏回族自治区", "Ningxia"),
    ("650000", "新疆维吾尔自治区", "Xinjiang"),
]
PREFECTURES, COUNTIES = 333, 2844
NATION = ("100000", "全国", "China")
LEVELS = [
    {"id": "nation", "name": "全国", "name_en": "nation"},
    {"id": "province", "name": "省", "name_en": "province"},
    {"id": "prefecture", "name": "地市", "name_en": "prefecture"},
    {"id": "county", "name": "县区", "name_en": "county"},
]
UPPER = ["nation", "province", "prefecture"]
#: syllables of the invented place names (two of them and 市, 县 or 区; never a real pair twice)
_SYLLABLES = (
    "安宁平和兴隆昌盛永泰嘉禾丰乐清河云山明德长青新华广福宝鸡龙泉凤鸣金川"
    "玉溪石门桃源柳林梅岭松江柏庄竹溪兰亭菊花杏坛"
)


def units(scale: float, rng: random.Random) -> list[dict[str, str]]:
    """The tree, top first: the nation, then each province with its prefectures and counties."""
    tree = [{"code": NATION[0], "name": NATION[1], "name_en": NATION[2], "level": "nation"}]
    names = _names(rng)
    prefectures = _spread(PREFECTURES, len(PROVINCES), rng)
    counties = _spread(COUNTIES, PREFECTURES, rng)
    serial = 0
    for (code, name, name_en), count in zip(PROVINCES, prefectures, strict=True):
        province = {"code": code, "name": name, "name_en": name_en, "level": "province"}
        tree.append({**province, "parent": NATION[0]})
        for p in range(max(1, round(count * scale))):
            pname = next(names) + "市"
            pcode = f"{code[:2]}{p + 1:02d}00"
            tree.append(
                {
                    "code": pcode,
                    "name": pname,
                    "name_en": f"Prefecture {pcode}",
                    "level": "prefecture",
                    "parent": code,
                }
            )
            for c in range(max(1, round(counties[serial] * scale))):
                ccode = f"{pcode[:4]}{c + 1:02d}"
                tree.append(
                    {
                        "code": ccode,
                        "name": next(names) + rng.choice("县区"),
                        "name_en": f"County {ccode}",
                        "level": "county",
                        "parent": pcode,
                    }
                )
            serial += 1
    return tree


def _spread(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` split into `parts` counts of at least 1 that differ a little."""
    counts = [total // parts] * parts
    for i in rng.sample(range(parts), total % parts):
        counts[i] += 1
    for _ in range(parts):  # move a few, keeping each at least 1
        a, b = rng.randrange(parts), rng.randrange(parts)
        if counts[a] > 2:
            counts[a] -= 1
            counts[b] += 1
    return counts


def _names(rng: random.Random) -> Any:
    """Endless unique invented names: pairs of syllables, then triples."""
    seen: set[str] = set()
    chars = list(_SYLLABLES)
    while True:
        size = 2 if len(seen) < 2500 else 3
        name = "".join(rng.choice(chars) for _ in range(size))
        if name not in seen:
            seen.add(name)
            yield name


def plan(tree: list[dict[str, str]]) -> dict[str, Any]:
    """The bundled plan with this tree: city targets at the upper levels, county targets kept."""
    spec: dict[str, Any] = yaml.safe_load(BUNDLED_PLAN.read_text(encoding="utf-8"))
    spec["plan"]["id"] = "national-benchmark"
    spec["plan"]["name"] = "全国县级科协“十四五”事业发展指标（基准测试，虚构）"
    spec["plan"]["name_en"] = "County associations nationwide, 14th plan (benchmark, invented)"
    spec["levels"] = LEVELS
    spec["units"] = tree
    for target in spec["targets"]:
        levels = target["level"] if isinstance(target["level"], list) else [target["level"]]
        mapped = [m for level in levels for m in (UPPER if level == "city" else [level])]
        target["level"] = mapped[0] if len(mapped) == 1 else mapped
    return spec


def reported(spec: dict[str, Any]) -> dict[str, set[str]]:
    """Level → the indicators its units report: those of its targets, and the `sum` ones at the
    counties only (the levels above get the sum)."""
    sums = {i["id"] for i in spec["indicators"] if i.get("aggregate") == "sum"}
    by_level: dict[str, set[str]] = {level["id"]: set() for level in LEVELS}
    for target in spec["targets"]:
        levels = target["level"] if isinstance(target["level"], list) else [target["level"]]
        for level in levels:
            by_level[level].add(target["indicator"])
    for level in UPPER:
        by_level[level] -= sums
    by_level["county"] |= sums
    return by_level


def figure(indicator: dict[str, Any], year: int, base: float, rng: random.Random) -> Any:
    """One invented figure: stocks grow from the unit's base, flows vary around it."""
    kind, years = indicator["type"], year - 2020
    if kind == "boolean":
        return rng.random() < 0.85
    stock = indicator["nature"] == "stock"
    grown = base * (1.0 + rng.uniform(0.05, 0.40)) ** years if stock else base
    value = grown * rng.uniform(0.7, 1.3)
    if kind == "percent":
        return round(min(value, 100.0), 1)
    if kind == "amount":
        return round(value, 1)
    return max(0, round(value))


#: each indicator's typical figure at a county (the levels above get more)
_BASE = {
    "literacy_rate": 9.0,
    "tfkjy_workers": 3000.0,
    "tfkjy_transactions": 8.0,
    "popsci_visits": 150.0,
    "standardized_societies": 20.0,
    "key_industries_supported": 12.0,
    "new_workstations": 4.0,
    "political_study_coverage": 97.0,
    "party_org_coverage": 96.0,
    "party_work_coverage": 96.0,
    "spirit_lectures": 3.0,
    "typical_cases": 3.0,
    "demo_studios": 4.0,
    "tfkjy_demo_sites": 2.0,
    "rural_demo_villages": 1.0,
    "provincial_excellent_societies": 2.0,
    "cross_regional_conferences": 0.4,
    "core_journal_papers": 50.0,
    "popsci_demo_bases": 2.5,
    "excellent_research_reports": 5.0,
    "enterprise_associations": 15.0,
    "recommended_outstanding_workers": 5.0,
}
NOTE = "# 基准测试数据（虚构）— benchmark data, invented; not official statistics.\n"


def write(dest: Path, scale: float = 1.0, seed: int = 15) -> int:
    """Write the plan and every data file under `dest`; the number of data files."""
    rng = random.Random(seed)
    tree = units(scale, rng)
    spec = plan(tree)
    dest.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=1000)
    (dest / "targets.yaml").write_text(text, encoding="utf-8")
    indicators = {i["id"]: i for i in spec["indicators"]}
    by_level = reported(spec)
    first, last = spec["plan"]["base_year"], spec["plan"]["period"][1]
    bases = {
        unit["code"]: {i: _BASE.get(i, 1.0) * rng.uniform(0.6, 1.4) for i in indicators}
        for unit in tree
    }
    written = 0
    for year in range(first, last + 1):
        folder = dest / "data" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for unit in tree:
            values: dict[str, Any] = {}
            for indicator_id in sorted(by_level[unit["level"]], key=list(indicators).index):
                if rng.random() < 0.01:
                    continue  # left out: `missing` occurs too
                base = bases[unit["code"]][indicator_id]
                values[indicator_id] = figure(indicators[indicator_id], year, base, rng)
            body = {"unit": unit["name"], "year": year, "values": values}
            data = yaml.safe_dump(body, allow_unicode=True, sort_keys=False)
            (folder / f"{unit['name']}.yaml").write_text(NOTE + data, encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    if (args.dest / "data").exists():
        print(f"{args.dest / 'data'} exists: give a new folder", file=sys.stderr)
        return 2
    count = write(args.dest, args.scale, args.seed)
    print(f"{args.dest}: targets.yaml and {count} data files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
