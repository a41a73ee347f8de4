"""Price tables: each column's meaning from its header words and its cells' content, then per
row the item code, the net price (or gross less discount) and the price unit."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from audit.core.grammar import decimal_of, euros, money, percents
from audit.models import Clause, Table

# header words per column meaning, Dutch and English, tried in this order ('Nettoprijs' is a
# net price before it is a price; 'Unit price' is a price, not a unit)
HEADERS = (
    ("discount", r"korting|discount|rabat"),
    ("net", r"netto|\bnet\b|\bnett\b|agreed\s+price|afgesproken|contractprijs|contract\s+price"),
    ("gross", r"bruto|gross|list\s*price|lijstprijs|catalog|adviesprijs"),
    ("price", r"prijs|price|tarief|\brate\b|bedrag|amount|\beur\b|€"),
    ("code", r"art(?:ikel)?\.?\s*(?:nr|nummer|no|code)|artikelnr|item|sku|code|part\s*(?:no|number)"
             r"|product\s*(?:no|nr|code)|materiaal\s*nr|bestelnummer|^nr\.?$|^no\.?$|^art\.?$"),
    ("unit", r"eenheid|eenh|verpakking|unit|uom|pack|\bper\b|verkoopeen|colli"),
    ("description", r"omschrijving|description|material|materiaal|product|naam|name|artikel"),
)
# an item code: letters and/or digits with separators, one token ('BT.3120-05', 'A-100',
# 'X7/220'), never a sentence
CODE = re.compile(r"(?=[\w.\-/]*\d)[A-Za-z0-9]+(?:[.\-/_][A-Za-z0-9]+)*")
AMOUNT = re.compile(r"(?:€|eur|usd|\$|£)?\s*\d[\d.,]*(?:,-)?\s*(?:€|eur)?", re.I)
PER_N = re.compile(r"(?:per\s+)?(?P<n>\d+)\s*(?:st\b|stuks|pcs|pieces|pc\b|stk|x\b|st\.)|"
                   r"\bper\s+(?P<m>\d+)\b", re.I)
FOREIGN = re.compile(r"usd|\$|gbp|£|chf", re.I)


# what sets one price column apart from its neighbours of the same kind: a year, a date, a
# quantity range ('Prijs 2026' | 'Prijs 2027'; '1-99 st.' | '100-499 st.' | '500+ st.')
QUALIFIER = re.compile(
    r"(?:(?:geldig\s+)?(?:vanaf|van|per|tot\s+en\s+met|t/m|tot|from|valid\s+from|until|to|up\s+to|"
    r"as\s+of|ingaande|in)\s+)?"
    r"(?:\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\b(?:19|20)\d\d\b|\d[\d.,]*\s*(?:-|–|t/m|tot|to)\s*\d[\d.,]*"
    r"|\d[\d.,]*\s*\+|(?:vanaf|from|≥|>=|>|boven|over|meer\s+dan|more\s+than)\s*\d[\d.,]*"
    r"|\d[\d.,]*\s*(?:en\s+meer|or\s+more|and\s+(?:over|above)))", re.I)
QUANTITY_WORDS = re.compile(r"\b(?:st|stuks?|pcs|pieces|units?|eenheden|stk|x)\b\.?", re.I)


class PriceTable(dict[str, Decimal]):
    """Item -> unit price, remembering the table row or sentence each price was read from and
    the price unit when it is not one sales unit ('per 100 st.' -> 100). `variants`: the items
    whose row holds several prices set apart by a year, date or quantity (the column heads): the
    price for a given order is not one figure, so the item's agreement is one to review."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, str] = {}
        self.price_units: dict[str, int] = {}
        self.variants: dict[str, str] = {}

    def add(self, item: str, price: Decimal, source: str, price_unit: int = 1) -> None:
        if item not in self:
            self[item] = price
            self.sources[item] = source
            if price_unit != 1:
                self.price_units[item] = price_unit


def header_meanings(row: tuple[str, ...]) -> dict[int, str] | None:
    """Column -> meaning when the row is a header row (two or more header words, no amounts)."""
    if any(AMOUNT.fullmatch(c.strip()) for c in row if c.strip()):
        return None
    meanings: dict[int, str] = {}
    for i, cell in enumerate(row):
        words = " ".join(cell.lower().split())
        meaning = next((m for m, p in HEADERS if re.search(p, words)), None)
        if meaning and meaning not in meanings.values():
            meanings[i] = meaning
    return meanings if len(meanings) >= 2 else None


