"""Hostile inputs made on the spot: tiny PDFs that ask for gigabytes, thousands of pages or deep
nesting, and a sparse 1 GB export. Written by hand (raw PDF objects) so nothing here resembles
a real contract."""

from __future__ import annotations

import zlib
from pathlib import Path


def raw_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of the given objects (1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def huge_image_page(path: Path) -> Path:
    """One 5 x 5 m page holding only an image: no text, so it goes to OCR (3.6 Gpx at 300 dpi)."""
    content = b"q 14400 0 0 14400 0 0 cm /Im0 Do Q"
    return raw_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] "
        b"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        stream(b"\x80", b"/Type /XObject /Subtype /Image /Width 1 /Height 1 "
                        b"/ColorSpace /DeviceGray /BitsPerComponent 8"),
    ])


def decompression_bomb(path: Path, megabytes: int = 768) -> Path:
    """A page whose ~1 MB content stream inflates to `megabytes` of spaces."""
    packer, block = zlib.compressobj(9), b" " * (1 << 20)
    data = b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()
    return raw_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(data, b"/Filter /FlateDecode"),
    ])


def many_pages(path: Path, pages: int = 5000) -> Path:
    """Thousands of empty pages sharing one content stream."""
    first = 4
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
    return raw_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        stream(b""),
        *([page] * pages),
    ])


def deep_nesting(path: Path, depth: int = 100_000) -> Path:
    """A page whose resources nest arrays `depth` deep, and a content stream nesting as deep."""
    nested = b"[" * depth + b"]" * depth
    return raw_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Deep " + nested + b" >> >>",
        stream(nested + b" pop"),
    ])


def sparse_export(path: Path, header: str, size: int = 1 << 30) -> Path:
    """A CSV of `size` bytes that costs no disk: the header, then a hole."""
    with path.open("wb") as f:
        f.write(header.encode("utf-8") + b"\n")
        f.truncate(size)
    return path
