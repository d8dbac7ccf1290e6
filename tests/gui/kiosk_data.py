"""Synthetic session data for the kiosk tests: a session, two candidates, six items of every type."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from argon2 import PasswordHasher

from kiosk.app.kiosk_session import MemoryKioskSession
from kiosk.core.items import (
    Attachment,
    Illustration,
    InputField,
    Item,
    ItemType,
    Proposal,
)
from kiosk.core.profile import CompetenceProfile, PositioningProfile
from kiosk.seal.session_model import BirthPlace, Candidate, SessionDetails
from kiosk.store.key_providers import PassphraseProvider

PASSWORD = "surveillant-2025"
SESSION_NUMBER = "12345"
ACCESS_CODE = "BCDF23"
ATTACHMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "attachments"


def _proposals(*texts: str) -> tuple[Proposal, ...]:
    return tuple(Proposal(str(i), text) for i, text in enumerate(texts, 1))


def demo_items() -> tuple[Item, ...]:
    """Six items over five competences, in the order the assembly serves them."""
    return (
        Item(
            id="1.1-qcu",
            competence="1.1",
            tube="@recherche",
            level=2,
            type=ItemType.QCU,
            instruction="Quel moteur de recherche respecte le mieux la vie privée ?",
            proposals=_proposals("Le moteur A", "Le moteur B", "Le moteur C"),
            illustration=Illustration("media/schema.png", "Schéma de trois moteurs de recherche."),
        ),
        Item(
            id="1.2-qcm",
            competence="1.2",
            tube="@tri",
            level=2,
            type=ItemType.QCM,
            instruction="Ouvrez le tableau des ventes. Quels mois dépassent 1000 € ?",
            proposals=_proposals("Janvier", "Février", "Mars", "Avril"),
            attachments=(Attachment("media/ventes.csv", "Tableau des ventes"),),
        ),
        Item(
            id="1.3-qroc",
            competence="1.3",
            tube="@calcul",
            level=3,
            type=ItemType.QROC,
            instruction="Combien font 12 × 7 ?",
            fields=(InputField("total", "Résultat", numeric=True),),
            timer_seconds=60,
        ),
        Item(
            id="2.1-qrocm-ind",
            competence="2.1",
            tube="@mail",
            level=1,
            type=ItemType.QROCM_IND,
            instruction="Complétez l'adresse de l'expéditeur.",
            fields=(InputField("nom", "Nom"), InputField("domaine", "Domaine")),
        ),
        Item(
            id="2.2-qrocm-dep",
            competence="2.2",
            tube="@partage",
            level=2,
            type=ItemType.QROCM_DEP,
            instruction="Citez deux formats d'image.",
            fields=(InputField("f1", "Format 1"), InputField("f2", "Format 2")),
        ),
        Item(
            id="2.2-focus",
            competence="2.2",
            tube="@publier",
            level=1,
            type=ItemType.QCU,
            instruction="Sans quitter cette fenêtre : quelle licence permet la réutilisation ?",
            proposals=_proposals("Tous droits réservés", "CC BY"),
            focus=True,
        ),
    )


ANSWERS = {
    "1.1-qcu": "2",
    "1.2-qcm": ["1", "3"],
    "1.3-qroc": "84",
    "2.1-qrocm-ind": {"nom": "marie", "domaine": "exemple.fr"},
    "2.2-qrocm-dep": {"f1": "png", "f2": "jpeg"},
    "2.2-focus": "2",
}

_PROFILE = (
    ("1.1", 20, ("@recherche2",)),
    ("1.2", 20, ("@tri2",)),
    ("1.3", 30, ("@calcul3",)),
    ("2.1", 10, ("@mail1",)),
    ("2.2", 20, ("@partage2", "@publier1")),
)


def candidate(candidate_id: str, last: str, first: str, born: str, extra: str = "0") -> Candidate:
    """A certifiable candidate with the profile the six items fit."""
    return Candidate(
        candidate_id=candidate_id,
        last_name=last,
        first_names=first,
        sex="F",
        birth_date=born,
        birth_place=BirthPlace("France", "Lyon", "69001"),
        email="",
        convocation_email="",
        external_id=candidate_id,
        extra_time_pct=Decimal(extra),
        accessibility_needs=False,
        profile=PositioningProfile(
            tuple(CompetenceProfile(comp, pix, skills) for comp, pix, skills in _PROFILE)
        ),
    )


def session_details(duration_minutes: int = 120) -> SessionDetails:
    """The session the candidates check in to."""
    return SessionDetails(
        session_id=SESSION_NUMBER,
        centre_id="centre-demo",
        centre_name="Centre de démonstration",
        address="1 rue de l'Exemple, Lyon",
        room="Salle 2",
        examiner="M. Martin",
        date="2025-05-12",
        time="09:00",
        duration_minutes=duration_minutes,
        access_code=ACCESS_CODE,
        max_level=5,
    )


def fast_hash(password: str = PASSWORD) -> str:
    """An Argon2id hash with small parameters (verification stays fast in tests)."""
    return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(password)


def make_session(
    duration_minutes: int = 120, items: tuple[Item, ...] | None = None
) -> MemoryKioskSession:
    """The in-memory session of the tests, media taken from the attachment fixtures."""
    media = {
        "media/schema.png": (ATTACHMENTS / "schema.png").read_bytes(),
        "media/ventes.csv": (ATTACHMENTS / "ventes.csv").read_bytes(),
    }
    chosen = items if items is not None else demo_items()
    return MemoryKioskSession(
        details=session_details(duration_minutes),
        candidates=(
            candidate("c1", "Dupré", "Élodie Marie", "1990-04-12"),
            candidate("c2", "Nguyen", "Paul", "1985-11-03", extra="50"),
        ),
        items={item.id: item for item in chosen},
        password_hash=fast_hash(),
        media=media,
        kiosk_id="poste-07",
    )


def fast_provider() -> PassphraseProvider:
    """A passphrase provider with small Argon2 parameters."""
    return PassphraseProvider("phrase de test", time_cost=1, memory_kib=8192, parallelism=1)


class KioskRig:
    """A kiosk on a real store in ``data_dir``, with a fake clock: window, controller, helpers."""

    def __init__(
        self, qtbot, data_dir: Path, clock, session: MemoryKioskSession, lang: str = "fr"
    ) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QApplication

        from kiosk.app.controller import KioskController
        from kiosk.app.kiosk_app import install_translators
        from kiosk.app.shell import KioskWindow
        from kiosk.store.service import Store

        self.translators = install_translators(QApplication.instance(), lang)

        self.qtbot = qtbot
        self.data_dir = data_dir
        self.clock = clock
        self.session = session
        self.store = Store.open(data_dir, fast_provider(), clock=clock)
        self.controller = KioskController(clock)
        self.controller.timer.stop()
        self.window = KioskWindow(self.controller, lang=lang)
        qtbot.addWidget(self.window)
        self.window.resize(1100, 800)
        self.window.show()
        self.controller.attach(self.store, session)
        self.controller.timer.stop()  # tests drive the display timer by hand (fake clock)
        qtbot.waitUntil(lambda: self.controller.is_ready and self.controller.idle)
        qtbot.waitUntil(
            lambda: self.window.startup.continue_button.isEnabled() or self.screen() != "startup"
        )

    def screen(self) -> str:
        """The screen on show ("panel" when the invigilator panel is open)."""
        if self.window.panel_open:
            return "panel"
        view = self.window.view
        return view.screen.value if view is not None else ""

    def settle(self) -> None:
        """Wait until the controller has no store job in flight and the window shows its view."""
        self.qtbot.waitUntil(lambda: self.controller.idle)
        self.qtbot.wait(0)
        self.qtbot.waitUntil(lambda: self.controller.idle)

    def wait_screen(self, name: str) -> None:
        """Wait until ``name`` is on show."""
        self.qtbot.waitUntil(lambda: self.screen() == name, timeout=5000)
        self.settle()

    def check_in(
        self, last: str = "DUPRE", first: str = "elodie", born: str = "12/04/1990"
    ) -> None:
        """Fill the check-in form and submit it."""
        w = self.window
        if self.screen() == "startup":
            w.startup.continue_button.click()
        self.wait_screen("check_in")
        ci = w.check_in
        ci.session_edit.setText(SESSION_NUMBER)
        ci.code_edit.setText(ACCESS_CODE.lower())
        ci.last_name_edit.setText(last)
        ci.first_name_edit.setText(first)
        ci.birth_edit.setText(born)
        ci.submit_button.click()

    def invigilator(self, action: str, password: str = PASSWORD, **args: object) -> None:
        """Open the panel with the password and trigger one action."""
        w = self.window
        w.open_panel()
        w.panel.password_edit.setText(password)
        w.panel.open_button.click()
        assert w.panel.unlocked, "the password did not open the panel"
        w.panel.action.emit(action, dict(args))
        self.settle()

    def to_first_item(self) -> None:
        """Check in, confirm presence, start: the first item on screen."""
        self.check_in()
        self.qtbot.waitUntil(lambda: self.screen() in ("awaiting_presence", "locked"))
        self.settle()
        if self.controller.state is not None and self.controller.state.lock_reason is not None:
            self.invigilator("unlock")
        self.invigilator("confirm_presence")
        self.wait_screen("instructions")
        self.window.instructions.start_button.click()
        self.wait_screen("item")

    def answer_current(self) -> str:
        """Enter the prepared answer of the item on screen; returns its id."""
        widget = self.window.test.host.widget
        assert widget is not None
        widget.set_answer(ANSWERS[widget.item.id])
        return widget.item.id

    def close(self) -> None:
        """Close the store (as a process ending would); remove the translators."""
        from PySide6.QtWidgets import QApplication

        self.controller.close()
        for translator in self.translators:
            QApplication.instance().removeTranslator(translator)
        self.translators = []
