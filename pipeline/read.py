"""Stage `read`: bytes of a file -> a Document, or an InputError naming file and position.

Accepted: UTF-8 (with or without BOM), UTF-16 with BOM. Everything else is refused with the
byte offset where decoding failed. The decoded text is kept as is (CRLF, NBSP and zero-width
characters included) so offsets always index what the user sees; normalization happens later.
"""
from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from .doc import Document

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
            raise InputError(path, "binary file (NUL byte), not UTF-8 text", nul + skip, kind="binary")
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


def doc_id_for(path: Path, root: Path | None) -> str:
    """Stable id: the path relative to the corpus root, with '/' separators."""
    try:
        rel = path.resolve().relative_to(root.resolve()) if root else Path(path.name)
    except ValueError:
        rel = Path(path.name)
    return rel.as_posix()


def read_document(path: str | Path, root: str | Path | None = None) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read file: {e.strerror or e}", kind="io") from None
    text, enc = decode(data, str(path))
    doc = Document(doc_id=doc_id_for(path, Path(root) if root else None), path=str(path), text=text,
                   encoding=enc)
    doc.metadata["sha256"] = hashlib.sha256(data).hexdigest()
    doc.metadata["bytes"] = len(data)
    return doc


def document_from_text(text: str, doc_id: str = "text") -> Document:
    return Document(doc_id=doc_id, path="", text=text)
