"""Issuing certificates (DOMAIN §7): verification codes, signed statements, PDFs and the results CSV.

Codes are allocated once per candidate and kept in ``<home>/certificates.json`` (unique across the
authority), so issuing the same session again reproduces the same certificates.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from authority.certificate_pdf import CertificateView, render_certificate
from authority.home import AuthorityHome
from authority.ingest import read_results
from kiosk.core.errors import InvalidInput
from kiosk.core.framework import Framework, default_framework
from kiosk.seal.atomic import write_atomic
from kiosk.seal.certificate_payload import (
    CertificateStatement,
    encode_certificate_payload,
    new_verification_code,
)
from kiosk.seal.keys import KeyPair

VALIDITY_YEARS = 3
REGISTRY = "certificates.json"
CSV_HEADER = [
    "numero",
    "prenom",
    "nom",
    "date_naissance",
    "lieu_naissance",
    "identifiant_externe",
    "statut",
    "pix",
]


@dataclass(frozen=True, slots=True)
class IssuedCertificate:
    """One certificate written to disk."""

    candidate_id: str
    code: str
    path: Path


@dataclass(frozen=True, slots=True)
class IssueReport:
    """What ``issue`` produced for a session."""

    session_id: str
    certificates: tuple[IssuedCertificate, ...]
    csv_path: Path
    not_certified: int


def _registry(home: AuthorityHome) -> dict[str, Any]:
    path = home.root / REGISTRY
    if not path.exists():
        return {"format": "certkiosk/certificates", "version": 1, "issued": {}}
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"{path}: unreadable certificate registry ({exc})") from None
    if (
        not isinstance(doc, dict)
        or doc.get("format") != "certkiosk/certificates"
        or doc.get("version") != 1
    ):
        raise InvalidInput(f"{path}: not a certkiosk certificate registry (version 1)")
    return doc


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _levels(result: dict[str, Any], framework: Framework) -> tuple[int, ...]:
    by_id = {c["id"]: max(int(c["level"]), 0) for c in result.get("competences", [])}
    return tuple(by_id.get(c.id, 0) for c in framework.competences)


def _birth_place(identity: dict[str, Any]) -> str:
    place = identity.get("birth_place") or {}
    city = place.get("city", "")
    code = place.get("insee_code") or place.get("postal_code") or ""
    country = place.get("country", "")
    parts = [f"{city} ({code})" if city and code else city, country]
    return ", ".join(p for p in parts if p)


def issue_session(
    home: AuthorityHome,
    session_id: str,
    keys: KeyPair,
    out_dir: Path,
    today: date,
    lang: str = "fr",
    progress: Callable[[int, int], None] | None = None,
) -> IssueReport:
    """Write a certificate PDF for each validated candidate and the session's results CSV.

    Raises:
        InvalidInput: the session has no results, or the registry is unreadable.
    """
    framework = default_framework()
    doc = read_results(home, session_id)
    session = doc["session"]
    registry = _registry(home)
    issued_codes: dict[str, Any] = registry["issued"]
    key = f"{session_id}/"
    out_dir.mkdir(parents=True, exist_ok=True)
    certificates: list[IssuedCertificate] = []
    rows: list[list[str]] = []
    candidates = sorted(
        doc["candidates"].items(), key=lambda kv: (kv[1]["identity"]["last_name"].casefold(), kv[0])
    )
    for done, (cid, entry) in enumerate(candidates, start=1):
        identity = entry["identity"]
        result = entry.get("result") or {}
        status = (
            result.get("status")
            if entry.get("status") == "scored"
            else entry.get("status", "absent")
        )
        levels = (
            _levels(result, framework)
            if status == "validated"
            else (0,) * len(framework.competences)
        )
        code = ""
        if status == "validated":
            record = issued_codes.get(key + cid)
            if record is None:
                taken = {r["code"] for r in issued_codes.values()}
                code = new_verification_code()
                while code in taken:
                    code = new_verification_code()
                record = {"code": code, "delivered_on": today.isoformat()}
                issued_codes[key + cid] = record
            code = record["code"]
            delivered = date.fromisoformat(record["delivered_on"])
            statement = CertificateStatement(
                verification_code=code,
                last_name=identity["last_name"],
                first_names=identity["first_names"],
                birth_date=date.fromisoformat(identity["birth_date"]),
                delivered_on=delivered,
                valid_until=_add_years(delivered, VALIDITY_YEARS),
                centre_id=doc["centre_id"],
                total_pix=int(result["pix"]),
                max_level=int(session["max_level"]),
                levels=levels,
            )
            payload = encode_certificate_payload(statement, keys)
            view = CertificateView(
                number=code,
                last_name=identity["last_name"],
                first_names=identity["first_names"],
                birth_date=statement.birth_date,
                birth_place=_birth_place(identity),
                delivered_on=delivered,
                centre=f"{session['centre_name']}",
                valid_until=statement.valid_until,
                levels={c.id: lv for c, lv in zip(framework.competences, levels, strict=True)},
                pix_total=statement.total_pix,
                max_reachable_level=statement.max_level,
                signed_payload=payload,
            )
            path = out_dir / f"certificat-{code}.pdf"
            write_atomic(path, render_certificate(view, lang, framework))
            certificates.append(IssuedCertificate(cid, code, path))
        rows.append(
            [
                code,
                identity["first_names"],
                identity["last_name"],
                identity["birth_date"],
                _birth_place(identity),
                identity.get("external_id", ""),
                str(status),
                str(result.get("pix", 0)) if status == "validated" else "0",
                *[str(lv) for lv in levels],
            ]
        )
        if progress:
            progress(done, len(candidates))
    write_atomic(
        home.root / REGISTRY, json.dumps(registry, ensure_ascii=False, indent=1).encode("utf-8")
    )
    csv_path = out_dir / f"resultats-{session_id}.csv"
    write_atomic(csv_path, results_csv(rows, framework))
    return IssueReport(session_id, tuple(certificates), csv_path, len(rows) - len(certificates))


def results_csv(rows: list[list[str]], framework: Framework | None = None) -> bytes:
    """The results CSV: UTF-8 with BOM, semicolons (opens as-is in French spreadsheet software)."""
    fw = framework or default_framework()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER + [f"competence_{c.id}" for c in fw.competences])
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
