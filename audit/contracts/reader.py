"""PDF -> pages of text lines (running header/footer removed) and tables, with pdfplumber."""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from audit.contracts import ocr
from audit.contracts.pagetext import TABLE_MARK
from audit.core.messages import msg
from audit.errors import ContractReadError, Location, Problem
from audit.models import ContractDoc, Line, Page, Table

if TYPE_CHECKING:
    import pdfplumber

__all__ = ["TABLE_MARK", "ReadLimits", "detect_language", "read_pdf"]

PAGE_NUMBER = re.compile(r"^(pagina|page|blz\.?|p\.)?\s*\d+\s*((van|of|/)\s*\d+)?$", re.I)
NL_WORDS = {"de", "het", "een", "van", "en", "wordt", "binnen", "na", "voor", "deze", "overeenkomst"}
EN_WORDS = {"the", "a", "of", "and", "shall", "within", "after", "for", "this", "agreement", "is"}


READER_VERSION = 6  # bump when reading changes what a PDF yields: cached readings are redone


@dataclass(frozen=True)
class ReadLimits:
    """Limits per document: pages read, OCR on or off."""

    max_pages: int = 300
    ocr: bool = True

    @property
    def settings(self) -> str:
        """What, besides the PDF's content, decides what reading yields (the cache key)."""
        return f"r{READER_VERSION}-p{self.max_pages}-o{int(self.ocr)}"


def read_pdf(path: Path, limits: ReadLimits = ReadLimits()) -> tuple[ContractDoc | None,
                                                                    list[Problem]]:
    """Read one contract PDF; a document that cannot be read is a Problem, not an exception."""
    raw, problems = read_part(path, limits)
    return (None, problems) if raw is None else assemble(path, raw, problems)


CHUNK = 8  # pages a reader takes at a time when one document is spread over several


def read_part(path: Path, limits: ReadLimits = ReadLimits(), part: int = 0,
              parts: int = 1) -> tuple[dict[int, RawPage] | None, list[Problem]]:
    """The raw pages (by number) of one part of a PDF: chunks of CHUNK pages, every parts-th
    from the part-th, so several readers share one long document; None if it cannot be read."""
    try:
        data = path.read_bytes()
        if not data.strip():
            raise ContractReadError.of("contracts.file_empty", Location(path.name))
        return _extract(path, limits, part, parts)
    except ContractReadError as e:
        return None, [Problem.from_error("contracts", e)]
    except OSError as e:
        return None, [Problem.of("contracts", "contracts.cannot_open", Location(str(path)),
                                 reason=e.strerror)]


def assemble(path: Path, raw: dict[int, RawPage], problems: list[Problem]) -> tuple[
        ContractDoc | None, list[Problem]]:
    """The document from all its raw pages (read at once or in parts): running lines removed
    over the whole document, its language, its hash."""
    data = path.read_bytes()
    pages = _strip_running_lines([raw[n] for n in sorted(raw)])
    if not any(p.text.strip() for p in pages):
        problems.append(Problem.of("contracts", "contracts.no_text", Location(path.name)))
        return None, problems
    text = "\n".join(p.text for p in pages)
    doc = ContractDoc(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=tuple(pages),
        language=detect_language(text),
    )
    return doc, problems


# lines, tables, OCR confidence, (width, height)
RawPage = tuple[list[Line], list[Table], float | None, tuple[float, float]]


