"""What encoding a file that is not UTF-8 most likely is, for the message that refuses it.

Two small tests on the bytes, no language model: UTF-16 (a byte-order mark, or one byte of every
pair taking only a few values: NUL for ASCII letters, 0x04 for Cyrillic ones), and, for a single-byte encoding, Cyrillic
(Windows-1251: most letters are bytes 0xC0-0xFF, whole words of them) against Western European
(Latin-1 and Windows-1252: an accented letter here and there inside words of ASCII letters, or
alone, as French "à").
Windows-1252 is told from Latin-1 by the bytes 0x80-0x9F, which are printable there (curly
quotes, dashes, the euro sign) and control characters in Latin-1. The names are iconv's.
"""

from __future__ import annotations

import re

LABELS = {
    "UTF-32": "UTF-32",
    "UTF-16": "UTF-16",
    "UTF-16LE": "UTF-16 (little-endian, no byte-order mark)",
    "UTF-16BE": "UTF-16 (big-endian, no byte-order mark)",
    "CP1251": "Windows-1251 (Cyrillic)",
    "CP1252": "Windows-1252 (Western European)",
    "LATIN1": "Latin-1 (ISO-8859-1, Western European)",
}
_SAMPLE = 1 << 16  # bytes looked at: the opening of the file says enough


def guess(data: bytes) -> str:
    """The encoding bytes that are not UTF-8 most likely are, by iconv's name: "UTF-32",
    "UTF-16", "UTF-16LE", "UTF-16BE", "CP1251", "CP1252" or "LATIN1"."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    return utf16(data) or single_byte(data)


def utf16(data: bytes) -> str | None:
    """ "UTF-16" (a byte-order mark), "UTF-16LE" or "UTF-16BE" (none: one byte of every pair,
    the high one, takes two or three values, as the letters of one script make it: NUL for
    ASCII, 0x04 for Cyrillic), or None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[:_SAMPLE]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    even, odd = _top_share(sample[0::2]), _top_share(sample[1::2])
    if max(even, odd) < 0.9 or min(even, odd) > 0.6:
        return None
    name = "UTF-16LE" if odd > even else "UTF-16BE"
    try:
        text = sample.decode(name.lower().replace("utf-16", "utf-16-"))
    except UnicodeDecodeError:
        return None
    printable = sum(c.isprintable() or c in "\t\r\n" for c in text)
    return name if printable >= 0.95 * len(text) else None


def _top_share(data: bytes) -> float:
    """The share of the bytes that are one of their three most common values."""
    counts = sorted((data.count(b) for b in set(data)), reverse=True)
    return sum(counts[:3]) / len(data)


def single_byte(data: bytes) -> str:
    """The single-byte encoding the bytes most likely are: "CP1251", "CP1252" or "LATIN1"."""
    sample = data[:_SAMPLE]
    words = re.findall(rb"[A-Za-z\xc0-\xff]+", sample)
    high = [w for w in words if re.search(rb"[\xc0-\xff]", w)]
    # Cyrillic words are all high bytes ("\xcc\xe8\xed\xf1\xea" is Minsk); a Western accented
    # letter sits among ASCII ones ("minist\xe8re"). A word of one letter says neither: "\xe0"
    # is French "à" as often as Russian "а"
    cyrillic = sum(len(w) > 1 and not re.search(rb"[A-Za-z]", w) for w in high)
    western = sum(bool(re.search(rb"[A-Za-z]", w)) for w in high)
    if cyrillic > western:
        return "CP1251"
    return "CP1252" if re.search(rb"[\x80-\x9f]", sample) else "LATIN1"
