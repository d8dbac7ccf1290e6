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
    """One incident code: C-codes describe the session or candidate, E-codes name an item."""

    code: str
    needs: str  # "description", "item" or "none"
    fr: str
    en: str
    candidate: bool = False  # offered to the candidate in "Signaler un problème"

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
    for entry in data.get("codes") or []:
        if not isinstance(entry, LinedDict) or not {"code", "needs", "fr", "en"} <= set(entry):
            raise SourceError(
                str(path), getattr(entry, "line", None), "each code needs code, needs, fr, en"
            )
        if entry["needs"] not in ("description", "item", "none"):
            raise SourceError(str(path), entry.line, f"unknown 'needs': {entry['needs']}")
        codes.append(
            IncidentCode(
                code=str(entry["code"]),
                needs=str(entry["needs"]),
                fr=str(entry["fr"]),
                en=str(entry["en"]),
                candidate=bool(entry.get("candidate", False)),
            )
        )
    return tuple(codes)


@cache
def incident_codes() -> dict[str, IncidentCode]:
    """The shipped incident codes by code, in file order."""
    return {c.code: c for c in load_incident_codes(resource_path("incidents.yaml"))}
