"""The inner archive: path traversal and decompression bombs are refused; extraction stays inside."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.archive import (
    ARCHIVE_MAGIC,
    check_member_name,
    extract_to,
    pack_archive,
    unpack_archive,
)
from kiosk.seal.canonical import canonical_bytes, sha256_hex


def _raw_archive(entries: list[tuple[str, bytes, int | None]]) -> bytes:
    """An archive written by hand, with an optionally lying declared size."""
    index, blobs = [], []
    for name, data, declared in entries:
        packed = zlib.compress(data)
        index.append(
            {
                "name": name,
                "size": len(data) if declared is None else declared,
                "csize": len(packed),
                "sha256": sha256_hex(data),
            }
        )
        blobs.append(packed)
    head = canonical_bytes(index)
    return ARCHIVE_MAGIC + struct.pack(">I", len(head)) + head + b"".join(blobs)


def test_round_trip_and_extraction(tmp_path: Path) -> None:
    files = {"items.json": b"[]", "media/1.1/a b.png": b"\x89PNG" * 50}
    assert unpack_archive(pack_archive(files.items())) == files
    written = extract_to(files, tmp_path / "out")
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in written) == sorted(files)


@pytest.mark.parametrize(
    "name",
    [
        "../evil",
        "a/../../evil",
        "/etc/passwd",
        "a\\b",
        "",
        ".",
        "a//b",
        "C:evil",
        "a/./b",
        "x/" * 10 + "y",
    ],
)
def test_unsafe_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidInput):
        check_member_name(name)
    with pytest.raises(IntegrityError, match=r"unsafe|missing"):
        unpack_archive(_raw_archive([(name, b"x", None)]))


def test_decompression_bomb_is_refused_without_inflating_it() -> None:
    bomb = b"\0" * (50 * 1024 * 1024)
    with pytest.raises(IntegrityError, match="declared size"):
        unpack_archive(_raw_archive([("bomb.bin", bomb, 10)]))
    with pytest.raises(IntegrityError, match="expands beyond"):
        unpack_archive(_raw_archive([("a", b"x" * 2000, None)]), max_total=1000)


def test_duplicate_and_trailing_bytes_are_refused() -> None:
    with pytest.raises(IntegrityError, match="duplicated"):
        unpack_archive(_raw_archive([("a", b"1", None), ("a", b"2", None)]))
    with pytest.raises(IntegrityError, match="trailing"):
        unpack_archive(pack_archive([("a", b"1")]) + b"x")