def columns(table: Table, inherited: dict[int, str] | None) -> tuple[dict[int, str], int]:
    """The columns' meanings and the first data row: from the header row, else those of the
    table this one continues; the item-code column is the one whose cells look like codes."""
    header = header_meanings(table.rows[0]) if table.rows else None
    meanings = dict(header or inherited or {})
    body = table.rows[1:] if header else table.rows
    code = _code_column(body)
    if code is not None and meanings.get(code) != "code":
        meanings = {i: m for i, m in meanings.items() if m != "code" and i != code} | {code: "code"}
    if not {"net", "price", "gross"} & set(meanings.values()):
        price = _money_column(body, exclude=set(meanings))
        if price is not None:
            meanings[price] = "price"
    return meanings, 1 if header else 0


def _looks_like_code(cell: str) -> bool:
    """One token of letters and digits with separators, not an amount ('17.82')."""
    return bool(CODE.fullmatch(cell)) and (bool(re.search(r"[A-Za-z]", cell))
                                           or not AMOUNT.fullmatch(cell))


def _code_column(rows: tuple[tuple[str, ...], ...]) -> int | None:
    """The column whose cells are mostly code-like tokens, in any position."""
    best, score = None, 0.5
    for i in range(max((len(r) for r in rows), default=0)):
        cells = [r[i].strip() for r in rows if i < len(r) and r[i].strip()]
        share = sum(map(_looks_like_code, cells)) / len(cells) if cells else 0
        if share > score:
            best, score = i, share
    return best


def _money_column(rows: tuple[tuple[str, ...], ...], exclude: set[int]) -> int | None:
    """The rightmost column whose cells are amounts."""
    width = max((len(r) for r in rows), default=0)
    for i in reversed(range(width)):
        cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
        if i not in exclude and cells and all(cell_amount(c) for c in cells):
            return i
    return None


def cell_amount(cell: str) -> tuple[Decimal, str] | None:
    """(amount, currency) of a price cell: '€ 1.234,56', '1.234,56', 'EUR 1,234.56', '$ 4.50';
    a bare number with decimals is taken as euros (the header decides the currency)."""
    cell = " ".join(cell.split())
    found = money(cell)
    if found:
        return found[0].amount, found[0].currency
    if re.fullmatch(r"\d[\d.,\u00a0]*(?:,-)?", cell) and re.search(r"[.,]", cell):
        value = decimal_of(cell)
        return (value, "EUR") if value is not None else None
    return None


def price_unit(*cells: str) -> int:
    """The number of sales units a price is for: 'per 100 st.', '100 pcs', 'per 100' -> 100."""
    for cell in cells:
        if m := PER_N.search(cell or ""):
            n = int(m.group("n") or m.group("m"))
            if n > 1:
                return n
    return 1


def read_table_prices(tables: tuple[Table, ...], prices: PriceTable) -> None:
    """Add every row with an item code and a euro price; a table without a header row keeps
    the columns of the table before it (a continuation over a page break)."""
    meanings: dict[int, str] | None = None
    header: tuple[str, ...] = ()
    variants: list[int] = []
    for table in tables:
        if not table.rows:
            continue
        if (found := variant_columns(table.rows[0])) or header_meanings(table.rows[0]):
            variants = found  # a new header: its own variants, or none
        meanings, first = columns(table, None if variants else meanings)
        if found:  # a header of variants is a header, though its heads name no meaning
            first = 1
        header = table.rows[0] if first else header
        if any(FOREIGN.search(h) for h in header):
            continue  # prices in another currency are never read as euros
        if variants:
            meanings = {i: m for i, m in meanings.items() if m not in ("net", "price", "gross")
                        and i not in variants} | {variants[0]: "price"}
        # a variant's head ('1-99 st.') tells the columns apart, it is no price unit
        heads = [header[i] for i in meanings if i < len(header) and i not in variants]
        for row in table.rows[first:]:
            read = _row_price(row, meanings)
            if read:
                item, price, unit_cells = read
                prices.add(item, price, " | ".join(row), price_unit(*unit_cells, *heads))
                if variants:
                    prices.variants.setdefault(item, " | ".join(
                        f"{header[i].strip()}: {row[i].strip()}" for i in variants
                        if i < len(row) and i < len(header)))


PRICE_WORDS = re.compile("|".join(p for m, p in HEADERS if m in ("price", "net")))


