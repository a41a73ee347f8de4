"""Read an export as it comes — CSV, XLSX or an SQL query — into text columns with file and row."""

from __future__ import annotations

import csv
import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from audit.config import DatasetSource
from audit.core.messages import Msg, msg
from audit.erp.sniff import guess_encoding, looks_separated, sniff_encoding, sniff_separator
from audit.erp.text import frame_to_table, maybe_padded, render_cell
from audit.errors import ErpDataError, Location, Problem

HEADER_SEARCH = 20  # rows searched for the header when header_row is not set
BLOCK_SIZE = 1 << 22  # pyarrow's parse block; grown when one field is bigger
MAX_LISTED = 20
FORMULA_TEXT = r'^\s*="(.*)"\s*$'  # ="0021004": a CSV cell that Excel shows as the text inside


@dataclass
class Raw:
    """An export as read: every column as text, with the file and spreadsheet row of each record."""

    table: pa.Table
    rows: np.ndarray
    file_codes: np.ndarray
    files: list[str]
    problems: list[Problem] = field(default_factory=list)
    separator: str | None = None  # the CSV separator used (configured or detected)
    looks: str | None = None  # another separator that splits the header better
    skipped: int = 0  # records that could not be split into the header's fields

    @property
    def file_of(self) -> np.ndarray:
        """The file name of each record."""
        return np.asarray(self.files, dtype=object)[self.file_codes]


def expand(paths: Sequence[Path]) -> list[Path]:
    """Paths with globs expanded (sorted), each file once; a glob matching nothing is an error."""
    found: list[Path] = []
    for path in paths:
        if glob.has_magic(str(path)):
            matches = sorted(Path(p) for p in glob.glob(str(path)))
            if not matches:
                raise ErpDataError.of("erp.no_file_matches", Location(path.name), path=path)
        else:
            matches = [path]
        found += [m for m in matches if m.resolve() not in {f.resolve() for f in found}]
    return found


def read_files(paths: Sequence[Path], source: DatasetSource, names: set[str]) -> Raw:
    """Read one or more export files (one dataset, e.g. one file per month) as one."""
    parts = [read_file(path, source, names) for path in expand(paths)]
    if len(parts) == 1:
        return parts[0]
    table = pa.concat_tables([p.table for p in parts], promote_options="default")
    table = pa.table({c: table[c].fill_null("") for c in table.column_names})
    codes = np.concatenate([p.file_codes + i for i, p in enumerate(parts)])
    return Raw(table, np.concatenate([p.rows for p in parts]), codes,
               [p.files[0] for p in parts], [q for p in parts for q in p.problems],
               skipped=sum(p.skipped for p in parts))


def read_file(path: Path, source: DatasetSource, names: set[str]) -> Raw:
    """One CSV or XLSX file; `names` are the column names to look for to find the header."""
    if not path.exists():
        raise ErpDataError.of("erp.file_not_found", Location(path.name), path=path)
    kind = source.format or ("xlsx" if path.suffix.lower() in {".xlsx", ".xlsm"} else "csv")
    if kind == "xlsx":
        return read_xlsx(path, source, names)
    return read_csv(path, source, names)


def find_header(rows: list[list[str]], names: set[str]) -> int:
    """The index of the first row holding the most of the expected column names (else 0)."""
    wanted = {n.strip().casefold() for n in names}
    scores = [len(wanted & {str(c).strip().casefold() for c in row}) for row in rows]
    best = max(scores, default=0)
    return scores.index(best) if best else 0


# --- CSV -------------------------------------------------------------------------------------


