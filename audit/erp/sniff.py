"""What an export file is before it is parsed: text or not, its encoding, its separator.

A new user's first guesses are often wrong; the file itself usually says what it is. A
byte-order mark decides the encoding; without one, the configured encoding is tried on the
file's head and, when it does not fit (or none is set), charset-normalizer proposes one. The
separator is the one of ; , tab | that splits the header into the expected column names.
"""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass

from audit.core.messages import Msg, msg
from audit.errors import ErpDataError, Location

SEPARATORS = (";", ",", "\t", "|")
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
CONTROL = set(range(0, 32)) - {9, 10, 13}  # control bytes that plain text never holds
MAX_CONTROL_SHARE = 0.01
PREFERRED = ("utf-8", "cp1252")
MAGIC = {b"PK\x03\x04": msg("erp.magic_zip"), b"PK\x05\x06": msg("erp.magic_empty_zip"),
         b"%PDF": msg("erp.magic_pdf"), b"\xd0\xcf\x11\xe0": msg("erp.magic_xls"),
         b"\x1f\x8b": msg("erp.magic_gzip")}


@dataclass(frozen=True)
class Encoding:
    """The encoding to read a file with, and a note when it was guessed rather than given."""

    name: str
    note: Msg | None = None


def sniff_encoding(head: bytes, declared: str | None, where: Location) -> Encoding:
    """The encoding of a CSV file from its first bytes; an error when the file is not text."""
    for bom, name in BOMS:
        if head.startswith(bom):
            return Encoding(name)
    _require_text(head, where)
    if declared is not None:
        name = known_encoding(declared, where)
        failed = _decode_error(head, name)
        if failed is None:
            return Encoding(name)
        guess = guess_encoding(head)
        row = head.count(b"\n", 0, failed) + 1
        raise ErpDataError.of("erp.not_encoding", where, encoding=declared, byte=failed,
                              row=row, suggest=_suggest(guess))
    if _decodes(head, "utf-8"):
        return Encoding("utf-8")
    guess = guess_encoding(head)
    if guess is None:
        raise ErpDataError.of("erp.encoding_unknown", where)
    return Encoding(guess, msg("erp.encoding_guessed", encoding=guess))


def known_encoding(name: str, where: Location) -> str:
    """The codec's canonical name; an error listing common ones for an unknown name."""
    try:
        return codecs.lookup(name).name
    except LookupError as e:
        raise ErpDataError.of("erp.encoding_no_such", where, encoding=name) from e


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess for a stretch of bytes (None: no text encoding fits)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    same = {codecs.lookup(name).name for name in [best.encoding, *best.could_be_from_charset]}
    # code pages that decode these bytes alike: the common one in Western Europe wins
    return next((p for p in PREFERRED if p in same), codecs.lookup(best.encoding).name)


def _suggest(guess: str | None) -> Msg | str:
    return msg("erp.try_encoding", encoding=guess) if guess else ""


def _decodes(head: bytes, name: str) -> bool:
    return _decode_error(head, name) is None


def _decode_error(head: bytes, name: str) -> int | None:
    """The byte where decoding the head fails (None: it decodes)."""
    cut = head.rfind(b"\n")  # the head may end inside a multi-byte character
    try:
        (head[:cut] if cut > 0 else head).decode(name)
    except UnicodeDecodeError as e:
        return e.start
    return None


def _require_text(head: bytes, where: Location) -> None:
    """Binary files (archives, PDFs, junk) are named as such, not read as garbled text."""
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            raise ErpDataError.of("erp.not_csv", where, what=what)
    if len(head) >= 4 and head.count(0) > len(head) // 4:  # UTF-16 without a byte-order mark
        order = "utf-16-le" if head[1] == 0 else "utf-16-be"
        raise ErpDataError.of("erp.utf16_no_bom", where, encoding=order)
    control = sum(1 for b in head if b in CONTROL)
    if head and control > MAX_CONTROL_SHARE * len(head):
        raise ErpDataError.of("erp.control_characters", where, control=control,
                              size=len(head))


def sniff_separator(lines: list[str], names: set[str]) -> str:
    """The separator that splits the header into the most expected names (else the most fields)."""
    wanted = {n.strip().casefold() for n in names}

    def score(sep: str) -> tuple[int, int]:
        rows = [next(csv.reader([line], delimiter=sep), []) for line in lines]
        hits = max((len(wanted & {c.strip().casefold() for c in r}) for r in rows), default=0)
        widths = [len(r) for r in rows if r]
        steady = min(widths, default=1) if len(set(widths[:10])) == 1 else 1
        return hits, steady

    return max(SEPARATORS, key=score)


def looks_separated(lines: list[str], names: set[str], separator: str) -> str | None:
    """Another separator that splits the header better than the configured one, if any."""
    best = sniff_separator(lines, names)
    if best == separator:
        return None
    split = next(csv.reader(lines[:1], delimiter=best), [])
    return best if len(split) > 1 else None
