"""Who may sign what: the trust policy applied before any content is read.

The authority signs centre certificates, content packs and session packages. A centre signs its
result bundles and carries its authority-signed certificate, which must be valid at ``now`` —
unless the caller judges its dates itself (``centre_dates_now=False``): the authority's ingest
also accepts a certificate that covered the session as it scheduled it, so a bundle of a session
held while the certificate was valid is still accepted after it has expired.
An enrolment request is self-signed. Anything else is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.seal.centre_certificate import CentreCertificate, read_centre_certificate
from kiosk.seal.container import Container, Kind, open_container
from kiosk.seal.keys import PublicIdentity, key_id

AUTHORITY_SIGNED = (Kind.CENTRE_CERTIFICATE, Kind.CONTENT_PACK, Kind.SESSION_PACKAGE)


@dataclass(frozen=True, slots=True)
class SignerInfo:
    """Who signed a verified artefact."""

    role: str  # "authority" | "centre" | "self"
    key_id: str
    centre: CentreCertificate | None = None

    def describe(self) -> str:
        """One line: who signed."""
        if self.role == "authority":
            return f"the certification authority (key {self.key_id})"
        if self.role == "centre" and self.centre is not None:
            return f"centre {self.centre.centre_id} « {self.centre.name} » (key {self.key_id})"
        return f"its own key (self-signed, key {self.key_id})"


@dataclass(frozen=True, slots=True)
class Trust:
    """The authority's public keys and the date used to judge certificate validity.

    ``centre_dates_now=False``: a centre certificate's authority signature and keys are checked,
    its validity dates are left to the caller (who must check them against another moment).
    """

    authority: PublicIdentity
    now: datetime
    centre_dates_now: bool = True

    def policy(self, kind: Kind, signer: bytes, certificate: bytes) -> SignerInfo:
        """Decide whether ``signer`` may sign ``kind``.

        Raises:
            IntegrityError: wrong signer, invalid or expired centre certificate.
        """
        if kind in AUTHORITY_SIGNED:
            if certificate or signer != self.authority.signing:
                raise IntegrityError(
                    f"{kind.label} signed by key {key_id(signer)}, not by the authority "
                    f"({self.authority.key_id})"
                )
            return SignerInfo("authority", self.authority.key_id)
        if kind is Kind.RESULT_BUNDLE:
            if not certificate:
                raise IntegrityError("result bundle carries no centre certificate")
            try:
                moment = self.now if self.centre_dates_now else None
                centre = read_centre_certificate(certificate, self.authority, moment)
            except IntegrityError as exc:
                raise IntegrityError(f"result bundle: {exc.message}") from None
            except InvalidInput as exc:  # a malformed embedded certificate
                raise IntegrityError(f"result bundle: bad centre certificate ({exc})") from None
            if centre.keys.signing != signer:
                raise IntegrityError(
                    f"result bundle signed by key {key_id(signer)}, not by centre "
                    f"{centre.centre_id}'s key ({centre.keys.key_id})"
                )
            return SignerInfo("centre", centre.keys.key_id, centre)
        if kind is Kind.ENROLMENT_REQUEST and not certificate:
            return SignerInfo("self", key_id(signer))
        raise IntegrityError(f"{kind.label}: unexpected signer")

    def open(self, data: bytes, expected: Kind | None) -> Container:
        """Verify ``data`` under this policy (see ``open_container``)."""
        return open_container(data, expected, self.policy)
