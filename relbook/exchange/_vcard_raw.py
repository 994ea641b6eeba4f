"""Byte-level vCard text: cards cut out of a file, vCard 2.1 quirks undone, lines folded."""

import base64
import binascii
import codecs
import re
import unicodedata
from contextlib import suppress
from dataclasses import dataclass, field

# Properties whose commas separate values (or components); in every other one a comma is text.
LIST_PROPERTIES = frozenset({"N", "ADR", "ORG", "CATEGORIES", "NICKNAME", "GENDER"})
# Binary properties kept out of vobject: it decodes them while parsing and bad base64 stops it.
BINARY_PROPERTIES = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_CHINESE_CHARSETS = frozenset({"GB2312", "GBK", "GB18030", "CP936", "EUC-CN", "X-GBK"})
_FALLBACK_ENCODINGS = ("utf-8", "gb18030", "cp1252", "latin-1")
"""For a value without a CHARSET in a file of no given encoding: phones write UTF-8, Chinese
Windows programs ("ANSI") GB18030, Western ones Windows-1252; Latin-1 reads any byte."""


@dataclass(slots=True)
class RawLine:
    """One logical content line: its head split up, its value still in the file's bytes."""

    number: int
    group: str
    name: str
    tokens: list[str]
    value: bytes
    head: bytes = b""
    """The head as written (group, name, parameters): lines with the same head share tokens."""
    quoted_printable: bool = False
    charset: str | None = None
    """The CHARSET parameter, None without one."""

    def param(self, key: str) -> str | None:
        """The value of parameter ``key`` (upper case), None if absent."""
        prefix = key + "="
        for token in self.tokens:
            if token.upper().startswith(prefix):
                return token[len(prefix) :].strip('"')
        return None

    def has_flag(self, flag: str) -> bool:
        """True for ``;FLAG`` (vCard 2.1 bare value) or ``ENCODING=FLAG`` / ``TYPE=...FLAG...``."""
        flag = flag.upper()
        for token in self.tokens:
            _, _, value = token.upper().rpartition("=")
            if flag in (v.strip('"') for v in value.split(",")):
                return True
        return False


@dataclass
class RawCard:
    """The lines between BEGIN:VCARD and END:VCARD; ``line`` is where BEGIN stood (1-based)."""

    number: int
    line: int
    lines: list[RawLine] = field(default_factory=list)
    truncated: bool = False
    skipped: int = 0

    @property
    def version(self) -> str:
        found = next((x for x in self.lines if x.name == "VERSION"), None)
        return found.value.decode("ascii", "replace").strip() if found else "3.0"


def _physical_lines(data: bytes) -> list[bytes]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", "replace").encode("utf-8")
    elif data[:12].upper() in (
        "BEGIN:VCARD".encode("utf-16-le")[:12],
        b"\x00B\x00E\x00G\x00I\x00N\x00:",
    ):
        # UTF-16 without its BOM (a few Windows tools): the marker's bytes give it away
        big = data[:1] == b"\x00"
        data = data.decode("utf-16-be" if big else "utf-16-le", "replace").encode("utf-8")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")


def _is_marker(line: bytes) -> bool:
    upper = line.strip().upper()
    return upper in (b"BEGIN:VCARD", b"END:VCARD")


def _logical_lines(data: bytes) -> list[tuple[int, bytes]]:
    """Unfold RFC continuations and quoted-printable soft breaks, at the byte level.

    Working on bytes means a multi-byte character split by either kind of fold is whole again
    before anything is decoded.
    """
    result: list[tuple[int, bytearray]] = []
    soft_break = False
    for number, line in enumerate(_physical_lines(data), start=1):
        if soft_break and not _is_marker(line):
            result[-1][1][-1:] = line
        elif line[:1] in (b" ", b"\t") and result and line.strip():
            result[-1][1].extend(line[1:])
        elif line.strip():
            result.append((number, bytearray(line)))
        else:
            soft_break = False
            continue
        current = result[-1][1]
        soft_break = current.endswith(b"=") and b"QUOTED-PRINTABLE" in _head(current).upper()
    return [(number, bytes(line)) for number, line in result]


def _split_outside_quotes(text: bytes, separator: bytes, limit: int = -1) -> list[bytes]:
    if b'"' not in text:  # nearly every line: no quoted parameter value to step over
        return text.split(separator, limit)
    parts: list[bytes] = []
    start = 0
    quoted = False
    for index in range(len(text)):
        char = text[index : index + 1]
        if char == b'"':
            quoted = not quoted
        elif char == separator and not quoted and limit != 0:
            parts.append(text[start:index])
            start = index + 1
            limit -= 1
    parts.append(text[start:])
    return parts


def _head(line: bytes | bytearray) -> bytes:
    return _split_outside_quotes(bytes(line), b":", 1)[0]


_NAME = re.compile(r"[A-Za-z0-9_-]+")


_Head = tuple[str, str, list[str], bool, str | None] | None
"""A head's group, name, parameter tokens, quoted-printable flag and CHARSET; None when it
names no property."""


def _parse_line(number: int, line: bytes, heads: dict[bytes, _Head]) -> RawLine | None:
    """The line split up; ``heads`` keeps each head already read (a file repeats a few)."""
    parts = line.split(b":", 1) if b'"' not in line else _split_outside_quotes(line, b":", 1)
    if len(parts) < 2:
        return None
    head = parts[0]
    if head in heads:
        known = heads[head]
    else:
        known = heads[head] = _parse_head(head)
    if known is None:
        return None
    return RawLine(number, *known[:3], parts[1], head, *known[3:])


