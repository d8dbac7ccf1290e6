"""The console side of kiosk kits: the register of enrolled kiosks, building kits, checking exports.

Qt-free and synchronous. ``KioskRegistry`` is a JSON file in the centre's folder (suggested:
``<centre home>/kiosks.json``) holding each kiosk's signed enrolment record (re-verified on every
load) and the kits issued (kit id, session, kiosk, expiry; never the code). ``build_session_kits``
makes one kit per chosen kiosk, or one for the room; ``check_kit_binding`` is what the export merge
calls to tie an export to a registered kiosk and to a kit issued to it for that session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from kiosk.core.errors import IntegrityError, InvalidInput, RuleViolation, UserError
from kiosk.seal.atomic import write_atomic
from kiosk.seal.canonical import canonical_bytes, parse_json
from kiosk.seal.centre_certificate import CentreCertificate
from kiosk.seal.keys import KeyPair
from kiosk.seal.kiosk_identity import KioskRecord, read_enrolment_record
from kiosk.seal.kiosk_kit import BuiltKit, build_kiosk_kit
from kiosk.seal.kit_code import DEFAULT_CODE_KDF, CodeKdf
from kiosk.seal.session_package import SessionPackage
from kiosk.seal.timestamps import parse_iso, to_iso

REGISTRY_FORMAT = "certkiosk/kiosk-registry"
REGISTRY_VERSION = 1
REGISTRY_FILE = "kiosks.json"


@dataclass(frozen=True, slots=True)
class IssuedKit:
    """A kit the console built: which session, which kiosk (None: the room), until when."""

    kit_id: str
    session_id: str
    kiosk_key_id: str | None
    kiosk_number: int | None
    file_name: str
    created_at: datetime
    expires_at: datetime

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "kit_id": self.kit_id,
            "session_id": self.session_id,
            "kiosk_key_id": self.kiosk_key_id,
            "kiosk_number": self.kiosk_number,
            "file_name": self.file_name,
            "created_at": to_iso(self.created_at),
            "expires_at": to_iso(self.expires_at),
        }

    @staticmethod
    def from_dict(data: Any) -> IssuedKit:
        """Inverse of ``to_dict``. Raises InvalidInput, KeyError, TypeError."""
        return IssuedKit(
            str(data["kit_id"]),
            str(data["session_id"]),
            None if data["kiosk_key_id"] is None else str(data["kiosk_key_id"]),
            None if data["kiosk_number"] is None else int(data["kiosk_number"]),
            str(data["file_name"]),
            parse_iso(data["created_at"], "created_at"),
            parse_iso(data["expires_at"], "expires_at"),
        )


class KioskRegistry:
    """The kiosks enrolled at this centre and the kits issued to them, kept in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._records: dict[str, tuple[KioskRecord, bytes]] = {}
        self.kits: list[IssuedKit] = []
        if path.exists():
            self._load()

    def _load(self) -> None:
        where = str(self.path)
        try:
            doc = parse_json(self.path.read_bytes(), where)
        except OSError as exc:
            raise InvalidInput(f"{where} illisible ({exc.strerror})") from None
        if not isinstance(doc, dict) or doc.get("format") != REGISTRY_FORMAT:
            raise InvalidInput(f"{where} n'est pas un registre de postes certkiosk")
        if doc.get("version") != REGISTRY_VERSION:
            raise InvalidInput(f"{where} : version {doc.get('version')!r} inconnue")
        try:
            for text in doc["enrolments"]:
                raw = str(text).encode("utf-8")
                record = read_enrolment_record(raw, where)
                self._records[record.key_id] = (record, raw)
            self.kits = [IssuedKit.from_dict(k) for k in doc["kits"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput(f"{where} : registre endommagé ({exc})") from None
        except IntegrityError as exc:
            raise IntegrityError(f"{where} : une fiche de poste a été modifiée ({exc})") from None

    def save(self) -> None:
        """Write the registry atomically.

        Raises:
            StorageFull, EnvironmentFailure: the file cannot be written.
        """
        doc = {
            "format": REGISTRY_FORMAT,
            "version": REGISTRY_VERSION,
            "enrolments": [raw.decode("utf-8") for _, raw in self._records.values()],
            "kits": [k.to_dict() for k in self.kits],
        }
        write_atomic(self.path, canonical_bytes(doc) + b"\n")

    def kiosks(self) -> list[KioskRecord]:
        """The enrolled kiosks, by number."""
        return sorted((r for r, _ in self._records.values()), key=lambda r: r.number)

    def by_number(self, number: int) -> KioskRecord:
        """The kiosk with this number.

        Raises:
            UserError: no such kiosk.
        """
        for record in self.kiosks():
            if record.number == number:
                return record
        raise UserError(f"Aucun poste n° {number} n'est enrôlé dans ce centre")

    def by_key_id(self, key_id: str) -> KioskRecord | None:
        """The kiosk whose signing key has this fingerprint, or None."""
        found = self._records.get(key_id)
        return None if found is None else found[0]

    def enrol(self, data: bytes, *, replace: bool = False) -> KioskRecord:
        """Register a kiosk from its enrolment record file and save.

        The same record again changes nothing. A new record for a number already taken needs
        ``replace`` (the kiosk was reinstalled): the old keys are then forgotten.

        Raises:
            InvalidInput, IntegrityError: not a valid record. UserError: number already taken.
        """
        record = read_enrolment_record(data, "fiche du poste")
        if record.key_id in self._records:
            return self._records[record.key_id][0]
        taken = [r for r in self.kiosks() if r.number == record.number]
        if taken and not replace:
            raise UserError(
                f"Le n° {record.number} est déjà celui du poste « {taken[0].name} » : "
                "confirmez le remplacement (poste réinstallé) ou choisissez un autre numéro"
            )
        for old in taken:
            del self._records[old.key_id]
        self._records[record.key_id] = (record, data.rstrip(b"\n"))
        self.save()
        return record

    def remove(self, number: int) -> None:
        """Forget a kiosk (its exports will then be refused) and save."""
        record = self.by_number(number)
        del self._records[record.key_id]
        self.save()


def session_day_end(day: str, tz: tzinfo | None = None) -> datetime:
    """The end of the session day (midnight after ``day``) in ``tz`` (default: this machine's).

    Raises:
        InvalidInput: not an ISO date.
    """
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        raise InvalidInput(f"date de session invalide : {day}") from None
    zone = tz if tz is not None else datetime.now().astimezone().tzinfo
    return datetime.combine(parsed + timedelta(days=1), time(0, 0), tzinfo=zone)


def build_session_kits(
    registry: KioskRegistry,
    session: SessionPackage,
    content_pack: bytes,
    centre: KeyPair,
    certificate: CentreCertificate,
    now: datetime,
    *,
    kiosk_numbers: Sequence[int] | None = None,
    room: bool = False,
    seats: Mapping[int, Sequence[str]] | None = None,
    finalised: bool = False,
    tz: tzinfo | None = None,
    kdf: CodeKdf = DEFAULT_CODE_KDF,
) -> list[BuiltKit]:
    """Build the kits of a session and record them in the registry.

    Args:
        kiosk_numbers: the kiosks to prepare (default: every enrolled kiosk); ignored with ``room``.
        room: one kit for the whole room (any enrolled kiosk may import it).
        seats: kiosk number → candidate ids it may seat (default: every candidate).
        finalised: the session is finalised on the console (then no kit is built).
        tz: the centre's time zone for the expiry (end of the session day).

    Raises:
        RuleViolation: the session is finalised, or is already over.
        UserError: no enrolled kiosk, an unknown kiosk number.
        InvalidInput: an unknown candidate id, a wrong pack.
    """
    details = session.details
    if finalised:
        raise RuleViolation(f"La session {details.session_id} est finalisée : aucun kit à préparer")
    expires = session_day_end(details.date, tz)
    if expires <= now:
        raise RuleViolation(f"La session {details.session_id} du {details.date} est passée")
    by_id = {c.candidate_id: c for c in session.candidates}
    targets: list[KioskRecord | None]
    if room:
        targets = [None]
    else:
        numbers = (
            kiosk_numbers if kiosk_numbers is not None else [k.number for k in registry.kiosks()]
        )
        targets = [registry.by_number(n) for n in numbers]
        if not targets:
            raise UserError(
                "Aucun poste n'est enrôlé : enregistrez d'abord la fiche de chaque poste"
            )
    kits: list[BuiltKit] = []
    for kiosk in targets:
        wanted = (seats or {}).get(kiosk.number) if kiosk is not None else None
        if wanted is None:
            chosen = list(session.candidates)
        else:
            unknown = [c for c in wanted if c not in by_id]
            if unknown:
                raise InvalidInput(f"candidat inconnu dans la session : {unknown[0]}")
            chosen = [by_id[c] for c in wanted]
        kits.append(
            build_kiosk_kit(
                session=session,
                content_pack=content_pack,
                centre=centre,
                certificate=certificate,
                kiosk=kiosk,
                candidates=chosen,
                now=now,
                expires_at=expires,
                kdf=kdf,
            )
        )
    for kit in kits:
        registry.kits.append(
            IssuedKit(
                kit.kit_id,
                details.session_id,
                kit.kiosk.key_id if kit.kiosk else None,
                kit.kiosk.number if kit.kiosk else None,
                kit.file_name,
                now,
                expires,
            )
        )
    registry.save()
    return kits


def write_kits(folder: Path, kits: Sequence[BuiltKit]) -> list[Path]:
    """Write each kit file into ``folder`` (a USB stick) atomically.

    Raises:
        StorageFull, EnvironmentFailure: the folder cannot be written.
    """
    paths = []
    for kit in kits:
        path = folder / kit.file_name
        write_atomic(path, kit.data)
        paths.append(path)
    return paths


def check_kit_binding(
    registry: KioskRegistry,
    *,
    session_id: str,
    kiosk_id: str,
    signer_key_id: str | None,
    kit_id: str | None,
) -> KioskRecord:
    """Tie a kiosk export to a registered kiosk and to a kit issued for that session.

    Args:
        session_id: the export's session.
        kiosk_id: the kiosk id the export names (``poste-07``).
        signer_key_id: the key that signed the export (``KioskExport.signer_key_id``).
        kit_id: the kit id the export's manifest carries.

    Returns:
        The kiosk the attempts came from.

    Raises:
        IntegrityError: unsigned export, unknown kiosk, a kiosk id not matching its key, or a
            kit not issued to this kiosk (or its room) for this session.
    """
    if signer_key_id is None:
        raise IntegrityError(f"Export du poste {kiosk_id} refusé : il n'est pas signé par le poste")
    record = registry.by_key_id(signer_key_id)
    if record is None:
        raise IntegrityError(
            f"Export refusé : le poste {kiosk_id} (clé {signer_key_id}) n'est pas enrôlé dans ce "
            "centre"
        )
    if record.kiosk_id != kiosk_id:
        raise IntegrityError(
            f"Export refusé : signé par le poste {record.kiosk_id} « {record.name} » mais il se "
            f"présente comme {kiosk_id}"
        )
    issued = next((k for k in registry.kits if k.kit_id == kit_id), None)
    if issued is None:
        raise IntegrityError(
            f"Export du poste {kiosk_id} refusé : le kit {kit_id} n'a pas été préparé par cette "
            "console"
        )
    if issued.session_id != session_id:
        raise IntegrityError(
            f"Export du poste {kiosk_id} refusé : le kit {kit_id} est celui de la session "
            f"{issued.session_id}, pas de {session_id}"
        )
    if issued.kiosk_key_id is not None and issued.kiosk_key_id != record.key_id:
        raise IntegrityError(
            f"Export du poste {kiosk_id} refusé : le kit {kit_id} a été préparé pour le poste "
            f"n° {issued.kiosk_number}"
        )
    return record