def read_csv(path: Path, source: DatasetSource, names: set[str]) -> Raw:
    """A CSV export through pyarrow: all columns as text, bad records reported and skipped."""
    where = Location(path.name)
    with path.open("rb") as f:
        head = f.read(1 << 16)
    if not head.strip():
        raise ErpDataError.of("erp.file_blank" if head else "erp.file_empty", where,
                              size=len(head))
    encoding = sniff_encoding(head, source.encoding, where)
    text = head.decode(encoding.name, errors="replace").lstrip("\ufeff")
    lines = text.splitlines()[:HEADER_SEARCH]
    separator = source.separator or sniff_separator(lines, names)
    if len(separator) != 1:
        raise ErpDataError.of("erp.separator_length", where, separator=separator)
    parsed = [next(csv.reader([line], delimiter=separator), []) for line in lines]
    skip = source.header_row - 1 if source.header_row else find_header(parsed, names)
    names_read = [c.strip() for c in parsed[skip]] if skip < len(parsed) else []
    header = _unique_names(names_read)
    raw = Raw(pa.table({}), np.zeros(0, int), np.zeros(0, np.int32), [path.name],
              separator=separator, looks=looks_separated(lines, names, separator))
    if encoding.note:
        raw.problems.append(Problem.of("erp", encoding.note.code, where, "warning",
                                       **dict(encoding.note.params)))
    if not header:
        return raw
    table, bad = _parse(path, separator, encoding.name, skip, header, source.encoding)
    rows = np.arange(table.num_rows, dtype=np.int64) + skip + 2
    for line in sorted(n for n, _ in bad if n is not None):
        rows[rows >= line] += 1
    table, rows = _drop_blank(table, rows)
    if '="' in text:  # Excel's guard of a text ('="0021004"': keep the zeros) is no part of it
        table = pa.table({c: pc.replace_substring_regex(table[c], FORMULA_TEXT, r"\1")
                          for c in table.column_names})
    table, rows, repeats = drop_repeated_header(table, rows, path.name, names_read)
    last = _last_line(path, encoding.name)
    if len(bad) > MAX_LISTED and len(bad) > table.num_rows:
        raise ErpDataError.of("erp.not_this_layout", where, bad=len(bad),
                              lines=len(bad) + table.num_rows, fields=len(header),
                              separator=separator)
    raw.problems += [_bad_record(path.name, number, text, names_read, separator, last)
                     for number, text in bad[:MAX_LISTED]] + repeats
    if len(bad) > MAX_LISTED:
        raw.problems.append(Problem.of("erp", "erp.more_bad_records", where,
                                       more=len(bad) - MAX_LISTED))
    raw.table, raw.rows, raw.file_codes = table, rows, np.zeros(len(rows), np.int32)
    raw.skipped = len(bad)
    return raw


def _unique_names(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in header:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}.{seen[name] - 1}")
    return out


def _parse(path: Path, separator: str, encoding: str, skip: int, header: list[str],
           declared: str | None) -> tuple[pa.Table, list[tuple[int | None, str]]]:
    """The records after the header; records with the wrong number of fields set aside."""
    block = BLOCK_SIZE
    threads = True  # line numbers of bad records are known only single-threaded
    while True:
        bad: list[tuple[int | None, str]] = []

        def handler(row: pacsv.InvalidRow, bad: list = bad) -> str:
            bad.append((row.number, row.text))
            return "skip"

        read = pacsv.ReadOptions(encoding=encoding, skip_rows=skip + 1, column_names=header,
                                 use_threads=threads, block_size=block)
        parse = pacsv.ParseOptions(delimiter=separator, invalid_row_handler=handler,
                                   ignore_empty_lines=False, newlines_in_values=not threads)
        convert = pacsv.ConvertOptions(column_types={c: pa.string() for c in header},
                                       strings_can_be_null=False, quoted_strings_can_be_null=False)
        try:
            table = pacsv.read_csv(path, read, parse, convert)
        except pa.ArrowInvalid as e:
            if "straddl" in str(e) and block < path.stat().st_size:
                block = min(block * 16, 1 << 30)  # one huge field: a bigger block holds it
                continue
            raise _read_error(path, declared or encoding, encoding, e) from e
        except UnicodeDecodeError as e:
            raise _read_error(path, declared or encoding, encoding, e) from e
        if not bad or not threads:
            return table, bad
        threads = False


