"""The contract reading cache: a monthly run reads only new or changed PDFs."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from audit.core.messages import dump_params, load_params
from audit.errors import Location, Problem
from audit.models import Address, Clause, ContractDoc, Line, Page, Table, Term, TermValue
from audit.store.tables import ContractCacheRow

log = logging.getLogger(__name__)

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
                          "page": p.location.page if p.location else None, "code": p.code,
                          "params": dump_params(p.params)} for p in problems]}


def _load(path: Path, sha256: str, content: dict[str, Any]) -> Read:
    problems = [Problem(p["stage"], p["message"], Location(path.name, page=p["page"]),
                        p["severity"], p.get("code", ""), load_params(p.get("params", [])))
                for p in content["problems"]]
    if content["pages"] is None:
        return None, problems
    pages = tuple(Page(p["number"], p["text"],
                       tuple(Table(t["page"], tuple(tuple(r) for r in t["rows"]))
                             for t in p["tables"]), p["ocr"],
                       tuple(Line(*ln) for ln in p.get("lines", ())),
                       *p.get("size", (0.0, 0.0))) for p in content["pages"])
    return ContractDoc(path=path, sha256=sha256, pages=pages, language=content["language"]), \
        problems


# --- what the rules read from a cached document -----------------------------------------
# Terms are kept as tagged JSON (never pickle: the database is a file a user can edit); only
# the value types below are rebuilt, anything else makes the entry unreadable and re-read.

_DATACLASSES: dict[str, type] = {"Address": Address, "TermValue": TermValue, "Table": Table}
_TERM_FIELDS = ("customer_id", "rule_id", "confidence", "subject", "override")


class UncacheableTerm(ValueError):
    """A term value of a type the cache does not rebuild: the document is not cached."""


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return {"~": "dec", "v": str(value)}
    if isinstance(value, datetime | date):
        return {"~": "dt" if isinstance(value, datetime) else "date", "v": value.isoformat()}
    if isinstance(value, tuple | list):
        return {"~": "tuple" if isinstance(value, tuple) else "list",
                "v": [_encode(v) for v in value]}
    name = type(value).__name__
    if is_dataclass(value) and _DATACLASSES.get(name) is type(value):
        return {"~": name, "v": {f.name: _encode(getattr(value, f.name)) for f in fields(value)}}
    raise UncacheableTerm(f"a term value of type {name}")


def _decode(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    tag, v = data["~"], data["v"]
    if tag == "dec":
        return Decimal(v)
    if tag in ("date", "dt"):
        return (datetime if tag == "dt" else date).fromisoformat(v)
    if tag in ("tuple", "list"):
        items = [_decode(x) for x in v]
        return tuple(items) if tag == "tuple" else items
    return _DATACLASSES[tag](**{k: _decode(x) for k, x in v.items()})


def dump_terms(terms: list[Term], clauses: list[Clause]) -> dict[str, Any]:
    """The terms of one document, each naming its clause by position (raises UncacheableTerm)."""
    at = {id(c): i for i, c in enumerate(clauses)}
    rows = []
    for t in terms:
        if t.clause.doc is not clauses[0].doc:
            raise UncacheableTerm("a term whose clause is of another document")
        rows.append({**{k: getattr(t, k) for k in _TERM_FIELDS},
                     "clause": at.get(id(t.clause), _clause(t.clause)),
                     "values": _encode(t.values), "valid_from": _encode(t.valid_from),
                     "valid_to": _encode(t.valid_to)})
    return {"terms": rows, "clauses": len(clauses)}


def load_terms(content: dict[str, Any], clauses: list[Clause]) -> list[Term]:
    """The terms dump_terms wrote, on the same clauses (KeyError/TypeError/ValueError if not)."""
    if content["clauses"] != len(clauses):
        raise ValueError("the document splits into other clauses now")
    return [Term(clause=_unclause(r["clause"], clauses), values=_decode(r["values"]),
                 valid_from=_decode(r["valid_from"]), valid_to=_decode(r["valid_to"]),
                 **{k: r[k] for k in _TERM_FIELDS}) for r in content["terms"]]


def _clause(clause: Clause) -> dict[str, Any]:
    """A clause the reader made itself (an article joined from its sub-clauses): in full."""
    return {f.name: _encode(getattr(clause, f.name)) for f in fields(clause) if f.name != "doc"}


def _unclause(data: int | dict[str, Any], clauses: list[Clause]) -> Clause:
    if isinstance(data, int):
        return clauses[data]
    return Clause(doc=clauses[0].doc, **{k: _decode(v) for k, v in data.items()})


class TermCache:
    """What the rules read from a document, by its SHA-256, the customer it is linked to and
    a fingerprint of the rules and the code that reads them (a change re-reads)."""

    def __init__(self, engine: Engine, fingerprint: str):
        self.engine = engine
        self.fingerprint = fingerprint

    def key(self, doc: ContractDoc, customer_id: str) -> str:
        # the text as read too: other reader settings (max_pages, OCR) give other terms
        text = hashlib.sha256("\f".join(p.text for p in doc.pages).encode()).hexdigest()
        # one digest: the key column is VARCHAR(120), which PostgreSQL enforces (SQLite does not)
        parts = f"{doc.sha256}:{customer_id}:{self.fingerprint}:{text}"
        return f"terms:{hashlib.sha256(parts.encode()).hexdigest()}"

    def get(self, doc: ContractDoc, customer_id: str, clauses: list[Clause]) -> list[Term] | None:
        """The cached terms, or None (none cached, or an entry that no longer parses)."""
        with Session(self.engine) as s:
            row = s.get(ContractCacheRow, self.key(doc, customer_id))
            content = None if row is None else row.content
        if content is None:
            return None
        try:
            terms = load_terms(content, clauses)
        except (KeyError, TypeError, ValueError, IndexError, ArithmeticError) as e:
            log.warning("cached terms of %s no longer parse (%s); read again", doc.file, e)
            return None
        return terms

    def put(self, doc: ContractDoc, customer_id: str, clauses: list[Clause],
            terms: list[Term]) -> None:
        """Remember the terms, if every value is one the cache rebuilds exactly."""
        try:
            content = dump_terms(terms, clauses)
        except UncacheableTerm as e:
            log.debug("terms of %s not cached: %s", doc.file, e)
            return
        if load_terms(content, clauses) != terms:  # rebuilt must equal read, or not cached
            return
        key = self.key(doc, customer_id)
        with Session(self.engine) as s, s.begin():
            s.execute(delete(ContractCacheRow).where(ContractCacheRow.key == key))
            s.add(ContractCacheRow(key=key, file=doc.file,
                                   read_at=datetime.now(UTC).replace(tzinfo=None),
                                   content=content))


def rules_fingerprint(rules: dict[str, Any], code: list[Path]) -> str:
    """A hash of the rules (as validated) and of the source files that read terms."""
    h = hashlib.sha256()
    for rule_id in sorted(rules):
        h.update(rule_id.encode())
        h.update(rules[rule_id].model_dump_json().encode())
    for path in code:
        h.update(path.read_bytes())
    return h.hexdigest()[:32]