def _parse_head(head: bytes) -> _Head:
    if b'"' in head:
        pieces = _split_outside_quotes(head, b";")
        tokens = [t.decode("utf-8", "replace").strip() for t in pieces]
    else:  # the same tokens: a ";" is never part of a UTF-8 sequence, damaged or not
        tokens = [t.strip() for t in head.decode("utf-8", "replace").split(";")]
    group, _, name = tokens[0].rpartition(".")
    if not _NAME.fullmatch(name):
        return None
    line = RawLine(0, group, name.upper().replace("_", "-"), tokens[1:], b"")
    quoted = bool(line.tokens) and line.has_flag("QUOTED-PRINTABLE")
    return line.group, line.name, line.tokens, quoted, line.param("CHARSET")


def read_cards(data: bytes) -> list[RawCard]:
    """Every card in the file, in order; a card cut off by the end of the file is truncated."""
    cards: list[RawCard] = []
    current: RawCard | None = None
    heads: dict[bytes, _Head] = {}
    for number, line in _logical_lines(data):
        marker = line.strip()
        if len(marker) in (9, 11):  # the length of END:VCARD or of BEGIN:VCARD
            marker = marker.upper()
        if marker == b"BEGIN:VCARD":
            if current is not None:
                current.truncated = True
            current = RawCard(len(cards) + 1, number)
            cards.append(current)
        elif marker == b"END:VCARD":
            current = None
        elif current is not None:
            parsed = _parse_line(number, line, heads)
            if parsed is None:
                current.skipped += 1
            else:
                current.lines.append(parsed)
    if current is not None:
        current.truncated = True
    return cards


def _decode_with(raw: bytes, charset: str) -> str:
    name = "gb18030" if charset.upper() in _CHINESE_CHARSETS else charset
    return raw.decode(name)


def decode_value(line: RawLine, encoding: str | None) -> str:
    """The value as text: quoted-printable undone, then decoded in its CHARSET or the file's."""
    raw = binascii.a2b_qp(line.value) if line.quoted_printable else line.value
    charset = line.charset
    if charset is None and encoding is None:
        with suppress(UnicodeDecodeError):
            return raw.decode("utf-8")  # the first of the fallbacks, and nearly always right
    tries = [c for c in (charset, encoding) if c] + list(_FALLBACK_ENCODINGS)
    for name in tries:
        try:
            text = _decode_with(raw, name)
        except (LookupError, UnicodeDecodeError):
            continue
        if name != "gb18030" or charset or encoding or reads_as_chinese(text):
            return text
    return raw.decode("utf-8", "replace")


def reads_as_chinese(text: str) -> bool:
    """Whether text decoded as GB18030 is Chinese: most of its other-than-ASCII characters are
    common ones (GB2312). Western "ANSI" text (Müller) also decodes, but to rare characters."""
    others = [c for c in text if not c.isascii()]
    common = sum(1 for c in others if _in_gb2312(c))
    return common * 2 >= len(others) and common > 0


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _escape_bare(text: str, chars: str) -> str:
    """Backslash-escape each of ``chars`` not already escaped."""
    if "\\" not in text and "\\" not in chars:
        for char in chars:
            text = text.replace(char, "\\" + char)
        return text
    out: list[str] = []
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in chars:
            out.append("\\")
        out.append(char)
    return "".join(out)


def clean_line(line: RawLine, encoding: str | None, version: str) -> str:
    """The line as plain vCard 3.0 text for vobject: no QP, no CHARSET, newlines escaped."""
    return clean_head(line) + ":" + clean_value(line, encoding, version)


def clean_head(line: RawLine) -> str:
    """``clean_line`` up to its colon: the same for every line with the same ``head``."""
    dropped = ("CHARSET=", "ENCODING=QUOTED-PRINTABLE", "QUOTED-PRINTABLE")
    tokens = [t for t in line.tokens if not t.upper().startswith(dropped)]
    name = f"{line.group}.{line.name}" if line.group else line.name
    return ";".join([name, *tokens])


def clean_value(line: RawLine, encoding: str | None, version: str) -> str:
    """``clean_line`` after its colon, in Unicode NFC: text is otherwise kept character for
    character (so "…" stays "…")."""
    value = decode_value(line, encoding)
    if not value.isascii():
        value = unicodedata.normalize("NFC", value)
    if line.quoted_printable or version.startswith("2"):
        value = re.sub(r"\r\n|\r|\n", r"\\n", value)
    if "," in value and line.name not in LIST_PROPERTIES:
        value = _escape_bare(value, ",")
    return value


def decode_binary(line: RawLine) -> bytes | None:
    """Inline base64 data (3.0 ``ENCODING=b``, 2.1 ``BASE64``, 4.0 ``data:`` URI); None for a link.

    Raises ValueError for damaged base64.
    """
    text = line.value.decode("ascii", "replace")
    if text.lower().startswith("data:"):
        header, _, text = text.partition(",")
        if ";base64" not in header.lower():
            return None
    elif not (line.has_flag("B") or line.has_flag("BASE64")):
        return None
    compact = re.sub(r"\s+", "", text)
    try:
        return base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
    except binascii.Error as error:
        raise ValueError(str(error)) from error


def escape_text(text: str) -> str:
    """RFC 6350 text escaping: backslash, newline, comma and semicolon."""
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return re.sub(r"\r\n|\r|\n", r"\\n", text)


def param_value(text: str) -> str:
    """A parameter value, quoted when it holds a separator (double quotes cannot be escaped)."""
    text = text.replace('"', "'").replace("\r", " ").replace("\n", " ")
    return f'"{text}"' if any(c in text for c in ",;:") else text


def fold(line: str, limit: int = 75) -> str:
    """The line folded into CRLF-ended pieces of at most ``limit`` octets, characters kept whole."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces) + "\r\n"