def variant_columns(header: tuple[str, ...]) -> list[int]:
    """The columns of one price told apart by a year, date or quantity in their heads (two or
    more): 'Prijs 2026' | 'Prijs 2027', '1-99 st.' | '100+ st.'; what remains of each head
    beside that is empty or a price word, and the same for all of them."""
    found: dict[int, str] = {}
    for i, cell in enumerate(header):
        words = " ".join(cell.lower().split())
        if not QUALIFIER.search(words) or AMOUNT.fullmatch(words):
            continue
        rest = " ".join(QUANTITY_WORDS.sub(" ", QUALIFIER.sub(" ", words)).split()).strip(" .:/-–")
        if not rest or PRICE_WORDS.search(rest):
            found[i] = rest
    return sorted(found) if len(found) >= 2 and len(set(found.values())) == 1 else []


def _row_price(row: tuple[str, ...], meanings: dict[int, str]
               ) -> tuple[str, Decimal, list[str]] | None:
    """(item, euro net price, cells that may state the price unit) of one row."""
    cell = {m: row[i].strip() for i, m in meanings.items() if i < len(row)}
    item = cell.get("code", "")
    if not CODE.fullmatch(item):
        return None
    price = None
    for meaning in ("net", "price"):
        if (found := cell_amount(cell.get(meaning, ""))) is not None:
            price = found
            break
    if price is None:
        price = _gross_less_discount(cell.get("gross", ""), cell.get("discount", ""))
    if price is None or price[1] != "EUR":
        return None  # another currency is never read as euros
    units = [cell.get(m, "") for m in ("unit", "net", "price", "gross")]
    return item, price[0], units


def _gross_less_discount(gross: str, discount: str) -> tuple[Decimal, str] | None:
    """Gross x (1 - discount), to the cent."""
    amount = cell_amount(gross)
    if amount is None:
        return None
    pct = percents(discount) or percents(discount + "%")
    rate = pct[0].value if pct else Decimal(0)
    net = (amount[0] * (1 - rate / 100)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return net, amount[1]


ITEM_IN_TEXT = re.compile(r"\b([A-Z]{1,4}[-.]?\d{2,6}(?:[-.]\d{1,4})?[A-Z]?)\b")


def read_text_prices(clause: Clause, lang: str, prices: PriceTable) -> None:
    """'De prijs voor artikel A-100 bedraagt € 12,50 per stuk': one item and one euro amount in
    a sentence."""
    for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z])", clause.text):
        items = ITEM_IN_TEXT.findall(sentence)
        amounts = euros(sentence, lang)
        if len(items) == 1 and len(amounts) == 1:
            rest = sentence[amounts[0].end:amounts[0].end + 20]
            prices.add(items[0], amounts[0].amount, sentence, price_unit(rest))


def read_price_table(clause: Clause, lang: str) -> PriceTable | None:
    """Item -> unit price, from the clause's tables or from 'artikel A-100 ... € 12,50' text."""
    prices = PriceTable()
    read_table_prices(clause.tables, prices)
    read_text_prices(clause, lang, prices)
    return prices or None


PERCENT_HEADER = re.compile(r"%|procent|percent|bonus|rebate|korting|discount|staffel", re.I)


def table_tiers(tables: tuple[Table, ...]) -> list[tuple[Decimal, Decimal]]:
    """Rebate tiers from a small table: per row, the first amount (a range's lower bound) and
    the percentage, written with '%' or in a column whose header says so ('Bonus %')."""
    tiers = []
    for table in tables:
        header = table.rows[0] if table.rows else ()
        pct_col = next((i for i, h in enumerate(header) if PERCENT_HEADER.search(h)
                        and not cell_amount(h)), None)
        for row in table.rows:
            pct = next((p[0].value for c in row if (p := percents(c))), None)
            if pct is None and pct_col is not None and pct_col < len(row) and row is not header:
                pct = decimal_of(row[pct_col]) if re.fullmatch(r"\s*\d+(?:[.,]\d+)?\s*",
                                                               row[pct_col]) else None
            cells = [c for i, c in enumerate(row) if i != pct_col and not percents(c)]
            threshold = next((a for c in cells if (a := _threshold(c)) is not None), None)
            if pct is not None and threshold is not None:
                tiers.append((threshold, pct))
    return tiers


def _threshold(cell: str) -> Decimal | None:
    """A tier's lower bound in euros: '€ 100.000 - € 250.000' -> 100000; 'vanaf 250.000'."""
    found = money(cell)
    if found:
        return found[0].amount if found[0].currency == "EUR" else None
    m = re.search(r"\d[\d.,]*", cell)
    return decimal_of(m.group(0)) if m else None
