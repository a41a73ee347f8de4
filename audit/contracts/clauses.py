"""Pages -> clauses: every line filed under its heading, with the article and page it starts on.

Headings are found by their numbering grammar (headings.py) checked against the labels before
them (a 4.3 follows a 4.2, a (b) an (a)), and by typography (a larger or bold capital line).
Sections (the contract body, annexes, the signature block) are recognised by their own heading:
boilerplate is a property of a section and ends at the next heading of the same or higher level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audit.contracts import headings as hd
from audit.contracts.agreement_tables import is_agreement_table, row_article, row_statements
from audit.contracts.pagetext import TABLE_LINE, arabic, body_size, join_lines, repeated_lines
from audit.contracts.pagetext import shape as _shape
from audit.contracts.paragraphs import LONG_CLAUSE, split_paragraphs
from audit.models import Clause, ContractDoc, Line, Table

try:  # the layout stage merges a table continued over a page break
    from audit.contracts.tables import continue_table
except ImportError:  # pragma: no cover - older layout stage
    continue_table = None

SIGNATURE_RULE = re.compile(r"[._…]{8,}")
# a note marked by an asterisk: '*Minimum order of 1,000 Units', '** excluding VAT'
NOTE = re.compile(r"(?:^|(?<=\s))(\*{1,3}\s?[^\W\d_][^*]{3,})$")
LEADER = re.compile(r"(?:[._…]\s?){4,}\s*(?:\d+|[ivx]+)$")  # a table-of-contents entry: 'Levering ...... 3'
# Sections that carry numbers but are not special agreements (PRODUCT.md: boilerplate).
BOILERPLATE = re.compile(
    r"algemene\s+(leverings|verkoop|inkoop)?\s*voorwaarden|general\s+(terms|conditions)|"
    r"standard\s+(terms|conditions)|conditions\s+of\s+(sale|purchase|supply)|"
    r"overmacht|force\s+majeure|geheimhouding|confidential|aansprakelijkheid|liabilit|"
    r"toepasselijk\s+recht|governing\s+law|geschillen|disputes|ondertekening|signature|"
    r"\b(?:overwegingen|considerans|preambule)\b",  # the recitals: why, not what is agreed
    re.I,
)
BODY, SIGNATURE = "contract", "signature"
PARTY_LIST = 6  # a numbered list this short before the first heading is the preamble's


@dataclass
class _Node:
    """An open heading: a section (rank 0) or a numbered label inside it."""

    rank: int
    style: str
    number: str  # its own number ('4', 'IV', 'D', 'Bijlage 1'; '' when unnumbered)
    article: str  # its full label ('IV.1', '4(a)')
    title: str
    boilerplate: bool
    value: tuple[int, ...] = ()
    last: dict[str, tuple[int, ...]] = field(default_factory=dict)  # children seen, per style


@dataclass
class _Open:
    """The clause being collected."""

    article: str
    heading: str
    page: int
    section: str
    level: int
    boilerplate: bool
    lines: list[tuple[Line, int]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    table_lines: list[int] = field(default_factory=list)  # lines before each table
    label_x0: float | None = None  # where its label stood: a line back there ends it
    hanging: bool = False  # its continuation lines are indented past the label
    numbered: bool = False
    closing: bool = False  # unnumbered text after an article's sub-clauses
    head: tuple[Line, int] | None = None  # the heading line as written (label and all)
    rest_first: bool = False  # its first line is the heading line's text after the label


def split_clauses(doc: ContractDoc) -> list[Clause]:
    """Split a document into clauses; text before the first heading is the 'preamble'."""
    return _Splitter(doc).run()


class _Splitter:
    """One pass over the document's lines with a stack of open headings."""

    def __init__(self, doc: ContractDoc) -> None:
        self.doc = doc
        self.body_size = body_size(doc)
        section = _Node(hd.SECTION, "body", "", BODY, "", False)
        self.stack: list[_Node] = [section]
        self.saved: list[_Node] | None = None  # the stack before the signature block
        self.current = _Open("preamble", "", 1, BODY, 0, False)
        self.done: list[_Open] = []
        self.seen_body = False  # a title page's large lines before any text are the title
        self.labels = 0
        self.page_started = True
        self.repeated = repeated_lines(doc)
        self.body_headed = False  # a heading (not a bare list number) seen in the body
        self.body: list[_Node] | None = None  # the body's headings while in a section
        self.section_used = False  # the current section holds text or rows

    def run(self) -> list[Clause]:
        for page in self.doc.pages:
            self.page_started = True
            marked = set()
            for line in page.styled_lines():
                text = line.text.strip()
                if m := TABLE_LINE.fullmatch(text):
                    marked.add(int(m.group(1)))
                if text and _shape(text) not in self.repeated:
                    self._line(Line(text, line.x0, line.top, line.size, line.bold), page)
                    self.page_started = self.page_started and bool(TABLE_LINE.fullmatch(text))
            for k, table in enumerate(page.tables):  # a table whose place was not marked
                if k not in marked:  # still reaches a clause: the page's last one
                    self._table(table, page.number)
        self.done.append(self.current)
        opened = [c for c in self.done if c.lines or c.tables]
        return self._finish(opened)

    # --- one line -------------------------------------------------------------------
    def _line(self, line: Line, page) -> None:
        table = TABLE_LINE.fullmatch(line.text)
        if table:
            self._table(page.tables[int(table.group(1))], page.number)
            return
        note = NOTE.search(line.text)
        if self.stack[0].style == SIGNATURE and note and note.start(1) == 0:
            self._note(line, note.group(1), page.number)  # '*Minimum order …' under the names
            return
        if SIGNATURE_RULE.search(line.text) and not LEADER.search(line.text):
            if note and SIGNATURE_RULE.search(line.text[:note.start(1)]):
                rule = line.text[:note.start(1)].rstrip()
                self._signature(Line(rule, line.x0, line.top, line.size, line.bold), page.number)
                self._note(line, note.group(1), page.number)
                return
            self._signature(line, page.number)
            return
        if not LEADER.search(line.text) and self._label(line, page.number):
            return
        if self._typographic(line, page.number):
            return
        if self._dedent(line):
            self._open_paragraph(page.number)
        self.seen_body = True
        self._add(line, page.number)

    def _add(self, line: Line, page: int) -> None:
        self.section_used = True
        c = self.current
        if c.label_x0 is not None and c.lines and line.x0 > c.label_x0 + 4:
            c.hanging = True
        c.lines.append((line, page))

    def _dedent(self, line: Line) -> bool:
        """Back at the label's edge after an indented sub-clause: the sub-clause has ended."""
        c = self.current
        if not (c.numbered and c.hanging and c.lines and c.label_x0 is not None):
            return False
        last = c.lines[-1][0].text
        return abs(line.x0 - c.label_x0) <= 1.5 and last.endswith((".", ";", ":"))

    # --- labels ---------------------------------------------------------------------
    def _label(self, line: Line, page: int) -> bool:
        """Open a clause when the line starts with a label that fits the labels before it."""
        for label in hd.read_labels(line, self.body_size):
            if label.annex:
                if not self.seen_body and not label.title:  # 'Exhibit 10.36': the file's name
                    self._add(line, page)
                    return True
                styled = _styled(line, label.title or label.number, self.body_size)
                plain = not self.body_size  # no typography known (OCR, text only)
                if (label.title or not label.rest) and (styled or plain or self.page_started):
                    self._open_section(label.number, label.title, page, annex=True)
                    self._open(self.stack[-1], label.rest if not label.title else "", line, page)
                    return True
                continue
            if label.rank == hd.CAPITAL and not _styled(line, label.title, self.body_size):
                continue  # 'A. Jansen, directeur': a capital with a dot heads only a heading
            head = self.stack[0]
            if head.style == "heading" and not head.last and not head.boilerplate and \
                    self.section_used and label.title and label.rank <= hd.NUMBERED and self.body:
                self.stack = self.body  # a box ('KEY TERMS') above the articles: back in the body
            placed = self._place(label, _styled(line, label.title, self.body_size))
            if placed is None:
                continue
            parent, node = placed
            self._push(parent, node, label)
            self._open(node, "" if label.title else label.rest, line, page)
            return True
        return False

    def _place(self, label: hd.Label, styled: bool) -> tuple[int, _Node] | None:
        """(index of the parent in the stack, the new node), or None when it does not fit."""
        stack = self.saved if self.stack[0].style == SIGNATURE and self.saved else self.stack
        i = max(k for k, n in enumerate(stack) if n.rank < label.rank)
        if label.style == "dotted":
            i = self._dotted_parent(stack, i, label)
        parent = stack[i]
        last = parent.last.get(label.style)
        # a heading set apart by its type may open with any number (an excerpt, a cover page)
        opens = styled or hd.opens_list(label, parent.number, parent.article)
        if not opens and (last is None or not hd.continues_list(label, last)):
            return None
        article = hd.full_label(label, parent.number, parent.article)
        node = _Node(label.rank, label.style, label.number, article, label.title,
                     parent.boilerplate or bool(BOILERPLATE.search(label.title)), label.value)
        return i, node

    @staticmethod
    def _dotted_parent(stack: list[_Node], i: int, label: hd.Label) -> int:
        """A dotted label's parent is the heading its prefix names (4.2 under 4, D.2 under D)."""
        prefix = label.number.rsplit(".", 1)[0].upper()
        for k in range(i, 0, -1):
            if prefix in (stack[k].number.upper(), stack[k].article.upper()) or (
                    stack[k].value and stack[k].value == label.value[:-1]):  # 4.1 under IV
                return k
        return next(k for k in range(i, -1, -1) if not stack[k].number or stack[k].rank == 0)

    def _push(self, parent_index: int, node: _Node, label: hd.Label) -> None:
        if self.stack[0].style == SIGNATURE and self.saved:
            self.stack, self.saved = self.saved, None  # numbering after the signatures goes on
        body = self.stack[0].style == "body"
        if body and not self.body_headed and (label.title or label.rank == hd.KEYWORD_RANK or (
                parent_index == 0 and self.stack[0].last
                and label.value == label.value[:-1] + (1,))):
            self._merge_preamble()  # a list before the first heading, or one that restarts:
        self.body_headed = self.body_headed or (body and bool(label.title))  # the parties
        if parent_index >= len(self.stack):  # its parent was a list item of the preamble
            parent_index, node.article = 0, hd.full_label(label, "", "")
        del self.stack[parent_index + 1:]
        self.stack[parent_index].last[label.style] = label.value
        self.stack.append(node)
        self.labels += 1

    def _merge_preamble(self) -> None:
        """File the numbered lines since the preamble back into it (a list of the parties)."""
        first = next((k for k, c in enumerate(self.done) if c.article == "preamble"), None)
        since = [*self.done[first + 1:], self.current] if first is not None else []
        if first is None or len(since) > PARTY_LIST or sum(len(_text(c)) for c in since) > 1000 \
                or any(c.section != BODY or c.tables for c in since):
            return  # a long numbered run, a section, a table: the contract's own structure
        preamble = self.done[first]
        for c in [*self.done[first + 1:], self.current]:
            preamble.lines += ([c.head] if c.head else []) + c.lines[int(c.rest_first):]
            preamble.tables += c.tables
        del self.done[first:]
        self.current = preamble
        self.stack[0].last.clear()
        del self.stack[1:]

    def _open(self, node: _Node, first: str, line: Line, page: int) -> None:
        self.done.append(self.current)
        heading = next((n.title for n in reversed(self.stack) if n.title), "")
        self.current = _Open(node.article, heading, page, self.stack[0].article,
                             len(self.stack) - 1, node.boilerplate, label_x0=line.x0,
                             numbered=node.rank > 0, head=(line, page), rest_first=bool(first))
        if first:
            self.current.lines.append((Line(first, line.x0, line.top, line.size, line.bold),
                                       page))
        self.seen_body = True

    # --- sections -------------------------------------------------------------------
    def _open_section(self, label: str, title: str, page: int, annex: bool) -> None:
        if self.stack[0].style == "body":
            self.body = self.stack
        self.section_used = False
        boiler = bool(BOILERPLATE.search(title) or BOILERPLATE.search(label))
        self.stack = [_Node(hd.SECTION, "annex" if annex else "heading", label if annex else "",
                            label or title, title, boiler)]
        self.saved = None
        self.labels += 1

    def _typographic(self, line: Line, page: int) -> bool:
        """An unnumbered heading set larger than the text, or in bold capitals."""
        text = line.text
        if not hd.is_title(text, line, self.body_size) or not self.body_size or not line.size:
            return False
        large = line.size >= self.body_size + 0.9
        caps = line.bold and hd.is_caps(text) and line.size >= self.body_size - 0.3
        if not (large or (caps and self.stack[0].style != "annex")):
            return False
        if not self.seen_body:  # the document's title: part of the preamble
            self._add(line, page)
            return True
        if large:
            self._open_section("", _shorten(text), page, annex=False)
            self._open(self.stack[-1], "", line, page)
        else:
            node = _Node(hd.KEYWORD_RANK, "caps", "", _shorten(text), text,
                         self.stack[0].boilerplate or bool(BOILERPLATE.search(text)))
            del self.stack[1:]
            self.stack.append(node)
            self.labels += 1
            self._open(node, "", line, page)
        return True

    def _signature(self, line: Line, page: int) -> None:
        """A signature rule: the signature block, with the party names set above it."""
        if self.stack[0].style != SIGNATURE:
            moved: list[tuple[Line, int]] = []
            if self.current.closing:  # 'Signed in two counterparts ...' above the names
                moved, self.current.lines = self.current.lines, []
            while self.current.lines and self.current.lines[-1][0].bold:
                moved.insert(0, self.current.lines.pop())
            self.saved = self.stack if self.stack[0].style != SIGNATURE else self.saved
            self.stack = [_Node(hd.SECTION, SIGNATURE, "", SIGNATURE, "", True)]
            self.done.append(self.current)
            self.current = _Open(SIGNATURE, "", moved[0][1] if moved else page, SIGNATURE, 0,
                                 True, lines=moved)
        self.current.lines.append((line, page))

    def _note(self, line: Line, text: str, page: int) -> None:
        """A note marked with an asterisk in the signature block ('*Minimum order of 1,000
        Units'): it belongs to the text that bears the asterisk, so it is contract text of its
        own, not part of the boilerplate signatures."""
        note = _Open("note", "", page, self.stack[0].article, 0, False,
                     lines=[(Line(text, line.x0, line.top, line.size, line.bold), page)])
        self.done.append(note)

    def _open_paragraph(self, page: int) -> None:
        """Text after the last sub-clause belongs to the article above it, not to the sub-clause."""
        parent = self.stack[-2] if len(self.stack) > 1 else self.stack[0]
        del self.stack[self.stack.index(parent) + 1:]
        heading = next((n.title for n in reversed(self.stack) if n.title), "")
        self.done.append(self.current)
        self.current = _Open(parent.article, heading, page, self.stack[0].article,
                             len(self.stack) - 1, parent.boilerplate, closing=True)

    # --- tables ---------------------------------------------------------------------
    def _table(self, table: Table, page: int) -> None:
        self.page_started = False
        if not is_agreement_table(table):
            self._add_table(table, page)
            self.seen_body = True
            return
        node, heading = self.stack[-1], self._heading()
        self.section_used = True
        self.done.append(self.current)
        for k, (label, text) in enumerate(row_statements(table), 1):
            article = row_article(label, node.title or node.article, k)
            self.done.append(_Open(article, heading, table.page, self.stack[0].article,
                                   len(self.stack), node.boilerplate,
                                   lines=[(Line(text), table.page)]))
            self.labels += 1
        self.current = _Open(node.article, heading, page, self.stack[0].article,
                             len(self.stack) - 1, node.boilerplate)

    def _add_table(self, table: Table, page: int) -> None:
        """Attach a table. One continuing the clause's table from the page before opens the
        clause's part on this page, with the header carried over: each row keeps its page."""
        c = self.current
        last = c.tables[-1] if c.tables else None
        first_here = not any(t.page == page for t in c.tables)
        if last is not None and last.page == page - 1 and first_here:
            merged = continue_table(last, table) if continue_table else _continued(last, table)
            if merged is not None:
                rows = (last.rows[0], *merged.rows[len(last.rows):])
                self.done.append(c)
                self.current = _Open(c.article, c.heading, page, c.section, c.level,
                                     c.boilerplate, tables=[Table(page=page, rows=rows)])
                return
        c.tables.append(table)
        c.table_lines.append(len(c.lines))

    def _heading(self) -> str:
        return next((n.title for n in reversed(self.stack) if n.title), "")

    # --- output ---------------------------------------------------------------------
    def _finish(self, opened: list[_Open]) -> list[Clause]:
        if self.labels == 0:  # no structure at all: the paragraphs are the clauses
            return [self._clause(part, f"para {i}")
                    for i, part in enumerate(self._parts(opened, always=True), 1)]
        return [self._clause(part) for part in self._parts(opened)]

    def _parts(self, opened: list[_Open], always: bool = False) -> list[_Open]:
        out = []
        for c in opened:
            if (always or len(_text(c)) > LONG_CLAUSE) and len(c.lines) > 1:
                groups = split_paragraphs(c.lines, always)
                placed = _tables_by_group(c, [len(g) for g in groups])
                out += [_Open(c.article, c.heading, g[0][1], c.section, c.level, c.boilerplate,
                              lines=g, tables=placed[k])
                        for k, g in enumerate(groups)]
            else:
                out.append(c)
        return out

    def _clause(self, c: _Open, article: str = "") -> Clause:
        pages = {p for _, p in c.lines} | {c.page}
        ocr = any(self.doc.pages[p - 1].ocr_confidence is not None
                  for p in pages if 0 < p <= len(self.doc.pages))
        return Clause(doc=self.doc, article=article or c.article, heading=c.heading,
                      text=_text(c), page=c.page, tables=tuple(c.tables),
                      boilerplate=c.boilerplate, ocr=ocr, section=c.section, level=c.level)


