"""Stage `read`: bytes of a file -> a Document, or an InputError naming file and position.

Accepted: UTF-8 (with or without BOM), UTF-16 with BOM, and UTF-16 without one where the bytes say so
(NUL bytes all on one side of the byte pairs, Devanagari once decoded). Everything else is refused with the
byte offset where decoding failed. `read_document` also refuses, with a readable reason, files
over MAX_BYTES (before reading them), HTML pages ("convert to text first"), text with control
characters in bulk (binary), and text without a single Devanagari letter (English, Urdu...:
this tool reads Hindi). Stray control characters, CRLF, NBSP and zero-width joiners are kept. The decoded text is kept as is (CRLF, NBSP and zero-width
characters included) so offsets always index what the user sees; normalization happens later.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from ..core.doc import Document

MAX_BYTES = 20 * 1024 * 1024
_MAGIC = {b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
          b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP/Office archive", b"\x7fELF": "an executable",
          b"\xd0\xcf\x11\xe0": "an old MS Office document"}


class InputError(ValueError):
    """Bad input: `path`, `offset` (a byte offset, or None) and a readable `reason`."""

    def __init__(self, path: str, reason: str, offset: int | None = None, kind: str = "input"):
        self.path, self.reason, self.offset, self.kind = str(path), reason, offset, kind
        where = f" at byte {offset}" if offset is not None else ""
        super().__init__(f"{path}{where}: {reason}")


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding) or raise InputError."""
    if len(data) > MAX_BYTES:
        raise InputError(path, f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit "
                               "for one document; split it into smaller files", kind="too_large")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(path, f"binary file ({what}), not text", 0, kind="binary")
    if data.startswith(codecs.BOM_UTF8):
        body, enc, skip = data[3:], "utf-8-sig", 3
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        body, enc, skip = data, "utf-16", 0
    else:
        body, enc, skip = data, "utf-8", 0
    if enc != "utf-16":
        nul = body.find(b"\x00")
        if nul >= 0:
            bare = _utf16_without_bom(body) if enc == "utf-8" else None
            if bare is not None:
                return bare
            raise InputError(path, "binary file (NUL byte), not UTF-8 text (if it is text, re-save it as UTF-8)",
                             nul + skip, kind="binary")
    try:
        text = body.decode("utf-16" if enc == "utf-16" else "utf-8")
    except UnicodeDecodeError as e:
        bad = body[e.start:e.start + 4]
        raise InputError(path, f"not valid {'UTF-16' if enc == 'utf-16' else 'UTF-8'} "
                               f"(bytes {bad.hex(' ')}); re-save the file as UTF-8",
                         e.start + skip, kind="encoding") from None
    if enc == "utf-16" and text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(path, "empty file" if not text else "file holds only whitespace", kind="empty")
    return text, enc


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, "utf-16-le" / "utf-16-be") when `data` is UTF-16 saved without a BOM (Windows tools do):
    every NUL byte on one side of the byte pairs (the high byte of spaces, digits and Latin letters),
    decoding cleanly, with Devanagari in it. None otherwise (a binary file)."""
    if len(data) % 2:
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    for enc, side, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if side and not other:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            if _DEVANAGARI.search(text) and not text.count("\x00"):
                return text, enc
    return None


_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)",
                   re.IGNORECASE)
_DEVANAGARI = re.compile(r"[\u0900-\u0963\u0966-\u097f\ua8e0-\ua8ff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def check_content(text: str, path: str = "<text>") -> None:
    """Refuse decoded text that is not a Hindi text document (raise InputError with a kind)."""
    head = text[:4096]
    if _HTML.match(head):
        raise InputError(path, "HTML page: convert it to plain text first (e.g. save the article text "
                               "as .txt)", 0, kind="html")
    controls = len(_CONTROL.findall(head))
    if controls > max(8, len(head) // 10):
        raise InputError(path, f"binary file ({controls} control characters in the first {len(head)} "
                               "characters), not text", 0, kind="binary")
    if not _DEVANAGARI.search(text):
        raise InputError(path, "no Devanagari text: this tool reads Hindi; the file holds only other "
                               "scripts (e.g. English or Urdu)", kind="no_devanagari")


def doc_id_for(path: Path, root: Path | None) -> str:
    """Stable id: the path relative to the corpus root, with '/' separators."""
    try:
        rel = path.resolve().relative_to(root.resolve()) if root else Path(path.name)
    except ValueError:
        rel = Path(path.name)
    return rel.as_posix()


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, or InputError: `too_large` from its size (before reading 50 MB into memory), `io`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit "
                                        "for one document; split it into smaller files", kind="too_large")
        return path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read file: {e.strerror or e}", kind="io") from None


def read_document(path: str | Path, root: str | Path | None = None) -> Document:
    path = Path(path)
    return document_from_bytes(read_bytes(path), str(path), doc_id_for(path, Path(root) if root else None))


def document_from_bytes(data: bytes, path: str, doc_id: str, sha256: str = "") -> Document:
    """The read stage on bytes already in memory (what a remote worker gets); `sha256`: the bytes'
    hash when the caller has it already."""
    text, enc = decode(data, path)
    check_content(text, path)
    doc = Document(doc_id=doc_id, path=path, text=text, encoding=enc)
    doc.metadata["sha256"] = sha256 or hashlib.sha256(data).hexdigest()
    doc.metadata["bytes"] = len(data)
    return doc


def document_from_text(text: str, doc_id: str = "text") -> Document:
    return Document(doc_id=doc_id, path="", text=text)
