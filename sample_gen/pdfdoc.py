"""The contract PDF layout (fpdf2): fonts, running header and footer, title page, articles,
signature block and tables. Output is deterministic (fixed creation date and metadata)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
)
LINE = 5.0
FONT = "DejaVu"


def find_font_dir() -> Path | None:
    """A folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf, or None."""
    candidates = list(FONT_DIRS)
    if shutil.which("fc-list"):
        out = subprocess.run(["fc-list", ":family=DejaVu Sans", "file"], capture_output=True,
                             text=True, check=False).stdout
        candidates += [Path(line.split(":")[0]).parent for line in out.splitlines() if line]
    try:
        import matplotlib  # type: ignore[import-not-found]

        candidates.append(Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf")
    except ImportError:
        pass
    for folder in candidates:
        if (folder / "DejaVuSans.ttf").is_file() and (folder / "DejaVuSans-Bold.ttf").is_file():
            return folder
    return None


FONT_DIR = find_font_dir()


def plain(text: str) -> str:
    """Text a core (latin-1) font can show: only used when no Unicode TTF font exists."""
    if FONT_DIR is not None:
        return text
    return text.replace("€", "EUR").replace("–", "-").encode("latin-1", "replace").decode(
        "latin-1")


class ContractPDF(FPDF):
    """An A4 contract: running header from page 2 on, 'Pagina x van y' footer on every page."""

    def __init__(self, header_text: str, lang: str, title: str, author: str) -> None:
        super().__init__(format="A4", unit="mm")
        self.header_text = header_text
        self.doc_lang = lang
        self.font_name = FONT if FONT_DIR is not None else "helvetica"
        if FONT_DIR is not None:
            self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(25, 25, 25)
        self.set_auto_page_break(True, margin=25)
        self.set_creation_date(FIXED_DATE)
        self.set_title(plain(title))
        self.set_author(plain(author))
        self.set_subject(plain(title))
        self.set_creator("Van Dijk Verpakkingen B.V. contractbeheer")
        self.set_producer("sample_gen (fpdf2)")
        self.set_lang("nl-NL" if lang == "nl" else "en-GB")

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(self.font_name, "", 8)
        self.set_y(12)
        self.cell(0, 4, plain(self.header_text), align="L")
        self.line(self.l_margin, 17, self.w - self.r_margin, 17)
        self.set_y(25)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(self.font_name, "", 8)
        word = ("Pagina {p} van {{nb}}" if self.doc_lang == "nl" else "Page {p} of {{nb}}")
        self.cell(0, 4, word.format(p=self.page_no()), align="C")

    def text_block(self, text: str, size: float = 10, bold: bool = False,
                   align: str = "L", gap: float = 2) -> None:
        """A wrapped paragraph followed by a small gap."""
        self.set_font(self.font_name, "B" if bold else "", size)
        self.multi_cell(0, LINE * size / 10, plain(text), align=align,
                        new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def fitting_size(self, text: str, size: float, bold: bool = True) -> float:
        """The largest font size <= `size` at which `text` fits on one line."""
        while size > 8:
            self.set_font(self.font_name, "B" if bold else "", size)
            if self.get_string_width(plain(text)) <= self.epw - 2:
                break
            size -= 0.5
        return size

    def keep_space(self, height: float) -> None:
        """Start a new page when less than `height` mm is left."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()
