"""Verify any certkiosk artefact and describe it in one line (what it is, who signed it)."""

from __future__ import annotations

from datetime import datetime

from kiosk.core.errors import InvalidInput
from kiosk.seal.canonical import sha256_hex
from kiosk.seal.centre_certificate import read_centre_certificate, read_enrolment_request
from kiosk.seal.certificate_payload import PAYLOAD_MAGIC, decode_certificate_payload
from kiosk.seal.container import Kind, kind_of
from kiosk.seal.content_pack import verify_content_pack
from kiosk.seal.keys import PublicIdentity
from kiosk.seal.kiosk_kit import verify_kiosk_kit
from kiosk.seal.result_bundle import verify_result_bundle
from kiosk.seal.session_package import verify_session_package
from kiosk.seal.timestamps import to_iso
from kiosk.seal.trust import Trust


def describe_artefact(data: bytes, authority: PublicIdentity, now: datetime) -> str:
    """Verify ``data`` and return a one-line description.

    Raises:
        InvalidInput, IntegrityError: unknown or invalid artefact.
    """
    trust = Trust(authority, now)
    kind = kind_of(data)
    if kind is None and data.lstrip().startswith(PAYLOAD_MAGIC.encode()):
        s = decode_certificate_payload(data.decode("ascii", errors="replace"), authority)
        return (
            f"certificate payload {s.verification_code}: {s.last_name} {s.first_names}, "
            f"{s.total_pix} pix, delivered {s.delivered_on} by centre {s.centre_id}; "
            f"signed by the certification authority (key {authority.key_id})"
        )
    if kind is Kind.ENROLMENT_REQUEST:
        r = read_enrolment_request(data)
        return (
            f"enrolment request of centre {r.centre_id} « {r.name} », self-signed by key "
            f"{r.keys.key_id}"
        )
    if kind is Kind.CENTRE_CERTIFICATE:
        c = read_centre_certificate(data, authority, now)
        return (
            f"centre certificate of {c.centre_id} « {c.name} » (key {c.keys.key_id}), "
            f"valid {to_iso(c.not_before)} to {to_iso(c.not_after)}; signed by the "
            f"certification authority (key {authority.key_id})"
        )
    if kind is Kind.CONTENT_PACK:
        p = verify_content_pack(data, trust)
        return (
            f"content pack {p.pack_id}: {p.item_count} items, {len(p.competences)} "
            f"competences, built {to_iso(p.created_at)}; signed by {p.signer.describe()}"
        )
    if kind is Kind.SESSION_PACKAGE:
        info = verify_session_package(data, trust)
        return (
            f"session package {info.session_id} for centre {info.centre_id} on {info.date}: "
            f"{info.candidate_count} candidate(s), pack {info.pack_id}; signed by "
            f"{info.signer.describe()}"
        )
    if kind is Kind.RESULT_BUNDLE:
        b = verify_result_bundle(data, trust)
        return (
            f"result bundle of session {b.session_id}: {len(b.candidate_ids)} attempt(s), "
            f"kiosk build {b.kiosk_build_hash[:16]}, exported {to_iso(b.created_at)}; "
            f"signed by {b.signer.describe()} (sha256 {sha256_hex(data)[:16]})"
        )
    if kind is Kind.KIOSK_KIT:
        k = verify_kiosk_kit(data, authority, now)
        seat = f"kiosk {k.kiosk.number} « {k.kiosk.name} »" if k.kiosk else "the whole room"
        return (
            f"kiosk kit {k.kit_id} of session {k.session_id} ({k.date}, {k.room}) for {seat}: "
            f"{k.candidate_count} candidate(s), expires {to_iso(k.expires_at)}; signed by centre "
            f"{k.centre_id} (contents need the kit code)"
        )
    raise InvalidInput("not a certkiosk artefact (unknown magic)")
