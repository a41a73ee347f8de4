"""OCR for pages without a text layer: Tesseract (Dutch + English) on a 300 dpi rendering."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from functools import cache

import pdfplumber

RESOLUTION = 300
LANGUAGES = "nld+eng"
MIN_CONFIDENCE = 60.0  # mean word confidence (0-100) below which a page is not trusted


@dataclass(frozen=True)
class OcrResult:
    """The lines Tesseract read from a page, and its mean word confidence (0-100)."""

    lines: list[str]
    confidence: float


@cache
def available() -> str | None:
    """None when OCR can run here, else why not (shown in the problem)."""
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-nld)"
    try:
        import pytesseract

        missing = {"nld", "eng"} - set(pytesseract.get_languages(config=""))
    except Exception as e:  # the wrapper or the binary does not work
        return f"Tesseract does not run: {e}"
    if missing:
        return f"Tesseract lacks the language data {sorted(missing)} (tesseract-ocr-nld/-eng)"
    return None


def ocr_page(page: pdfplumber.page.Page) -> OcrResult:
    """Render the page and read it; lines in Tesseract's reading order."""
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # threading makes it slower on 2 cores
    image = page.to_image(resolution=RESOLUTION).original
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
