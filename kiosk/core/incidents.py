"""Incident codes and their labels, read from ``resources/incidents.yaml`` (DOMAIN §6)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kiosk.core.errors import SourceError
from kiosk.core.yamlsource import LinedDict, load_yaml_file
from kiosk.resources import resource_path

INCIDENTS_FORMAT = "certkiosk/incidents@1"


@dataclass(frozen=True, slots=True)
class IncidentCode:
    """One incident code: C-codes describe the session or a candidate, E-codes name an item."""

    code: str
    kind: str  # "session" (C-codes, the invigilator's) or "item" (E-codes, a candidate may report them)
    fr: str
    en: str
    needs_description: bool
    names_item: bool
    neutralises_if: str  # always | image | embed | attachment | timed | focus | never

    def label(self, lang: str = "fr") -> str:
        """The label in ``lang`` (French unless "en")."""
        return self.en if lang == "en" else self.fr


def load_incident_codes(path: Path) -> tuple[IncidentCode, ...]:
    """Read an incidents file.

    Raises:
        SourceError: wrong format or a malformed entry (file:line).
    """
    data = load_yaml_file(path)
    if not isinstance(data, LinedDict) or data.get("format") != INCIDENTS_FORMAT:
        raise SourceError(
            str(path), 1, f"not an incidents file (expected format {INCIDENTS_FORMAT})"
        )
    codes: list[IncidentCode] = []
    for entry in data.get("incidents") or []:
        label = entry.get("label") if isinstance(entry, LinedDict) else None
        if not isinstance(entry, LinedDict) or not isinstance(label, dict) or "code" not in entry:
            raise SourceError(
                str(path),
                getattr(entry, "line", None),
                "each incident needs code, kind and label {fr, en}",
            )
        if entry.get("kind") not in ("session", "item"):
            raise SourceError(str(path), entry.line, f"unknown kind: {entry.get('kind')}")
        codes.append(
            IncidentCode(
                code=str(entry["code"]),
                kind=str(entry["kind"]),
                fr=str(label.get("fr", "")),
                en=str(label.get("en", "")),
                needs_description=bool(entry.get("needs_description", False)),
                names_item=bool(entry.get("names_item", False)),
                neutralises_if=str(entry.get("neutralises_if", "never")),
            )
        )
    return tuple(codes)


@cache
def incident_codes() -> dict[str, IncidentCode]:
    """The shipped incident codes by code, in file order."""
    return {c.code: c for c in load_incident_codes(resource_path("incidents.yaml"))}
