"""Result bundle: a centre's export of one session, signed by the centre, sealed to the authority.

Entries: ``bundle.json`` (public: session, centre, pack, kiosk build hash, candidate ids, date)
and ``sealed.bin``: sealed to the authority's X25519 key (label ``result-bundle/<session id>``),
an archive of ``attempts/<candidate id>.json`` (each attempt's event log, a JSON list),
``session-log.json`` (list) and ``finalisation.json`` (object). The centre's certificate travels
in the container header. See docs/formats/result-bundle.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.aead import open_sealed, seal_to
from kiosk.seal.archive import pack_archive, unpack_archive
from kiosk.seal.canonical import canonical_bytes, parse_json, sha256_hex
from kiosk.seal.centre_certificate import CentreCertificate
from kiosk.seal.container import Container, Kind, write_container
from kiosk.seal.keys import KeyPair
from kiosk.seal.record import Record
from kiosk.seal.timestamps import parse_iso, to_iso
from kiosk.seal.trust import SignerInfo, Trust

ATTEMPT_PREFIX = "attempts/"


@dataclass(frozen=True, slots=True)
class BundleInfo:
    """The verified public description of a bundle."""

    session_id: str
    centre_id: str
    pack_id: str
    kiosk_build_hash: str
    candidate_ids: tuple[str, ...]
    created_at: datetime
    sha256: str
    signer: SignerInfo


@dataclass(frozen=True, slots=True)
class ResultBundle:
    """A verified, decrypted bundle."""

    info: BundleInfo
    attempts: dict[str, list[dict[str, Any]]]
    session_log: list[dict[str, Any]]
    finalisation: dict[str, Any]


def _label(session_id: str) -> bytes:
    return b"result-bundle/" + session_id.encode()


def build_result_bundle(
    centre: KeyPair,
    certificate: CentreCertificate,
    session_id: str,
    pack_id: str,
    attempts: Mapping[str, Sequence[Mapping[str, Any]]],
    session_log: Sequence[Mapping[str, Any]],
    finalisation: Mapping[str, Any],
    kiosk_build_hash: str,
    now: datetime,
) -> bytes:
    """Seal a session's results to the authority and sign them with the centre's key.

    Args:
        centre: the centre's keys (must match ``certificate``).
        certificate: the centre's certificate, embedded so the authority can check the signer.
        session_id: the session exported.
        pack_id: the content pack the session used.
        attempts: candidate id → the attempt's events (JSON objects, no floats).
        session_log: the console's session events.
        finalisation: the finalisation report.
        kiosk_build_hash: hash of the kiosk build that ran the session.
        now: export time.

    Raises:
        InvalidInput: keys not matching the certificate, bad candidate id or non-JSON events.
    """
    if centre.public != certificate.keys or not certificate.raw:
        raise InvalidInput("the centre's keys do not match its certificate")
    files = [
        (f"{ATTEMPT_PREFIX}{cid}.json", canonical_bytes([dict(e) for e in events]))
        for cid, events in sorted(attempts.items())
    ]
    files.append(("session-log.json", canonical_bytes([dict(e) for e in session_log])))
    files.append(("finalisation.json", canonical_bytes(dict(finalisation))))
    sealed = seal_to(certificate.authority_encryption_key, pack_archive(files), _label(session_id))
    public = canonical_bytes(
        {
            "session_id": session_id,
            "centre_id": certificate.centre_id,
            "pack_id": pack_id,
            "kiosk_build_hash": kiosk_build_hash,
            "candidate_ids": sorted(attempts),
            "created_at": to_iso(now),
        }
    )
    meta = {"session_id": session_id, "centre_id": certificate.centre_id}
    return write_container(
        Kind.RESULT_BUNDLE,
        meta,
        [("bundle.json", public), ("sealed.bin", sealed)],
        centre,
        certificate.raw,
    )


def _info(box: Container, sha256: str) -> BundleInfo:
    try:
        rec = Record(parse_json(box.entry("bundle.json"), "bundle.json"), "bundle.json")
        info = BundleInfo(
            rec.text("session_id"),
            rec.text("centre_id"),
            rec.text("pack_id"),
            rec.text("kiosk_build_hash"),
            rec.texts("candidate_ids"),
            parse_iso(rec.text("created_at"), "created_at"),
            sha256,
            box.signer_info,
        )
    except InvalidInput as exc:
        raise IntegrityError(f"result bundle: {exc.message}") from None
    centre = box.signer_info.centre
    if centre is None or info.centre_id != centre.centre_id:
        raise IntegrityError("result bundle: centre id does not match the signer's certificate")
    if info.session_id != box.meta.get("session_id"):
        raise IntegrityError("result bundle: bundle.json does not match the manifest")
    return info


def verify_result_bundle(data: bytes, trust: Trust) -> BundleInfo:
    """Check the centre's certificate, signature and hashes; read the public description.

    Raises:
        InvalidInput, IntegrityError: invalid bundle, unknown or expired centre.
    """
    return _info(trust.open(data, Kind.RESULT_BUNDLE), sha256_hex(data))


def open_result_bundle(data: bytes, trust: Trust, authority: KeyPair) -> ResultBundle:
    """Verify and decrypt a bundle with the authority's keys.

    Raises:
        InvalidInput, IntegrityError: invalid bundle or not readable with these keys.
    """
    box = trust.open(data, Kind.RESULT_BUNDLE)
    info = _info(box, sha256_hex(data))
    plain = open_sealed(
        authority.encryption, box.entry("sealed.bin"), _label(info.session_id), "result bundle"
    )
    files = unpack_archive(plain)
    try:
        log = parse_json(files.pop("session-log.json", b"null"), "session-log.json")
        final = parse_json(files.pop("finalisation.json", b"null"), "finalisation.json")
        if not isinstance(log, list) or not all(isinstance(e, dict) for e in log):
            raise InvalidInput("session-log.json is not a list of events")
        if not isinstance(final, dict):
            raise InvalidInput("finalisation.json is not an object")
        attempts: dict[str, list[dict[str, Any]]] = {}
        for name, content in files.items():
            if not (name.startswith(ATTEMPT_PREFIX) and name.endswith(".json")):
                raise InvalidInput(f"unexpected file '{name}'")
            events = parse_json(content, name)
            if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
                raise InvalidInput(f"{name} is not a list of events")
            attempts[name[len(ATTEMPT_PREFIX) : -len(".json")]] = events
    except InvalidInput as exc:
        raise IntegrityError(f"result bundle: {exc.message}") from None
    if tuple(sorted(attempts)) != info.candidate_ids:
        raise IntegrityError("result bundle: attempts do not match the candidate list")
    return ResultBundle(info, attempts, log, final)
