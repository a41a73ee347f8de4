"""The contract reading cache: a monthly run reads only new or changed PDFs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from audit.errors import Location, Problem
from audit.models import ContractDoc, Line, Page, Table
from audit.store.tables import ContractCacheRow

Read = tuple[ContractDoc | None, list[Problem]]


class ContractCache:
    """Reading results by the PDF's SHA-256 and the reader's settings (a change re-reads)."""

    def __init__(self, engine: Engine, settings: str):
        self.engine = engine
        self.settings = settings

    def key(self, sha256: str) -> str:
        return f"{sha256}:{self.settings}"

    def get(self, path: Path, sha256: str) -> Read | None:
        """The cached result for this content, or None."""
        with Session(self.engine) as s:
            row = s.get(ContractCacheRow, self.key(sha256))
            return None if row is None else _load(path, sha256, row.content)

    def put(self, path: Path, sha256: str, result: Read) -> None:
        """Remember a reading result (a document that could not be read too)."""
        with Session(self.engine) as s, s.begin():
            s.execute(delete(ContractCacheRow).where(ContractCacheRow.key == self.key(sha256)))
            s.add(ContractCacheRow(key=self.key(sha256), file=path.name,
                                   read_at=datetime.now(UTC).replace(tzinfo=None),
                                   content=_dump(result)))


def _dump(result: Read) -> dict[str, Any]:
    doc, problems = result
    pages = None if doc is None else [
        {"number": p.number, "text": p.text, "ocr": p.ocr_confidence,
         "tables": [{"page": t.page, "rows": [list(r) for r in t.rows]} for t in p.tables],
         "lines": [[ln.text, ln.x0, ln.top, ln.size, ln.bold] for ln in p.lines],
         "size": [p.width, p.height]}
        for p in doc.pages]
    return {"language": doc.language if doc else None, "pages": pages,
            "problems": [{"stage": p.stage, "message": p.message, "severity": p.severity,
                          "page": p.location.page if p.location else None} for p in problems]}


def _load(path: Path, sha256: str, content: dict[str, Any]) -> Read:
    problems = [Problem(p["stage"], p["message"], Location(path.name, page=p["page"]),
                        p["severity"]) for p in content["problems"]]
    if content["pages"] is None:
        return None, problems
    pages = tuple(Page(p["number"], p["text"],
                       tuple(Table(t["page"], tuple(tuple(r) for r in t["rows"]))
                             for t in p["tables"]), p["ocr"],
                       tuple(Line(*ln) for ln in p.get("lines", ())),
                       *p.get("size", (0.0, 0.0))) for p in content["pages"])
    return ContractDoc(path=path, sha256=sha256, pages=pages, language=content["language"]), \
        problems