def _extract(path: Path, limits: ReadLimits, part: int = 0,
             parts: int = 1) -> tuple[dict[int, RawPage], list[Problem]]:
    """Lines (tables replaced by a marker) and tables per page; OCR where there is no text."""
    # pdfplumber (and pdfminer) only where a PDF is read: a run from the cache never loads them
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    from audit.contracts.layout import page_lines

    # pdfminer's font warnings ('Could not get FontBBox from font descriptor', once per
    # glyph run) say nothing about the text read, and a real contract printed hundreds of
    # them; what does affect the reading comes back as a Problem naming the page
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    where = Location(path.name)
    try:
        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise ContractReadError.of("contracts.no_pages", where)
            problems = []
            if part == 0 and len(pdf.pages) > limits.max_pages:  # said once
                problems.append(Problem.of("contracts", "contracts.max_pages", where, "warning",
                                           pages=len(pdf.pages), max_pages=limits.max_pages))
            raw = {}
            for n, page in enumerate(pdf.pages[: limits.max_pages], 1):
                if (n - 1) // CHUNK % parts != part:
                    continue  # another reader's pages
                lines, tables = page_lines(page, n)
                confidence = None
                if not lines and page.images:
                    texts, confidence, problem = _ocr(page, path.name, n, limits)
                    lines = [Line(t) for t in texts]
                    problems += [problem] if problem else []
                raw[n] = (lines, tables, confidence, (float(page.width), float(page.height)))
                page.close()  # frees the page's cached layout: memory stays flat on long PDFs
            return raw, problems
    except ContractReadError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise ContractReadError.of("contracts.password", where) from e
    except PdfminerException as e:
        cause = e.args[0] if e.args else None
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise ContractReadError.of("contracts.password", where) from e
        raise ContractReadError.of("contracts.damaged", where, reason=_reason(e)) from e
    except (PDFSyntaxError, MalformedPDFException, ValueError, KeyError, TypeError,
            AssertionError, IndexError, AttributeError, RecursionError) as e:
        raise ContractReadError.of("contracts.damaged", where, reason=_reason(e)) from e


def _ocr(page: pdfplumber.page.Page, file: str, number: int,
         limits: ReadLimits) -> tuple[list[str], float | None, Problem | None]:
    """OCR one image-only page; unreadable (no OCR, or too unsure) is a problem, not a guess."""
    where = Location(file, page=number)
    why = msg("contracts.ocr_off") if not limits.ocr else ocr.available()
    if why:
        return [], None, Problem.of("contracts", "contracts.no_text_layer", where, why=why)
    result = ocr.ocr_page(page)
    if result.confidence < ocr.MIN_CONFIDENCE or not result.lines:
        return [], None, Problem.of("contracts", "contracts.ocr_unsure", where,
                                    confidence=f"{result.confidence:.0f}",
                                    minimum=f"{ocr.MIN_CONFIDENCE:.0f}")
    return result.lines, result.confidence, Problem.of(
        "contracts", "contracts.read_by_ocr", where, "warning",
        confidence=f"{result.confidence:.0f}")


def _reason(e: Exception) -> str:
    inner = e.args[0] if e.args else e
    return f"{type(inner).__name__}: {inner}" if str(inner) else type(inner).__name__


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _strip_running_lines(raw: list[RawPage]) -> list[Page]:
    """Drop page numbers and the header/footer lines repeated at the top or bottom of pages."""
    edges: Counter[str] = Counter()
    for lines, _, _, _ in raw:
        edges.update({_shape(line.text) for line in lines[:2] + lines[-2:]})
    repeated = {shape for shape, n in edges.items() if len(raw) > 2 and n >= max(2, len(raw) // 2)}
    pages = []
    for number, (lines, tables, confidence, size) in enumerate(raw, 1):
        kept = list(lines)
        for end in (0, -1):
            for _ in range(2):
                if kept and (_shape(kept[end].text) in repeated
                             or PAGE_NUMBER.match(kept[end].text.strip())):
                    kept.pop(end)
        pages.append(Page(number=number, text="\n".join(line.text for line in kept),
                          tables=tuple(tables), ocr_confidence=confidence, lines=tuple(kept),
                          width=size[0], height=size[1]))
    return pages


def detect_language(text: str) -> str:
    """'nl' or 'en', by counting common function words."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    nl = sum(w in NL_WORDS for w in words)
    en = sum(w in EN_WORDS for w in words)
    return "en" if en > nl else "nl"
