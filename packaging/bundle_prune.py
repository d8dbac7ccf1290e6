"""Which collected files a certkiosk bundle leaves out (used by packaging/certkiosk.spec).

PyInstaller's Qt hooks collect every plugin of each plugin type a module uses, and the libraries
those plugins need. Some of them have no place on a kiosk PC: a desktop platform theme (GTK, the
XDG portal, which would offer the desktop's own file dialogs), the virtual keyboard (it brings
QtQuick and QML), IBus, exotic image formats, and the framebuffer/VNC/EGLFS platforms. Dropping a
plugin here also drops the libraries that only it needed; a library anything else needs stays.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

# A PyInstaller table-of-contents entry: (destination in the bundle, source, type code).
Entry = tuple[str, str, str]

QT_TRANSLATION = re.compile(r"PySide6/Qt/translations/\w+?_([a-z]{2,3})(_[A-Z]{2})?\.qm$")
KEPT_LANGUAGES = frozenset({"fr", "en"})
DROPPED_PLUGINS = re.compile(
    r"PySide6/Qt/plugins/(?:"
    r"egldeviceintegrations/"
    r"|platformthemes/"
    r"|platforminputcontexts/(?:lib)?q?(?:tvirtualkeyboard|ibus)\w*\."
    r"|imageformats/(?:lib)?q(?:tiff|icns|tga|wbmp|pdf)\."
    r"|platforms/(?:lib)?q(?:eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)\."
    r")"
)
# Loaded with dlopen by Qt's TLS plugin, so no ELF entry names them: never dropped.
PROTECTED = re.compile(r"(^|/)(lib)?(ssl|crypto)[-.\w]*\.(so[.\d]*|dll)$")


def normalised(dest: str) -> str:
    """A destination path with forward slashes."""
    return dest.replace("\\", "/")


def is_dropped(dest: str) -> bool:
    """True for a collected file left out by name: a foreign Qt translation or an unused plugin."""
    dest = normalised(dest)
    translation = QT_TRANSLATION.search(dest)
    if translation and translation.group(1) not in KEPT_LANGUAGES:
        return True
    return DROPPED_PLUGINS.search(dest) is not None


def _closure(starts: Iterable[str], needs: Callable[[str], Iterable[str]]) -> set[str]:
    """Every source path reachable from ``starts`` through ``needs`` (the starts included)."""
    seen: set[str] = set()
    todo = list(starts)
    while todo:
        src = todo.pop()
        if src in seen:
            continue
        seen.add(src)
        todo.extend(needs(src))
    return seen


def linked_entries(
    entries: list[Entry], raw_imports: Callable[[str], Iterable[str | None]]
) -> Callable[[str], list[str]]:
    """Adapt a library resolver (binary → resolved paths, None when unresolved) to ``prune``.

    Paths are compared after ``realpath``, so ``/lib/x/../libA.so`` and a symlinked alias of the
    same file name the entry whose source it is.
    """
    by_real = {
        os.path.realpath(src): src for _, src, kind in entries if kind not in ("SYMLINK", "DATA")
    }

    def imports_of(src: str) -> list[str]:
        found = (by_real.get(os.path.realpath(path)) for path in raw_imports(src) if path)
        return [entry for entry in found if entry is not None]

    return imports_of


def prune(entries: list[Entry], imports_of: Callable[[str], Iterable[str]]) -> list[Entry]:
    """The entries a bundle keeps.

    Args:
        entries: PyInstaller's binaries or datas (``SYMLINK`` entries name their target as source,
            relative to the bundle).
        imports_of: source path of a binary → source paths of the libraries it loads (resolved;
            unresolved names may be left out).

    Returns:
        ``entries`` without the dropped files, without the libraries only they needed, and
        without symbolic links to anything removed.
    """
    files = {normalised(src): normalised(dest) for dest, src, kind in entries if kind != "SYMLINK"}

    def needs(src: str) -> list[str]:
        return [lib for lib in map(normalised, imports_of(src)) if lib in files]

    dropped = {src for src, dest in files.items() if is_dropped(dest)}
    suspects = _closure(dropped, needs) - dropped
    others = [src for src in files if src not in dropped and src not in suspects]
    still_needed = _closure(others, needs)
    removed = dropped | {
        src for src in suspects if src not in still_needed and not PROTECTED.search(files[src])
    }
    removed_dests = {files[src] for src in removed}
    kept: list[Entry] = []
    for dest, src, kind in entries:
        if kind == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(normalised(dest)), src))
            if normalised(target) in removed_dests:
                continue
        elif normalised(src) in removed:
            continue
        kept.append((dest, src, kind))
    return kept


def unresolved_libraries(bundle_internal: Path) -> dict[str, set[str]]:
    """Linux: library name → bundle files whose ``ldd`` reports it "not found" (bundle on the path).

    Run on a freshly collected bundle: a library the analysis had collected and that shows up
    here was pruned by mistake.
    """
    env = dict(os.environ, LD_LIBRARY_PATH=str(bundle_internal))
    missing: dict[str, set[str]] = {}
    for path in sorted(bundle_internal.rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        )
        for line in result.stdout.splitlines():
            name, _, where = line.strip().partition(" => ")
            if where.strip() == "not found":
                missing.setdefault(name, set()).add(str(path.relative_to(bundle_internal)))
    return missing