def _tables_by_group(c: _Open, sizes: list[int]) -> list[list[Table]]:
    """Each table of a clause split into paragraphs goes to the paragraph it follows (the
    one holding the line before it), not to the last: a quantity table under 'the following
    products:' belongs to that sentence. Without its place, a table goes to the last one."""
    placed: list[list[Table]] = [[] for _ in sizes]
    known = len(c.table_lines) == len(c.tables) and sum(sizes) == len(c.lines)
    ends = [sum(sizes[:k + 1]) for k in range(len(sizes))]
    starts = c.table_lines if known else [len(c.lines)] * len(c.tables)
    for table, before in zip(c.tables, starts, strict=True):
        k = next((k for k, end in enumerate(ends) if before <= end), len(sizes) - 1)
        placed[max(0, k)].append(table)
    return placed


def _text(c: _Open) -> str:
    return join_lines([line.text for line, _ in c.lines])


def _styled(line: Line, title: str, size: float) -> bool:
    return bool(title) and (line.bold or hd.is_caps(title) or (size and line.size > size + 0.4))


def _shorten(title: str) -> str:
    return title if len(title) <= 60 else title[:57].rsplit(" ", 1)[0] + " …"


def _continued(last: Table, table: Table) -> Table | None:
    """The fallback merge: same number of columns, a repeated header row dropped."""
    width = len(table.rows[0]) if table.rows else 0
    if not last.rows or len(last.rows[0]) != width:
        return None
    rows = table.rows[1:] if table.rows[0] == last.rows[0] else table.rows
    return Table(page=last.page, rows=last.rows + rows)


__all__ = ["BOILERPLATE", "arabic", "join_lines", "split_clauses"]
