"""The compact signed statement printed as a QR code on a certificate, verifiable offline.

Text form (ASCII, one line)::

    CKQ1|<authority key id>|<code>|<last name>|<first names>|<birth YYYYMMDD>
        |<delivered YYYYMMDD>|<valid until YYYYMMDD>|<centre id>|<total pix>|<max level>
        |<16 level digits>|<Ed25519 signature, base64url>

``CKQ`` is the magic and ``1`` the version; text fields are percent-encoded (UTF-8). The signature
covers ``certkiosk/certificate\\0`` followed by everything before the last ``|``. A reader checks
the magic, version and key id, then the signature, and only then reads the fields.
See docs/formats/certificate-payload.md.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, unquote

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.canonical import b64decode, b64encode
from kiosk.seal.keys import SIGNATURE_SIZE, KeyPair, PublicIdentity

PAYLOAD_MAGIC = "CKQ"
PAYLOAD_VERSION = 1
CODE_ALPHABET = "2346789BCDFGHJKMPQRTVWXY"
CODE_RE = re.compile(f"^P-[{CODE_ALPHABET}]{{8}}$")
MAX_PAYLOAD = 1200
COMPETENCES = 16
_DOMAIN = b"certkiosk/certificate\x00"
_SAFE = " -'.,()"


def new_verification_code() -> str:
    """A random verification code: ``P-`` then 8 characters of the unambiguous alphabet."""
    return "P-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


@dataclass(frozen=True, slots=True)
class CertificateStatement:
    """What a certificate's QR code asserts."""

    verification_code: str
    last_name: str
    first_names: str
    birth_date: date
    delivered_on: date
    valid_until: date
    centre_id: str
    total_pix: int
    max_level: int
    levels: tuple[int, ...]  # 16 levels, framework order

    def check(self) -> None:
        """Refuse a statement that cannot be encoded faithfully.

        Raises:
            InvalidInput: malformed code, levels, pix or centre id.
        """
        if not CODE_RE.match(self.verification_code):
            raise InvalidInput(f"invalid verification code '{self.verification_code[:20]}'")
        if len(self.levels) != COMPETENCES or not all(0 <= lv <= 8 for lv in self.levels):
            raise InvalidInput("a certificate needs 16 levels between 0 and 8")
        if not 1 <= self.max_level <= 8 or not 0 <= self.total_pix <= 1024:
            raise InvalidInput("max level or total pix out of range")
        if not re.match(r"^[A-Za-z0-9_-]{1,40}$", self.centre_id):
            raise InvalidInput("invalid centre id in certificate")


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _parse_day(text: str, what: str) -> date:
    if not re.match(r"^\d{8}$", text):
        raise IntegrityError(f"certificate payload: bad {what}")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise IntegrityError(f"certificate payload: bad {what}") from None


def encode_certificate_payload(statement: CertificateStatement, authority: KeyPair) -> str:
    """Sign a statement and return its compact text form.

    Raises:
        InvalidInput: the statement is malformed.
    """
    statement.check()
    fields = [
        f"{PAYLOAD_MAGIC}{PAYLOAD_VERSION}",
        authority.public.key_id[:8],
        statement.verification_code,
        quote(statement.last_name, safe=_SAFE),
        quote(statement.first_names, safe=_SAFE),
        _day(statement.birth_date),
        _day(statement.delivered_on),
        _day(statement.valid_until),
        statement.centre_id,
        str(statement.total_pix),
        str(statement.max_level),
        "".join(str(lv) for lv in statement.levels),
    ]
    body = "|".join(fields) + "|"
    return body + b64encode(authority.sign(_DOMAIN + body.encode("ascii")))


def decode_certificate_payload(text: str, authority: PublicIdentity) -> CertificateStatement:
    """Verify a payload against the authority's key, then read it.

    Raises:
        InvalidInput: not a certificate payload, or an unsupported version.
        IntegrityError: other authority, bad signature, malformed fields.
    """
    text = text.strip()
    if len(text) > MAX_PAYLOAD or not text.isascii():
        raise InvalidInput("not a certificate payload (too long or not ASCII)")
    if not text.startswith(PAYLOAD_MAGIC):
        raise InvalidInput("not a certificate payload (unknown magic)")
    version = text[len(PAYLOAD_MAGIC) : text.find("|")] if "|" in text else ""
    if version != str(PAYLOAD_VERSION):
        raise InvalidInput(f"unsupported certificate payload version '{version[:10]}'")
    body, _, sig_text = text.rpartition("|")
    parts = body.split("|")
    if len(parts) < 2 or parts[1] != authority.key_id[:8]:
        raise IntegrityError(
            f"certificate payload signed by key {parts[1][:16] if len(parts) > 1 else '?'}, "
            f"not by the authority ({authority.key_id[:8]})"
        )
    try:
        signature = b64decode(sig_text, "signature", SIGNATURE_SIZE)
    except InvalidInput:
        raise IntegrityError("certificate payload: malformed or truncated signature") from None
    if not authority.verify(signature, _DOMAIN + (body + "|").encode("ascii")):
        raise IntegrityError("certificate payload: invalid signature (altered or forged)")
    if len(parts) != 12:
        raise IntegrityError("certificate payload: wrong number of fields")
    try:
        statement = CertificateStatement(
            verification_code=parts[2],
            last_name=unquote(parts[3], errors="strict"),
            first_names=unquote(parts[4], errors="strict"),
            birth_date=_parse_day(parts[5], "birth date"),
            delivered_on=_parse_day(parts[6], "delivery date"),
            valid_until=_parse_day(parts[7], "validity date"),
            centre_id=parts[8],
            total_pix=int(parts[9]),
            max_level=int(parts[10]),
            levels=tuple(int(c) for c in parts[11]),
        )
        statement.check()
    except (ValueError, InvalidInput) as exc:
        raise IntegrityError(f"certificate payload: malformed field ({exc})") from None
    return statement
