"""A small compressed archive of named files, used inside encrypted payloads.

Layout: magic ``CKARCH1\\n`` | index length (u32) | index (canonical JSON list of
``{name, size, csize, sha256}``) | zlib streams in index order. Reading is safe against path
traversal (names are checked relative POSIX paths) and decompression bombs (each stream is
inflated with a bound equal to its declared size, and totals are capped).
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.canonical import canonical_bytes, parse_json, sha256_hex

ARCHIVE_MAGIC = b"CKARCH1\n"
MAX_INDEX = 8 * 1024 * 1024
MAX_FILES = 20_000
MAX_TOTAL = 2 * 1024 * 1024 * 1024
_SEGMENT_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9 ._()+-]{0,127}$")


def check_member_name(name: object) -> str:
    """Validate an archive member name: a relative POSIX path without '..' or odd characters.

    Raises:
        InvalidInput: unsafe or malformed name.
    """
    if not isinstance(name, str) or not 0 < len(name) <= 255:
        raise InvalidInput("archive member name missing or too long")
    parts = name.split("/")
    if name.startswith("/") or "\\" in name or len(parts) > 8:
        raise InvalidInput(f"unsafe archive member name '{name[:80]}'")
    for part in parts:
        if part in ("", ".", "..") or not _SEGMENT_RE.match(part) or part.endswith((" ", ".")):
            raise InvalidInput(f"unsafe archive member name '{name[:80]}'")
    return name


def pack_archive(files: Iterable[tuple[str, bytes]]) -> bytes:
    """Build an archive from (name, bytes) pairs.

    Raises:
        InvalidInput: unsafe or duplicate name.
    """
    index: list[dict[str, object]] = []
    blobs: list[bytes] = []
    seen: set[str] = set()
    for name, data in files:
        check_member_name(name)
        if name in seen:
            raise InvalidInput(f"duplicate archive member '{name}'")
        seen.add(name)
        packed = zlib.compress(data, 6)
        index.append(
            {"name": name, "size": len(data), "csize": len(packed), "sha256": sha256_hex(data)}
        )
        blobs.append(packed)
    head = canonical_bytes(index)
    return ARCHIVE_MAGIC + struct.pack(">I", len(head)) + head + b"".join(blobs)


def _inflate(packed: bytes, size: int, name: str) -> bytes:
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(packed, size + 1)
    except zlib.error:
        raise IntegrityError(f"archive member '{name}' is corrupt") from None
    if len(data) != size or not inflater.eof or inflater.unconsumed_tail or inflater.unused_data:
        raise IntegrityError(f"archive member '{name}' does not have its declared size")
    return data


def unpack_archive(data: bytes, max_total: int = MAX_TOTAL) -> dict[str, bytes]:
    """Read every member, checking names, sizes and hashes.

    Raises:
        IntegrityError: malformed, unsafe, oversized or altered archive.
    """
    if data[: len(ARCHIVE_MAGIC)] != ARCHIVE_MAGIC:
        raise IntegrityError("not a certkiosk archive")
    pos = len(ARCHIVE_MAGIC)
    if len(data) < pos + 4:
        raise IntegrityError("archive is truncated")
    (index_len,) = struct.unpack_from(">I", data, pos)
    pos += 4
    if index_len > MAX_INDEX or len(data) < pos + index_len:
        raise IntegrityError("archive index is truncated or implausible")
    try:
        index = parse_json(data[pos : pos + index_len], "archive index", canonical=True)
    except InvalidInput as exc:
        raise IntegrityError(exc.message) from None
    pos += index_len
    if not isinstance(index, list) or len(index) > MAX_FILES:
        raise IntegrityError("archive index is malformed")
    out: dict[str, bytes] = {}
    total = 0
    for item in index:
        if not isinstance(item, dict) or set(item) != {"name", "size", "csize", "sha256"}:
            raise IntegrityError("archive index entry is malformed")
        try:
            name = check_member_name(item["name"])
        except InvalidInput as exc:
            raise IntegrityError(exc.message) from None
        size, csize = item["size"], item["csize"]
        if name in out or not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (size, csize)
        ):
            raise IntegrityError(f"archive member '{name}' is duplicated or has a bad size")
        total += size
        if total > max_total:
            raise IntegrityError(f"archive expands beyond {max_total} bytes: refused")
        packed = data[pos : pos + csize]
        if len(packed) != csize:
            raise IntegrityError(f"archive is truncated in '{name}'")
        pos += csize
        content = _inflate(packed, size, name)
        if sha256_hex(content) != item["sha256"]:
            raise IntegrityError(f"archive member '{name}' does not match its SHA-256")
        out[name] = content
    if pos != len(data):
        raise IntegrityError("archive has unexpected trailing bytes")
    return out


def extract_to(files: dict[str, bytes], target: Path) -> list[Path]:
    """Write checked members under ``target``, never outside it.

    Raises:
        IntegrityError: a name that would escape ``target``.
    """
    root = target.resolve()
    written: list[Path] = []
    for name, content in files.items():
        check_member_name(name)
        dest = (root / PurePosixPath(name)).resolve()
        if root not in dest.parents:
            raise IntegrityError(f"archive member '{name}' would escape {target}")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(content)
        written.append(dest)
    return written
