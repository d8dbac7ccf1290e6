"""Console builds kits → USB folder → kiosk imports them into its real encrypted setup store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from invigilator.kits import KioskRegistry, build_session_kits, check_kit_binding, write_kits
from kiosk.core.clock import FakeClock
from kiosk.core.codes import Challenge, CodeAction, check_response, response_for
from kiosk.core.errors import AuthenticationError, IntegrityError, RuleViolation, UserError
from kiosk.seal.kiosk_export import kiosk_export_bytes, read_kiosk_export
from kiosk.seal.kiosk_kit import BuiltKit
from kiosk.seal.kit_code import new_kit_code
from kiosk.seal.passwords import verify_password
from kiosk.store.key_providers import PassphraseProvider
from kiosk.store.kiosk_setup import SETUP_DB, KioskSetup
from kiosk.store.kit_import import KitLocked, import_kit, store_finalised_check
from kiosk.store.service import Store
from tests.fixtures.kit.world import BUILT_AT, MORNING, PASSWORD, TEST_CODE_KDF, World, make_world

PROVIDER = PassphraseProvider("poste", time_cost=1, memory_kib=1024, parallelism=1)


@pytest.fixture
def world(tmp_path: Path) -> World:
    return make_world(tmp_path)


def _kiosk(tmp_path: Path, name: str, clock: FakeClock, number: int = 1) -> KioskSetup:
    setup = KioskSetup.open(tmp_path / name, PROVIDER, clock=clock)
    if setup.identity() is None:
        setup.enrol(number, f"Poste {number}")
    return setup


def _kits(world: World, registry: KioskRegistry, **kw: object) -> list[BuiltKit]:
    return build_session_kits(
        registry,
        world.session,
        world.pack,
        world.centre,
        world.certificate,
        BUILT_AT,
        tz=UTC,
        kdf=TEST_CODE_KDF,
        **kw,  # type: ignore[arg-type]
    )


def _clock(at: datetime = MORNING) -> FakeClock:
    return FakeClock(wall=at)


def test_round_trip_console_to_kiosk_store(world: World, tmp_path: Path) -> None:
    clock = _clock()
    setup = _kiosk(tmp_path, "kiosk1", clock, number=4)
    registry = KioskRegistry(tmp_path / "console" / "kiosks.json")
    registry.enrol(setup.enrolment_record())
    seats = {4: ["c001", "c003"]}
    (kit,) = _kits(world, registry, seats=seats)
    usb = tmp_path / "usb"
    (path,) = write_kits(usb, [kit])
    typed = kit.code.lower().replace("-", " ").replace("0", "o")  # as a person might type it
    summary = import_kit(setup, path.read_bytes(), typed, world.authority.public)
    assert (summary.session_id, summary.date, summary.room, summary.candidate_count) == (
        "S-2026-0315",
        "2026-03-15",
        "Salle 2",
        2,
    )
    assert not summary.already_imported and summary.kiosk_number == 4
    setup.close()
    raw = (tmp_path / "kiosk1" / SETUP_DB).read_bytes()
    assert world.session.pack_key not in raw and b"Dupont" not in raw  # encrypted at rest

    with KioskSetup.open(tmp_path / "kiosk1", PROVIDER, clock=clock) as again:
        session = again.active_session()
        assert session is not None
        assert session.details == world.session.details
        assert [c.candidate_id for c in session.candidates] == ["c001", "c003"]
        assert session.kiosk_id == "poste-04" and session.kit_id == kit.kit_id
        assert verify_password(session.password_hash, PASSWORD)
        assert len(session.items) > 10
        media = session.media_root() / "media" / "1.1" / "point.png"
        assert media.read_bytes().startswith(b"\x89PNG")
        session.cleanup()
        # The kit carries the session secret: a console response opens the kiosk's challenge.
        challenge = Challenge(CodeAction.UNLOCK, 4, 1, 1)
        answer = response_for(world.session.session_secret, "S-2026-0315", challenge)
        check_response(session.session_secret, session.details.session_id, challenge, answer)
    # A restarted console reloads its register, re-verifying every record.
    assert [k.number for k in KioskRegistry(registry.path).kiosks()] == [4]


def test_wrong_codes_lock_the_import_longer_each_time(world: World, tmp_path: Path) -> None:
    clock = _clock()
    setup = _kiosk(tmp_path, "kiosk", clock)
    (kit,) = _kits(world, KioskRegistry(tmp_path / "kiosks.json"), room=True)
    authority = world.authority.public
    wrong = new_kit_code()
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthenticationError, match=f"encore {left} essai"):
            import_kit(setup, kit.data, wrong, authority)
    waits = []
    for expected in (1, 2, 4, 8):
        with pytest.raises(AuthenticationError, match=f"bloqué pendant {expected} min"):
            import_kit(setup, kit.data, wrong, authority)
        _failures, until = setup.lockout()
        assert until is not None
        waits.append(until - clock.wall())
        # While locked, even the right code is not tried.
        with pytest.raises(KitLocked, match="Trop de codes incorrects"):
            import_kit(setup, kit.data, kit.code, authority)
        clock.advance(int((until - clock.wall()).total_seconds() * 1000) - 1000)
        with pytest.raises(KitLocked):
            import_kit(setup, kit.data, kit.code, authority)
        clock.advance(1000)
    assert waits == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    # The lock survives a restart of the kiosk.
    with pytest.raises(AuthenticationError):
        import_kit(setup, kit.data, wrong, authority)
    setup.close()
    setup = KioskSetup.open(tmp_path / "kiosk", PROVIDER, clock=clock)
    with pytest.raises(KitLocked):
        import_kit(setup, kit.data, kit.code, authority)
    clock.advance(16 * 60_000)
    assert not import_kit(setup, kit.data, kit.code, authority).already_imported
    assert setup.lockout() == (0, None)
    setup.close()


def test_expired_kit_is_refused(world: World, tmp_path: Path) -> None:
    clock = _clock(datetime(2026, 3, 16, 0, 0, 1, tzinfo=UTC))
    setup = _kiosk(tmp_path, "kiosk", clock)
    (kit,) = _kits(world, KioskRegistry(tmp_path / "kiosks.json"), room=True)
    with pytest.raises(RuleViolation, match="expiré le 2026-03-16T00:00:00Z"):
        import_kit(setup, kit.data, kit.code, world.authority.public)
    assert setup.kit_ids() == []
    setup.close()


def test_kit_of_another_centre_is_refused(world: World, tmp_path: Path) -> None:
    other = make_world(tmp_path / "other", centre_id="CTR-99", authority=world.authority)
    setup = _kiosk(tmp_path, "kiosk", _clock())
    (mine,) = _kits(world, KioskRegistry(tmp_path / "a.json"), room=True)
    (theirs,) = _kits(other, KioskRegistry(tmp_path / "b.json"), room=True)
    import_kit(setup, mine.data, mine.code, world.authority.public)
    with pytest.raises(IntegrityError, match="ce poste appartient au centre CTR-01"):
        import_kit(setup, theirs.data, theirs.code, world.authority.public)
    setup.close()


def test_kit_for_another_kiosk_is_refused(world: World, tmp_path: Path) -> None:
    clock = _clock()
    one, two = _kiosk(tmp_path, "k1", clock, 1), _kiosk(tmp_path, "k2", clock, 2)
    registry = KioskRegistry(tmp_path / "kiosks.json")
    registry.enrol(one.enrolment_record())
    (kit,) = _kits(world, registry, kiosk_numbers=[1])
    with pytest.raises(IntegrityError, match="préparé pour le poste n° 1 « Poste 1 », or ce poste"):
        import_kit(two, kit.data, kit.code, world.authority.public)
    one.close()
    two.close()


def test_same_kit_twice_changes_nothing(world: World, tmp_path: Path) -> None:
    setup = _kiosk(tmp_path, "kiosk", _clock())
    (kit,) = _kits(world, KioskRegistry(tmp_path / "kiosks.json"), room=True)
    import_kit(setup, kit.data, kit.code, world.authority.public)
    again = import_kit(setup, kit.data, new_kit_code(), world.authority.public)
    assert again.already_imported and "déjà importé" in again.message()
    assert setup.kit_ids() == [kit.kit_id] and setup.lockout() == (0, None)
    setup.close()


def test_kit_for_a_finalised_session_is_refused(world: World, tmp_path: Path) -> None:
    clock = _clock()
    data_dir = tmp_path / "kiosk"
    store = Store.open(data_dir, PROVIDER, clock=clock)
    store.sessions.open("S-2026-0315").result()
    store.sessions.append("S-2026-0315", "finalised", {"by": "password"}).result()
    setup = _kiosk(tmp_path, "kiosk", clock)
    (kit,) = _kits(world, KioskRegistry(tmp_path / "kiosks.json"), room=True)
    with pytest.raises(RuleViolation, match="déjà finalisée"):
        import_kit(
            setup,
            kit.data,
            kit.code,
            world.authority.public,
            finalised=store_finalised_check(store),
        )
    store.close()
    # Closed on the kiosk itself (after its export): refused too, with no attempt store at hand.
    setup.close_session("S-2026-0315")
    with pytest.raises(RuleViolation, match="déjà finalisée"):
        import_kit(setup, kit.data, kit.code, world.authority.public)
    setup.close()
    with pytest.raises(RuleViolation, match="finalisée : aucun kit"):
        _kits(world, KioskRegistry(tmp_path / "kiosks.json"), room=True, finalised=True)


def test_unenrolled_kiosk_cannot_import(world: World, tmp_path: Path) -> None:
    (kit,) = _kits(world, KioskRegistry(tmp_path / "kiosks.json"), room=True)
    with (
        KioskSetup.open(tmp_path / "kiosk", PROVIDER, clock=_clock()) as setup,
        pytest.raises(UserError, match="pas encore enrôlé"),
    ):
        import_kit(setup, kit.data, kit.code, world.authority.public)


def test_export_is_bound_to_the_kit_and_a_registered_kiosk(world: World, tmp_path: Path) -> None:
    clock = _clock()
    one, two = _kiosk(tmp_path, "k1", clock, 1), _kiosk(tmp_path, "k2", clock, 2)
    registry = KioskRegistry(tmp_path / "kiosks.json")
    registry.enrol(one.enrolment_record())
    kit1, room = _kits(world, registry, kiosk_numbers=[1]), _kits(world, registry, room=True)
    import_kit(one, kit1[0].data, kit1[0].code, world.authority.public)
    import_kit(two, room[0].data, room[0].code, world.authority.public)

    def export(setup: KioskSetup) -> tuple[str, str | None, str]:
        binding = setup.kit_binding("S-2026-0315")
        store = Store.open(setup.data_dir, PROVIDER, clock=clock)
        change = store.attempts.create("c001", "S-2026-0315", binding.kiosk_id).result()
        events = store.attempts.events(change.log_id).result()
        store.close()
        data = kiosk_export_bytes(
            kiosk_id=binding.kiosk_id,
            session_id=binding.session_id,
            kit_id=binding.kit_id,
            attempts={change.log_id: events},
            centre=world.certificate.keys,
            now=clock.wall(),
            kiosk_keys=binding.keys,
        )
        read = read_kiosk_export(data, world.centre, "export")
        assert read.kit_id == binding.kit_id  # signed in the export's manifest
        return read.kiosk_id, read.signer_key_id, read.kit_id

    kiosk_id, signer, kit_id = export(one)
    record = check_kit_binding(
        registry, session_id="S-2026-0315", kiosk_id=kiosk_id, signer_key_id=signer, kit_id=kit_id
    )
    assert (record.number, record.kiosk_id) == (1, "poste-01")
    with pytest.raises(IntegrityError, match=r"kit .* est celui de la session S-2026-0315"):
        check_kit_binding(
            registry, session_id="S-OTHER", kiosk_id=kiosk_id, signer_key_id=signer, kit_id=kit_id
        )
    # Kiosk 2 ran the room kit but was never enrolled at this console: refused.
    kiosk_id2, signer2, kit_id2 = export(two)
    with pytest.raises(IntegrityError, match="n'est pas enrôlé dans ce centre"):
        check_kit_binding(
            registry,
            session_id="S-2026-0315",
            kiosk_id=kiosk_id2,
            signer_key_id=signer2,
            kit_id=kit_id2,
        )
    registry.enrol(two.enrolment_record())
    assert (
        check_kit_binding(
            registry,
            session_id="S-2026-0315",
            kiosk_id=kiosk_id2,
            signer_key_id=signer2,
            kit_id=kit_id2,
        ).number
        == 2
    )
    # Kiosk 2 cannot claim kiosk 1's kit.
    with pytest.raises(IntegrityError, match="préparé pour le poste n° 1"):
        check_kit_binding(
            registry,
            session_id="S-2026-0315",
            kiosk_id=kiosk_id2,
            signer_key_id=signer2,
            kit_id=kit_id,
        )
    one.close()
    two.close()
