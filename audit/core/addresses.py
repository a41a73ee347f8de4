"""Addresses typed any way: the postcode and house number they are matched on."""

from __future__ import annotations

import re

import pandas as pd

from audit.models import Address

_SEP = r"[\s,;:/|·\-–—]*"  # what exports put between number and postcode: ', ', ' - ', '  '
_POSTCODE = r"(?P<pc4>[1-9]\d{3})\s?(?P<pc2>[A-Za-z]{2})(?![A-Za-z])"
_NUMBER = r"(?<![\d.,])(?P<nr>\d{1,5})(?!\d)(?:\s?[-/]?\s?(?P<add>[A-Za-z]{1,2})(?![A-Za-z]))?"
# street number first ('Kwelderweg 7 - 9979 XS - Eemshaven'), or the postcode first
# ('9979 XS Eemshaven, Kwelderweg 7', as some exports write it)
NUMBER_THEN_POSTCODE = re.compile(rf"{_NUMBER}{_SEP}{_POSTCODE}")
POSTCODE_THEN_NUMBER = re.compile(
    rf"(?<!\d){_POSTCODE}[\s,]+[A-Za-z'][\w'.\- ]*?[\s,]+[A-Za-z'][\w'.\-]*\s+{_NUMBER}")
ADDRESS = re.compile(
    r"(?P<street>[A-Z][\w'.\-]*(?:\s+[\w'.\-]+){0,3}?)\s+(?P<nr>\d{1,5}(?:\s?[-]?\s?[a-zA-Z]{1,2}\b)?)"
    r"\s*,?\s+(?P<pc>\d{4}\s?[A-Z]{2})\s+(?P<city>'?[A-Za-z][\w'\-]*(?:[ \-][A-Z][\w'\-]*)*)"
)


def parse_address(text: str) -> Address | None:
    """An address written on one line in a contract: 'Industrieweg 12, 5048 AB Tilburg'."""
    m = ADDRESS.search(text or "")
    if not m:
        return None
    pc = m.group("pc").replace(" ", "").upper()
    return Address(m.group("street").strip(), m.group("nr").replace(" ", ""),
                   f"{pc[:4]} {pc[4:]}", m.group("city").rstrip("."))


def typed_address(text: str) -> Address | None:
    """An address as someone typed it (a correction, an export), in capitals or with other
    separators: 'KWELDERWEG 7 - 9979XS - EEMSHAVEN'. Not for contract text, where a loose
    postcode pattern would take '2024C, 1006 DE' for an address."""
    found = parse_address(text)
    k = None if found else NUMBER_THEN_POSTCODE.search(text or "")
    if k is None:
        return found
    street = text[: k.start()].strip(" ,-–").split("\n")[-1].strip()
    city = re.split(r"[,\n·|;]| - ", text[k.end():].strip(" ,-–") + "\n")[0].strip()
    return Address(street, _number(k), f"{k.group('pc4')} {k.group('pc2').upper()}", city)


def key_of(text: str) -> str:
    """'9979 XS|7' for any spelling of the address; '' when no postcode and number are found."""
    m = NUMBER_THEN_POSTCODE.search(text) or POSTCODE_THEN_NUMBER.search(text)
    if m is None:
        return ""
    return f"{m.group('pc4')} {m.group('pc2').upper()}|{_number(m)}"


def _number(m: re.Match[str]) -> str:
    return m.group("nr") + (m.group("add") or "").upper()


def address_keys(addresses: pd.Series) -> pd.Series:
    """(postcode, house number) per address, whatever the spelling of the rest; '' if unreadable."""
    texts = addresses.fillna("").astype(str)
    keys = {t: key_of(t) for t in texts.unique()}  # exports repeat few distinct addresses
    return texts.map(keys).astype(object)


def address_key(address: Address) -> str:
    """The same key for an address read from a contract."""
    pc = address.postcode.replace(" ", "").upper()
    return f"{pc[:4]} {pc[4:]}|{address.house_number.upper()}"
