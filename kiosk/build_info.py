"""Which build of certkiosk is running: the build hash recorded in result bundles.

A frozen (PyInstaller) bundle carries ``build-hash.txt`` beside its executable, written at build
time by ``packaging/certkiosk.spec``: the SHA-256 of a listing of every regular file of the bundle,
one ``<sha256 of the file>  <relative path>`` line each, sorted by path — the same text
``sha256sum`` prints, so the hash can be re-checked by hand (see docs/packaging.md). Run from the
source tree, the hash covers the ``kiosk/`` package's Python files instead and starts with
``source-``, so a result bundle produced by a development copy is never mistaken for a release.

This identifies a build; it does not protect one (a machine that runs modified code can report any
hash). Qt-free.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

BUILD_HASH_FILE = "build-hash.txt"
SOURCE_PREFIX = "source-"
UNKNOWN_BUILD = "unknown"  # a frozen bundle without its hash file: a packaging mistake

_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of one file's content, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def tree_listing(root: Path, files: Iterable[Path]) -> str:
    """The ``sha256sum``-style listing of ``files`` (under ``root``), sorted by relative path."""
    relative = sorted(path.relative_to(root).as_posix() for path in files)
    return "".join(f"{file_sha256(root / name)}  {name}\n" for name in relative)


def bundle_files(bundle: Path) -> list[Path]:
    """Every regular file of a bundle folder (symbolic links and the hash file itself excluded)."""
    return [
        path
        for path in bundle.rglob("*")
        if path.is_file() and not path.is_symlink() and path != bundle / BUILD_HASH_FILE
    ]


def bundle_hash(bundle: Path) -> str:
    """Hex SHA-256 of the listing of a bundle folder's files."""
    listing = tree_listing(bundle, bundle_files(bundle))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def record_build_hash(bundle: Path) -> str:
    """Hash a freshly built bundle folder and write ``build-hash.txt`` into it; returns the hash."""
    value = bundle_hash(bundle)
    (bundle / BUILD_HASH_FILE).write_text(value + "\n", encoding="ascii")
    return value


def source_hash(package: Path) -> str:
    """``source-`` + hex SHA-256 of the listing of a source package's ``.py`` files."""
    files = [path for path in package.rglob("*.py") if "__pycache__" not in path.parts]
    listing = tree_listing(package, files)
    return SOURCE_PREFIX + hashlib.sha256(listing.encode("utf-8")).hexdigest()


def frozen_bundle_dir() -> Path | None:
    """The folder of the running PyInstaller bundle (where its executable is), or None."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def read_recorded_hash(bundle: Path) -> str:
    """The hash recorded in a bundle folder, or ``unknown`` when the file is missing or empty."""
    try:
        text = (bundle / BUILD_HASH_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return UNKNOWN_BUILD
    return text or UNKNOWN_BUILD


@cache
def build_hash() -> str:
    """The running build's hash: the recorded one when frozen, else a hash of ``kiosk/``'s sources."""
    bundle = frozen_bundle_dir()
    if bundle is not None:
        return read_recorded_hash(bundle)
    return source_hash(Path(__file__).resolve().parent)
