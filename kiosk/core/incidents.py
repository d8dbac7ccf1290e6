"""Incident codes and their labels, read from ``resources/incidents.yaml`` (DOMAIN §6).

C-codes (kind ``session``) are the invigilator's; E-codes (kind ``item``) name an item and a candidate
may report them from the kiosk. ``neutralises_if`` says when a validated report may neutralise a wrong
or skipped answer (DOMAIN §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kiosk.core.errors import SourceError
from kiosk.core.yamlsource import line_of, load_yaml_file
from kiosk.resources import resource_path

INCIDENTS_FORMAT = "certkiosk/incidents@1"
KINDS = ("session", "item")
CONDITIONS = ("always", "image", "embed", "attachment", "timed", "focus", "never")


@dataclass(frozen=True, slots=True)
class IncidentCategory:
    """One incident code with its labels and what a report of it needs."""

    code: str
    kind: str
    labels: tuple[tuple[str, str], ...]
    needs_description: bool
    names_item: bool
    neutralises_if: str

    def label(self, lang: str) -> str:
        """The label in ``lang`` (French when that language is missing)."""
        labels = dict(self.labels)
        return labels.get(lang) or labels["fr"]


def load_incident_categories(path: Path | None = None) -> tuple[IncidentCategory, ...]:
    """Read the incident categories (default ``resources/incidents.yaml``).

    Raises:
        SourceError: the file is missing or malformed (file and line in the message).
    """
    path = path or resource_path("incidents.yaml")
    data = load_yaml_file(path)
    if not isinstance(data, dict) or data.get("format") != INCIDENTS_FORMAT:
        raise SourceError(str(path), line_of(data, 1), f"expected 'format: {INCIDENTS_FORMAT}'")
    entries = data.get("incidents")
    if not isinstance(entries, list) or not entries:
        raise SourceError(str(path), line_of(data, 1), "'incidents' must be a non-empty list")
    categories = [_category(path, entry) for entry in entries]
    codes = [c.code for c in categories]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise SourceError(str(path), None, f"duplicate incident codes: {', '.join(duplicates)}")
    return tuple(categories)


def _category(path: Path, entry: Any) -> IncidentCategory:
    line = line_of(entry)
    if not isinstance(entry, dict):
        raise SourceError(str(path), line, "each incident must be a mapping")
    labels = entry.get("label")
    if (
        not isinstance(labels, dict)
        or not isinstance(labels.get("fr"), str)
        or not labels["fr"].strip()
    ):
        raise SourceError(str(path), line, "an incident needs 'label: {fr: ..., en: ...}'")
    kind, condition = entry.get("kind"), entry.get("neutralises_if", "never")
    if kind not in KINDS:
        raise SourceError(str(path), line, f"'kind' must be one of {', '.join(KINDS)}")
    if condition not in CONDITIONS:
        raise SourceError(
            str(path), line, f"'neutralises_if' must be one of {', '.join(CONDITIONS)}"
        )
    code = entry.get("code")
    if not isinstance(code, str) or not code:
        raise SourceError(str(path), line, "an incident needs a 'code'")
    return IncidentCategory(
        code=code,
        kind=str(kind),
        labels=tuple((str(k), str(v)) for k, v in labels.items()),
        needs_description=bool(entry.get("needs_description", False)),
        names_item=bool(entry.get("names_item", False)),
        neutralises_if=str(condition),
    )


@cache
def incident_codes() -> dict[str, IncidentCategory]:
    """The shipped incident codes by code, in file order (read once)."""
    return {c.code: c for c in load_incident_categories()}
