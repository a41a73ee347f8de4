"""OCR for pages without a text layer: Tesseract (Dutch + English) on a 300 dpi rendering."""

from __future__ import annotations

import math
import os
import shutil
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from audit.core.messages import Msg, msg

if TYPE_CHECKING:  # pdfplumber is imported where pages are read, not at start-up
    import pdfplumber

RESOLUTION = 300
LANGUAGES = "nld+eng"
MIN_CONFIDENCE = 60.0  # mean word confidence (0-100) below which a page is not trusted
MIN_RESOLUTION = 30  # below this a page capped for its size cannot be read: not rendered at all
_max_pixels = 40_000_000  # per rendered page; set per reader process by set_max_pixels


@dataclass(frozen=True)
class OcrResult:
    """The lines Tesseract read from a page, and its mean word confidence (0-100)."""

    lines: list[str]
    confidence: float


@cache
def available() -> Msg | None:
    """None when OCR can run here, else why not (shown in the problem)."""
    if shutil.which("tesseract") is None:
        return msg("contracts.no_tesseract")
    try:
        import pytesseract

        missing = {"nld", "eng"} - set(pytesseract.get_languages(config=""))
    except Exception as e:  # the wrapper or the binary does not work
        return msg("contracts.tesseract_fails", error=e)
    if missing:
        return msg("contracts.tesseract_languages", missing=str(sorted(missing)))
    return None


def set_max_pixels(pixels: int) -> None:
    """The pixel cap of one rendered page in this process (limits.ocr_max_pixels)."""
    global _max_pixels
    _max_pixels = pixels


def resolution_for(width_pt: float, height_pt: float, max_pixels: int | None = None) -> float:
    """300 dpi, lowered so the rendering stays within the pixel cap: a 673-byte PDF can declare
    a page of 5 x 5 metres, whose 300 dpi rendering would take gigabytes."""
    cap = max_pixels or _max_pixels
    pixels = (width_pt / 72 * RESOLUTION) * (height_pt / 72 * RESOLUTION)
    return RESOLUTION if pixels <= cap else RESOLUTION * math.sqrt(cap / pixels)


def ocr_page(page: pdfplumber.page.Page) -> OcrResult:
    """Render the page (within the pixel cap) and read it; lines in Tesseract's reading order."""
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # threading makes it slower on 2 cores
    resolution = resolution_for(float(page.width), float(page.height))
    if resolution < MIN_RESOLUTION:
        return OcrResult([], 0.0)  # too big to render readably within the cap: a problem
    image = page.to_image(resolution=resolution).original
    data = pytesseract.image_to_data(image, lang=LANGUAGES, config="--psm 3",
                                     output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences = []
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if word.strip() and conf >= 0:
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            lines.setdefault(key, []).append(word)
            confidences.append(conf)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrResult([" ".join(words) for _, words in sorted(lines.items())], mean)
