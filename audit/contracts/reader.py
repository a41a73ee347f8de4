"""PDF -> pages of text lines (running header/footer removed) and tables, with pdfplumber."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from audit.errors import ContractReadError, Location, Problem
from audit.models import ContractDoc, Page, Table

TABLE_MARK = "\x00TABLE{}\x00"  # stands in the page text where a table was
PAGE_NUMBER = re.compile(r"^(pagina|page|blz\.?|p\.)?\s*\d+\s*((van|of|/)\s*\d+)?$", re.I)
NL_WORDS = {"de", "het", "een", "van", "en", "wordt", "binnen", "na", "voor", "deze", "overeenkomst"}
EN_WORDS = {"the", "a", "of", "and", "shall", "within", "after", "for", "this", "agreement", "is"}


def read_pdf(path: Path) -> tuple[ContractDoc | None, list[Problem]]:
    """Read one contract PDF; a document that cannot be read is a Problem, not an exception."""
    try:
        data = path.read_bytes()
        raw_pages = _extract(path)
    except ContractReadError as e:
        return None, [Problem("contracts", e.message, e.location)]
    except OSError as e:
        return None, [Problem("contracts", f"cannot open file: {e.strerror}", Location(str(path)))]
    problems = [
        Problem("contracts", "page has no text layer (a scanned image?); OCR is not available, "
                "the page was not read", Location(path.name, page=n))
        for n, (lines, _, has_images) in enumerate(raw_pages, 1)
        if not lines and has_images
    ]
    pages = _strip_running_lines([(lines, tables) for lines, tables, _ in raw_pages])
    if not any(p.text.strip() for p in pages):
        problems.append(Problem("contracts", "no readable text in the document (scanned without "
                                "OCR, or empty); no agreements were read from it",
                                Location(path.name)))
        return None, problems
    text = "\n".join(p.text for p in pages)
    doc = ContractDoc(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=tuple(pages),
        language=detect_language(text),
    )
    return doc, problems


def _extract(path: Path) -> list[tuple[list[str], list[Table], bool]]:
    """Lines (tables replaced by a marker), tables and whether images are present, per page."""
    where = Location(path.name)
    try:
        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise ContractReadError("the PDF has no pages", where)
            return [_extract_page(page, n) for n, page in enumerate(pdf.pages, 1)]
    except ContractReadError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise ContractReadError("the PDF is password-protected; save an unprotected copy", where) from e
    except PdfminerException as e:
        cause = e.args[0] if e.args else None
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise ContractReadError(
                "the PDF is password-protected; save an unprotected copy", where
            ) from e
        raise ContractReadError(f"the PDF is damaged or not a PDF ({_reason(e)})", where) from e
    except (PDFSyntaxError, MalformedPDFException, ValueError, KeyError, TypeError) as e:
        raise ContractReadError(f"the PDF is damaged or not a PDF ({_reason(e)})", where) from e


def _reason(e: Exception) -> str:
    inner = e.args[0] if e.args else e
    return f"{type(inner).__name__}: {inner}" if str(inner) else type(inner).__name__


def _extract_page(page: pdfplumber.page.Page, number: int) -> tuple[list[str], list[Table], bool]:
    """Text lines in reading order, with a marker line where each table stands."""
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    outside = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes)) if boxes else page
    lines = [(line["top"], line["text"]) for line in outside.extract_text_lines(return_chars=False)]
    tables = []
    for i, table in enumerate(found):
        rows = tuple(tuple(_cell(c) for c in row) for row in table.extract() if any(row))
        tables.append(Table(page=number, rows=rows))
        lines.append((table.bbox[1], TABLE_MARK.format(i)))
    lines.sort(key=lambda item: item[0])
    return [text for _, text in lines], tables, bool(page.images)


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
    cy = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _cell(value: str | None) -> str:
    return " ".join((value or "").split())


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _strip_running_lines(raw: list[tuple[list[str], list[Table]]]) -> list[Page]:
    """Drop page numbers and the header/footer lines repeated at the top or bottom of pages."""
    edges: Counter[str] = Counter()
    for lines, _ in raw:
        edges.update({_shape(line) for line in lines[:2] + lines[-2:]})
    repeated = {shape for shape, n in edges.items() if len(raw) > 2 and n >= max(2, len(raw) // 2)}
    pages = []
    for number, (lines, tables) in enumerate(raw, 1):
        kept = list(lines)
        for end in (0, -1):
            for _ in range(2):
                if kept and (_shape(kept[end]) in repeated or PAGE_NUMBER.match(kept[end].strip())):
                    kept.pop(end)
        pages.append(Page(number=number, text="\n".join(kept), tables=tuple(tables)))
    return pages


def detect_language(text: str) -> str:
    """'nl' or 'en', by counting common function words."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    nl = sum(w in NL_WORDS for w in words)
    en = sum(w in EN_WORDS for w in words)
    return "en" if en > nl else "nl"