def _read_error(path: Path, shown: str, encoding: str, error: Exception) -> ErpDataError:
    """A decoding error located by byte and row, with the encoding the bytes suggest."""
    where = Location(path.name)
    data = path.read_bytes()
    try:
        data.decode(encoding)
    except UnicodeDecodeError as e:
        row = data.count(b"\n", 0, e.start) + 1
        guess = guess_encoding(data[max(0, e.start - 2000): e.start + 2000])
        other = msg("erp.try_encoding", encoding=guess) if guess and guess != encoding \
            else ""
        return ErpDataError.of("erp.not_encoding", where, encoding=shown, byte=e.start,
                               row=row, suggest=other)
    return ErpDataError.of("erp.cannot_read_export", where, error=error)


def _last_line(path: Path, encoding: str) -> str:
    """The file's last non-blank line (to tell a file cut off mid-row)."""
    with path.open("rb") as f:
        f.seek(max(0, path.stat().st_size - 4096) & ~1)  # even: UTF-16 stays aligned
        tail = f.read().decode(encoding, errors="replace")
    lines = [line for line in tail.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def drop_repeated_header(table: pa.Table, rows: np.ndarray, file: str, names: list[str]
                         ) -> tuple[pa.Table, np.ndarray, list[Problem]]:
    """Rows that repeat the header (exports joined by hand) are no records: skipped, reported."""
    if table.num_rows == 0 or table.num_columns == 0:
        return table, rows, []
    pairs = list(zip(table.column_names, names, strict=False))
    first = pc.fill_null(pc.equal(table[pairs[0][0]], pairs[0][1]), False)
    column = table[pairs[0][0]]
    if not pc.any(first).as_py() and column.num_chunks and maybe_padded(column.chunk(0)):
        # a report padding its values (' Doc '), as its first block of rows shows
        first = pc.fill_null(pc.equal(pc.utf8_trim_whitespace(column), pairs[0][1]), False)
    if not pc.any(first).as_py():  # the usual case, decided on one column without copies
        return table, rows, []
    repeat = first.to_numpy(zero_copy_only=False)
    for column, name in pairs[1:]:
        same = pc.equal(pc.utf8_trim_whitespace(table[column]), name)
        repeat &= pc.fill_null(same, False).to_numpy(zero_copy_only=False)
    if not repeat.any():
        return table, rows, []
    problems = [Problem.of("erp", "erp.header_repeats", Location(file, row=int(r)), "warning")
                for r in rows[repeat][:MAX_LISTED]]
    more = int(repeat.sum()) - MAX_LISTED
    if more > 0:
        problems.append(Problem.of("erp", "erp.header_repeats_more", Location(file), "warning",
                                   more=more))
    return table.filter(pa.array(~repeat)), rows[~repeat], problems


def _drop_blank(table: pa.Table, rows: np.ndarray) -> tuple[pa.Table, np.ndarray]:
    """Blank lines are no records (their row numbers are kept for the rows after them)."""
    if table.num_columns == 0 or table.num_rows == 0:
        return table, rows
    lengths = sum(np.asarray(pc.binary_length(table[c])) for c in table.column_names)
    keep = lengths > 0
    if keep.all():
        return table, rows
    return table.filter(pa.array(keep)), rows[keep]


def _bad_record(file: str, number: int | None, text: str, header: list[str], sep: str,
                last: str = "") -> Problem:
    """A record that does not split into the header's fields; the hint says why it may not."""
    expected, trailing = len(header), [h.strip() for h in header]
    fields = len(next(csv.reader([text], delimiter=sep), []))
    hint: Msg | str = msg("erp.hint_unquoted", separator=sep) if fields > expected else ""
    if fields < expected and text.strip() and text.strip() == last.strip():
        hint = msg("erp.hint_cut_off")
    if fields < expected and not any(trailing[fields:]):
        hint = msg("erp.hint_empty_columns", columns=expected - fields)
    shown = text if len(text) <= 80 else text[:77] + "..."
    return Problem.of("erp", "erp.bad_record", Location(file, row=number), fields=fields,
                      expected=expected, hint=hint, text=shown)


# --- XLSX and SQL ----------------------------------------------------------------------------


def read_xlsx(path: Path, source: DatasetSource, names: set[str]) -> Raw:
    """One sheet of a workbook; the header found (or at header_row), numbers and dates native."""
    from openpyxl import load_workbook

    where = Location(path.name)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises zipfile, KeyError and its own errors
        raise ErpDataError.of("erp.cannot_read_workbook", where,
                              reason=_workbook_error(path, e)) from e
    try:
        sheet = _sheet(book, source.sheet, where)
        cells = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    texts = [[render_cell(v, source.decimal) for v in r] for r in cells[:HEADER_SEARCH]]
    skip = source.header_row - 1 if source.header_row else find_header(texts, names)
    if skip >= len(cells):
        return Raw(pa.table({}), np.zeros(0, int), np.zeros(0, np.int32), [path.name])
    header = _unique_names([render_cell(v, ".").strip() for v in cells[skip]])
    body = [r + [None] * (len(header) - len(r)) for r in cells[skip + 1:]]
    columns = {h: [render_cell(r[i], source.decimal) for r in body] for i, h in enumerate(header)
               if h}
    table = pa.table({h: pa.array(v, pa.string()) for h, v in columns.items()})
    rows = np.arange(len(body), dtype=np.int64) + skip + 2
    table, rows = _drop_blank(table, rows)
    table, rows, repeats = drop_repeated_header(table, rows, path.name,
                                                [h for h in header if h])
    return Raw(table, rows, np.zeros(len(rows), np.int32), [path.name], repeats)


def _workbook_error(path: Path, error: Exception) -> Msg:
    """What is wrong with a file that should be a workbook, in the user's terms."""
    import zipfile

    with path.open("rb") as f:
        head = f.read(8)
    if not head:
        return msg("erp.file_empty", size=0)
    if not zipfile.is_zipfile(path):
        return msg("erp.not_xlsx")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
    if "xl/workbook.xml" not in names:
        held = msg("erp.other_files", n=len(names)) if names else msg("erp.nothing")
        return msg("erp.zip_no_workbook", held=held)
    return msg("erp.workbook_damaged", error=f"{type(error).__name__}: {error}")


def _sheet(book: object, sheet: str | int | None, where: Location) -> object:
    names = book.sheetnames  # type: ignore[attr-defined]
    if sheet is None:
        return book.worksheets[0]  # type: ignore[attr-defined]
    if isinstance(sheet, int) and 0 <= sheet < len(names):
        return book.worksheets[sheet]  # type: ignore[attr-defined]
    if sheet in names:
        return book[sheet]  # type: ignore[index]
    listed = ", ".join(f"'{n}'" for n in names)
    raise ErpDataError.of("erp.sheet_not_found", where, sheet=repr(sheet), sheets=listed)


def read_query(query: str, url: str | None, label: str, decimal: str) -> Raw:
    """The result of an SQL query through SQLAlchemy; rows numbered from 1 in result order."""
    import pandas as pd
    import sqlalchemy as sa

    where = Location(label)
    if not url:
        raise ErpDataError.of("erp.query_needs_url", where)
    try:
        engine = sa.create_engine(os.path.expandvars(url))
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as e:
        raise ErpDataError.of("erp.bad_database_url", where, error=e) from e
    try:
        with engine.connect() as conn:
            frame = pd.read_sql_query(sa.text(query), conn)
    except (sa.exc.SQLAlchemyError, pd.errors.DatabaseError) as e:
        cause = e.__cause__ if isinstance(e, pd.errors.DatabaseError) and e.__cause__ else e
        text = str(getattr(cause, "orig", None) or cause).splitlines()[0]
        raise ErpDataError.of("erp.query_failed", where, error=text) from e
    finally:
        engine.dispose()
    table = frame_to_table(frame, decimal)
    return Raw(table, np.arange(1, table.num_rows + 1, dtype=np.int64),
               np.zeros(table.num_rows, np.int32), [label])
