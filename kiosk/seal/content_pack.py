"""Content pack: the items and their media, encrypted under a random pack key, signed by the authority.

Entries: ``pack.json`` (public description) and ``content.bin`` (AES-256-GCM under the pack key,
AAD = ``certkiosk/content-pack/<pack id>``) holding an archive of ``items.json`` (a list of
``Item.to_dict()``) and ``media/...`` files. Answer keys never go in; ``scoring_keys_bytes`` writes
them to a separate file for the authority. See docs/formats/content-pack.md.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.core.errors import IntegrityError, InvalidInput
from kiosk.core.items import AnswerKey, Item, ItemType, key_from_dict, key_to_dict
from kiosk.seal.aead import decrypt, encrypt, new_symmetric_key
from kiosk.seal.archive import check_member_name, pack_archive, unpack_archive
from kiosk.seal.canonical import canonical_bytes, parse_json, sha256_hex
from kiosk.seal.container import Container, Kind, write_container
from kiosk.seal.keys import KeyPair
from kiosk.seal.timestamps import parse_iso, to_iso
from kiosk.seal.trust import SignerInfo, Trust

SCORING_KEYS_FORMAT = "certkiosk/scoring-keys"
SCORING_KEYS_VERSION = 1


@dataclass(frozen=True, slots=True)
class BuiltPack:
    """A freshly built pack: the file, its key and the separate scoring keys."""

    pack_id: str
    data: bytes
    pack_key: bytes
    scoring_keys: bytes


@dataclass(frozen=True, slots=True)
class PackInfo:
    """The verified public description of a pack."""

    pack_id: str
    created_at: datetime
    item_count: int
    competences: tuple[str, ...]
    sha256: str
    signer: SignerInfo


@dataclass(frozen=True, slots=True)
class ContentPack:
    """A verified, decrypted pack."""

    info: PackInfo
    items: tuple[Item, ...]
    media: dict[str, bytes]

    def item(self, item_id: str) -> Item:
        """The item with this id.

        Raises:
            KeyError: unknown id.
        """
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


def _aad(pack_id: str) -> bytes:
    return b"certkiosk/content-pack/" + pack_id.encode()


def _media_files(items: Sequence[Item], media_root: Path) -> list[tuple[str, bytes]]:
    names: list[str] = []
    for item in items:
        if item.illustration is not None:
            names.append(item.illustration.file)
        names.extend(a.file for a in item.attachments)
    root = media_root.resolve()
    out: list[tuple[str, bytes]] = []
    for name in sorted(set(names)):
        check_member_name(name)
        path = (root / name).resolve()
        if root not in path.parents:
            raise InvalidInput(f"media file {name} is outside the item bank")
        try:
            out.append((name, path.read_bytes()))
        except OSError as exc:
            raise InvalidInput(f"cannot read media file {name}: {exc.strerror}") from None
    return out


def scoring_keys_bytes(pack_id: str, items: Sequence[Item], keys: Mapping[str, AnswerKey]) -> bytes:
    """The authority's scoring-keys file for a pack (JSON).

    Raises:
        InvalidInput: an item without a key.
    """
    out: dict[str, Any] = {}
    for item in items:
        if item.id not in keys:
            raise InvalidInput(f"item {item.id} has no answer key")
        out[item.id] = {"type": item.type.value, "key": key_to_dict(keys[item.id])}
    doc = {
        "format": SCORING_KEYS_FORMAT,
        "version": SCORING_KEYS_VERSION,
        "pack_id": pack_id,
        "keys": out,
    }
    return canonical_bytes(doc) + b"\n"


def read_scoring_keys(data: bytes, where: str) -> tuple[str, dict[str, AnswerKey]]:
    """Parse a scoring-keys file: (pack id, keys by item id).

    Raises:
        InvalidInput: malformed file or key.
    """
    doc = parse_json(data.rstrip(b"\n"), where)
    if not isinstance(doc, dict) or doc.get("format") != SCORING_KEYS_FORMAT:
        raise InvalidInput(f"{where}: not a scoring-keys file")
    if doc.get("version") != SCORING_KEYS_VERSION:
        raise InvalidInput(f"{where}: unsupported scoring-keys version {doc.get('version')!r}")
    pack_id, raw = doc.get("pack_id"), doc.get("keys")
    if not isinstance(pack_id, str) or not isinstance(raw, dict):
        raise InvalidInput(f"{where}: missing pack_id or keys")
    keys: dict[str, AnswerKey] = {}
    for item_id, entry in raw.items():
        try:
            keys[item_id] = key_from_dict(ItemType(entry["type"]), entry["key"])
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput(f"{where}: bad key for item {item_id} ({exc})") from None
    return pack_id, keys


def build_content_pack(
    items: Sequence[Item],
    keys: Mapping[str, AnswerKey],
    media_root: Path,
    authority: KeyPair,
    now: datetime,
) -> BuiltPack:
    """Encrypt and sign a pack from loaded items; split off the scoring keys.

    Raises:
        InvalidInput: no items, duplicate ids, missing key or unreadable media.
    """
    if not items:
        raise InvalidInput("the item bank has no items")
    if len({i.id for i in items}) != len(items):
        raise InvalidInput("duplicate item ids in the item bank")
    pack_id = "pack-" + secrets.token_hex(8)
    scoring = scoring_keys_bytes(pack_id, items, keys)
    items_json = canonical_bytes([item.to_dict() for item in items])
    archive = pack_archive([("items.json", items_json), *_media_files(items, media_root)])
    pack_key = new_symmetric_key()
    content = encrypt(pack_key, archive, _aad(pack_id))
    competences = sorted({i.competence for i in items})
    description = canonical_bytes(
        {
            "pack_id": pack_id,
            "created_at": to_iso(now),
            "item_count": len(items),
            "competences": competences,
            "items_sha256": sha256_hex(items_json),
        }
    )
    meta = {"pack_id": pack_id}
    data = write_container(
        Kind.CONTENT_PACK, meta, [("pack.json", description), ("content.bin", content)], authority
    )
    return BuiltPack(pack_id, data, pack_key, scoring)


def _info(box: Container, data: bytes) -> PackInfo:
    try:
        desc = parse_json(box.entry("pack.json"), "pack.json")
        if not isinstance(desc, dict) or desc.get("pack_id") != box.meta.get("pack_id"):
            raise InvalidInput("pack.json does not match the manifest")
        competences = desc["competences"]
        count = desc["item_count"]
        if not isinstance(competences, list) or not isinstance(count, int):
            raise InvalidInput("pack.json is malformed")
        return PackInfo(
            str(desc["pack_id"]),
            parse_iso(desc.get("created_at"), "created_at"),
            count,
            tuple(str(c) for c in competences),
            sha256_hex(data),
            box.signer_info,
        )
    except (InvalidInput, KeyError) as exc:
        raise IntegrityError(f"content pack: malformed description ({exc})") from None


def verify_content_pack(data: bytes, trust: Trust) -> PackInfo:
    """Check a pack's signature and hashes and read its public description.

    Raises:
        InvalidInput, IntegrityError: not a valid pack signed by the authority.
    """
    return _info(trust.open(data, Kind.CONTENT_PACK), data)


def open_content_pack(data: bytes, trust: Trust, pack_key: bytes) -> ContentPack:
    """Verify, decrypt and parse a pack.

    Raises:
        InvalidInput, IntegrityError: invalid pack or wrong key.
    """
    box = trust.open(data, Kind.CONTENT_PACK)
    info = _info(box, data)
    archive = decrypt(pack_key, box.entry("content.bin"), _aad(info.pack_id), "content pack")
    files = unpack_archive(archive)
    if "items.json" not in files:
        raise IntegrityError("content pack: no items.json inside")
    try:
        raw = parse_json(files.pop("items.json"), "items.json")
        if not isinstance(raw, list):
            raise InvalidInput("items.json is not a list")
        items = tuple(Item.from_dict(d) for d in raw)
    except (InvalidInput, KeyError, TypeError, ValueError) as exc:
        raise IntegrityError(f"content pack: malformed items ({exc})") from None
    if len(items) != info.item_count:
        raise IntegrityError("content pack: item count does not match its description")
    return ContentPack(info, items, files)
