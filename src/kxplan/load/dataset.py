"""All data files of a data folder, read and checked into a `DataSet`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from kxplan.files.parallel import map_all
from kxplan.files.paths import display_path, folder_of
from kxplan.load.cache import Checked, DataCache
from kxplan.load.datafile import FileChecker
from kxplan.load.folder import (
    YEAR_FOLDER,
    Layout,
    interrupted_target,
    is_data_file,
    listing,
    scan,
    year_hint,
)
from kxplan.model.data import Submission
from kxplan.model.dataset import DataSet
from kxplan.model.plan import Plan, Unit
from kxplan.model.problems import Leftover, Problem, ProblemCode
from kxplan.text import tr
from kxplan.yaml.safe import unreadable_reason


def load_dataset(
    plan: Plan,
    data_dir: Path,
    lang: str,
    years: Iterable[int] | None = None,
    root: Path | None = None,
    units: Iterable[Unit] | None = None,
    cache: DataCache | None = None,
) -> DataSet:
    """Every data file under `data_dir/<year>/` (only `years` when given), checked; files
    are named from `root` when given (see `display_path`).

    `units`: only the files named for these units are read (and the misplaced files and
    leftovers named for them said); the other files of their year folders are not opened,
    other years' folders not even listed. With a `cache` (made for the same plan, folder,
    language and root), files unchanged since a run checked them are not checked again."""
    dataset = DataSet(plan)
    wanted = set(years) if years is not None else None
    checker = FileChecker(plan, lang)
    layout = layout_of(plan, data_dir, years, units)
    placed = [
        (year, path, display_path(path, data_dir, root))
        for year, files in sorted(layout.years.items())
        if wanted is None or year in wanted
        for path in files
    ]

    def check_all(files: list[tuple[Path, str]]) -> list[Checked]:
        return map_all(lambda file: checker.check(*file), files)

    def checked_all(files: list[tuple[Path, str]]) -> list[Checked]:
        return check_all(files) if cache is None else cache.check_all(files, check_all)

    checked = checked_all([(path, display) for _, path, display in placed])
    for (year, path, display), (submission, problems) in zip(placed, checked, strict=True):
        dataset.years.add(year)
        dataset.files.append(display)
        _add(dataset, submission, problems, path, display, year, lang)
    for path in layout.misplaced:  # checked, so the mistake is seen whole, but never used
        display = display_path(path, data_dir, root)
        dataset.files.append(display)
        problems = checked_all([(path, display)])[0][1]
        if not any(problem.code is ProblemCode.YEAR_MISMATCH for problem in problems):
            hint = year_hint(path, data_dir)
            where = f"data/{hint}/" if hint else tr("data-year-folder", lang)
            message = tr("misplaced-file", lang, folder=where)
            problems.append(Problem(display, None, None, ProblemCode.YEAR_MISMATCH, message))
        dataset.problems.extend(problems)
    for error in layout.unreadable:  # its files would be missing in silence
        place = Path(str(error.filename))
        if wanted is not None and YEAR_FOLDER.match(place.name) and int(place.name) not in wanted:
            continue
        display = display_path(place, data_dir, root)
        message = tr("unreadable-folder", lang, reason=unreadable_reason(error, lang))
        dataset.problems.append(Problem(display, None, None, ProblemCode.ENCODING, message))
    dataset.ignored = [display_path(path, data_dir, root) for path in layout.ignored]
    dataset.leftovers = [
        Leftover(display_path(path, data_dir, root), display_path(target, data_dir, root))
        for path in layout.leftovers
        if (target := interrupted_target(path)) is not None
    ]
    if cache is not None:
        cache.save()
    return dataset


def layout_of(
    plan: Plan, data_dir: Path, years: Iterable[int] | None, units: Iterable[Unit] | None
) -> Layout:
    """Where the files `load_dataset` reads are (see there)."""
    if units is None:
        return scan(data_dir)
    return scan(data_dir, set(years) if years is not None else None, _named(plan, units))


def _named(plan: Plan, units: Iterable[Unit]) -> Callable[[str], bool]:
    """Whether a file's stem names one of `units` (by name or code, as `_add` reads it)."""
    codes = {unit.code for unit in units}

    def named(stem: str) -> bool:
        unit = plan.unit(stem)
        return unit is not None and unit.code in codes

    return named


def _add(
    dataset: DataSet,
    submission: Submission | None,
    problems: list[Problem],
    path: Path,
    display: str,
    year: int,
    lang: str,
) -> None:
    dataset.problems.extend(problems)
    unit = submission.unit if submission else dataset.plan.unit(path.stem)
    if unit is None:
        return
    key = (year, unit.code)
    other = dataset.submissions.get(key) or None
    other_file = other.file if other else dataset.invalid.get(key)
    if other_file is not None:
        dataset.problems.append(_duplicate(display, unit, year, other_file, lang))
        dataset.submissions.pop(key, None)
        dataset.invalid[key] = display  # where the problem is said (it names the other file)
        return
    if submission is not None:  # usable: no problems, or only `derived-reported` ones
        dataset.submissions[key] = submission
    else:
        dataset.invalid[key] = display


def _duplicate(display: str, unit: Unit, year: int, other: str, lang: str) -> Problem:
    message = tr("duplicate-unit-file", lang, unit=unit.name, year=year, other=other)
    return Problem(display, 1, 1, ProblemCode.DUPLICATE_KEY, message)


def same_unit_files(plan: Plan, path: Path, display: str, lang: str) -> list[Problem]:
    """A file checked on its own (the pre-commit hook) against the other files of its year
    folder: `510811.yaml` added beside `昭化区.yaml` is the same unit's second file, said on
    the file given, whichever was there first."""
    folder = folder_of(path)
    unit = plan.unit(path.stem)
    if unit is None or not YEAR_FOLDER.match(folder.name):
        return []
    return [
        _duplicate(
            display, unit, int(folder.name), (Path(display).parent / other.name).as_posix(), lang
        )
        for other in listing(folder)
        if other.name != path.name
        and other.is_file()
        and is_data_file(other)
        and (found := plan.unit(other.stem)) is not None
        and found.code == unit.code
    ]


def data_years(data_dir: Path) -> list[int]:
    """Years whose folder holds at least one data file, without reading them."""
    return sorted(
        int(folder.name)
        for folder in data_dir.iterdir()
        if folder.is_dir()
        and YEAR_FOLDER.match(folder.name)
        and any(is_data_file(p) for p in listing(folder))
    )
