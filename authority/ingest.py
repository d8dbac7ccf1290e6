"""Ingesting a result bundle: verify, decrypt, check every attempt, score, store idempotently.

Results go to ``<home>/results/<session id>/results.json`` (see docs/formats/results-store.md);
the bundle itself is kept beside them. The same bundle twice gives the same results and is
reported as a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from authority.attempt_check import ScoreInputs, check_assembly, replay_attempt, score_inputs
from authority.home import AuthorityHome
from kiosk.core.errors import Bug, IntegrityError, InvalidInput, UserError
from kiosk.core.events import event_from_dict, verify_chain
from kiosk.core.session_log import SessionState, fold_session
from kiosk.seal.atomic import write_atomic
from kiosk.seal.canonical import canonical_bytes, parse_json
from kiosk.seal.content_pack import open_content_pack, read_scoring_keys
from kiosk.seal.keys import KeyPair
from kiosk.seal.record import Record
from kiosk.seal.result_bundle import (
    BundleInfo,
    ResultBundle,
    open_result_bundle,
    verify_result_bundle,
)
from kiosk.seal.session_model import Candidate, SessionDetails
from kiosk.seal.timestamps import to_iso
from kiosk.seal.trust import Trust

RESULTS_FORMAT = "certkiosk/results"
RESULTS_VERSION = 1


@dataclass
class IngestReport:
    """What one ingest did."""

    session_id: str
    bundle_sha256: str
    duplicate: bool
    scored: dict[str, str] = field(default_factory=dict)  # candidate id → result status
    refused: dict[str, str] = field(default_factory=dict)  # candidate id → why
    absent: list[str] = field(default_factory=list)


def load_session_record(
    home: AuthorityHome, session_id: str
) -> tuple[SessionDetails, list[Candidate], str]:
    """What ``schedule`` recorded: details, candidates, pack id.

    Raises:
        InvalidInput: the session was not scheduled with this home.
    """
    path = home.session_path(session_id)
    if not path.exists():
        raise InvalidInput(f"session {session_id} was not scheduled with this authority home")
    rec = Record(parse_json(path.read_bytes(), str(path)), str(path))
    details = SessionDetails.from_dict(rec.data.get("session"), "session")
    candidates = [Candidate.from_dict(c, "candidate") for c in rec.array("candidates")]
    return details, candidates, rec.text("pack_id")


# A session's date and time are local; the certificate's dates are UTC instants. The session may
# have been held anywhere from UTC−12 to UTC+14: its start is within these bounds of the local time
# read as UTC, and it ended at most two hours after its scheduled duration (extra time, pauses).
_EARLIEST_OFFSET = timedelta(hours=14)
_LATEST_OFFSET = timedelta(hours=12)
_LONGEST_EXTRA = timedelta(hours=2)


def session_window(details: SessionDetails) -> tuple[datetime, datetime]:
    """The UTC instants between which the session was held, whatever the centre's time zone.

    Raises:
        IntegrityError: the schedule record's date or time is unreadable.
    """
    try:
        start = datetime.fromisoformat(f"{details.date}T{details.time}").replace(tzinfo=UTC)
    except ValueError:
        raise IntegrityError(
            f"session {details.session_id}: unreadable date {details.date!r} {details.time!r}"
        ) from None
    end = start + timedelta(minutes=details.duration_minutes) + _LONGEST_EXTRA
    return start - _EARLIEST_OFFSET, end + _LATEST_OFFSET


def check_centre_certificate(info: BundleInfo, details: SessionDetails, now: datetime) -> None:
    """The centre certificate that signed the bundle is valid now or was during the session.

    The session's date and time come from the authority's own schedule record, not from the
    bundle, so a certificate that has expired (or been renewed) since still vouches for the
    sessions held while it was valid: a bundle that reaches the authority late is not refused for
    that.

    Raises:
        IntegrityError: the certificate covers neither now nor the session.
    """
    centre = info.signer.centre
    if centre is None:
        raise IntegrityError("result bundle carries no centre certificate")
    if centre.valid_at(now):
        return
    first, last = session_window(details)
    if centre.not_after < first or centre.not_before > last:
        raise IntegrityError(
            f"centre certificate of {centre.centre_id} is valid neither on {to_iso(now)} nor "
            f"during the session of {details.date} {details.time} "
            f"(valid {to_iso(centre.not_before)} to {to_iso(centre.not_after)})"
        )


def _session_state(bundle: ResultBundle) -> SessionState:
    try:
        events = [event_from_dict(e, i + 1) for i, e in enumerate(bundle.session_log)]
        verify_chain(events)
        state = fold_session(events)
    except (IntegrityError, InvalidInput) as exc:
        raise IntegrityError(f"session log: {exc.message}") from None
    if state.session_id and state.session_id != bundle.info.session_id:
        raise IntegrityError(f"session log is for session {state.session_id}")
    if not state.finalised:
        raise IntegrityError(f"session {bundle.info.session_id} was not finalised before export")
    return state


def _results_path(home: AuthorityHome, session_id: str) -> Any:
    return home.results_dir(session_id) / "results.json"


def read_results(home: AuthorityHome, session_id: str) -> dict[str, Any]:
    """The stored results of a session.

    Raises:
        InvalidInput: none stored.
    """
    path = _results_path(home, session_id)
    if not path.exists():
        raise InvalidInput(f"no results for session {session_id}")
    doc = parse_json(path.read_bytes(), str(path))
    if not isinstance(doc, dict) or doc.get("format") != RESULTS_FORMAT:
        raise InvalidInput(f"{path}: not a results file")
    return doc


def write_results(home: AuthorityHome, session_id: str, doc: dict[str, Any]) -> None:
    """Store a session's results atomically."""
    write_atomic(_results_path(home, session_id), canonical_bytes(doc) + b"\n", private=True)


def ingest_bundle(
    home: AuthorityHome, data: bytes, keys: KeyPair, now: datetime, *, replace: bool = False
) -> IngestReport:
    """Verify, decrypt, check, score and store one bundle.

    The same bundle again changes nothing. Another bundle for a session that already has results
    is refused unless ``replace``: it would replace those results and the jury's decisions on them.

    Raises:
        InvalidInput, IntegrityError: the bundle as a whole is refused (nothing stored).
        UserError: the session already has results from another bundle (and not ``replace``).
    """
    # signature and public description first; the certificate's dates are then judged against
    # the session in the authority's own record, before anything is decrypted
    trust = Trust(keys.public, now, centre_dates_now=False)
    info = verify_result_bundle(data, trust)
    path = _results_path(home, info.session_id)
    if path.exists():
        previous = read_results(home, info.session_id)
        if previous.get("bundle_sha256") == info.sha256:
            return _report_from(previous, duplicate=True)
        if not replace:
            raise UserError(
                f"session {info.session_id} already has results from bundle "
                f"{str(previous.get('bundle_sha256'))[:16]}; this one ({info.sha256[:16]}) would "
                "replace them and the jury's decisions: nothing changed (--replace to do it)"
            )
    details, candidates, pack_id = load_session_record(home, info.session_id)
    check_centre_certificate(info, details, now)
    bundle = open_result_bundle(data, trust, keys)
    if details.centre_id != info.centre_id:
        raise IntegrityError(
            f"session {info.session_id} was scheduled for centre "
            f"{details.centre_id}, bundle signed by {info.centre_id}"
        )
    if pack_id != info.pack_id:
        raise IntegrityError(f"bundle names pack {info.pack_id}, session used {pack_id}")
    pack_file = home.pack_dir(pack_id) / "pack.ckpack"
    pack = open_content_pack(
        pack_file.read_bytes(), Trust(keys.public, now), home.pack_key(pack_id, keys)
    )
    keys_file = home.pack_dir(pack_id) / "scoring-keys.json"
    _, answer_keys = read_scoring_keys(keys_file.read_bytes(), str(keys_file))
    items = {i.id: i for i in pack.items}
    session = _session_state(bundle)
    unknown = sorted(set(bundle.attempts) - {c.candidate_id for c in candidates})
    if unknown:
        raise IntegrityError(f"bundle holds an attempt of unknown candidate {unknown[0]}")
    entries: dict[str, Any] = {}
    for cand in candidates:
        entry: dict[str, Any] = {"identity": cand.to_dict()}
        entry["identity"].pop("profile")
        if cand.candidate_id not in bundle.attempts:
            entry["status"] = "absent"
        else:
            try:
                state = replay_attempt(
                    bundle.attempts[cand.candidate_id], cand.candidate_id, info.session_id
                )
                check_assembly(state, cand, pack.items)
                inputs = score_inputs(state, cand, items, answer_keys, session, details.max_level)
                result = inputs.score()
                entry.update(
                    status="scored",
                    inputs=inputs.to_dict(),
                    result=result.to_dict(),
                    jury={"neutralize": [], "deneutralize": []},
                    end_reason=state.end_reason.value if state.end_reason else None,
                )
            except IntegrityError as exc:
                entry.update(status="refused", reason=exc.message)
            except Bug as exc:  # a combination the rules do not score: never guessed, reported
                entry.update(status="refused", reason=f"cannot be scored: {exc.message}")
        entries[cand.candidate_id] = entry
    doc = {
        "format": RESULTS_FORMAT,
        "version": RESULTS_VERSION,
        "session": details.to_dict(),
        "centre_id": info.centre_id,
        "pack_id": pack_id,
        "bundle_sha256": info.sha256,
        "kiosk_build_hash": info.kiosk_build_hash,
        "finalisation": bundle.finalisation,
        "candidates": entries,
    }
    write_atomic(home.results_dir(info.session_id) / f"bundle-{info.sha256[:16]}.ckbndl", data)
    write_results(home, info.session_id, doc)
    return _report_from(doc, duplicate=False)


def _report_from(doc: dict[str, Any], duplicate: bool) -> IngestReport:
    report = IngestReport(doc["session"]["session_id"], doc["bundle_sha256"], duplicate)
    for cid, entry in sorted(doc["candidates"].items()):
        if entry["status"] == "scored":
            report.scored[cid] = entry["result"]["status"]
        elif entry["status"] == "refused":
            report.refused[cid] = entry["reason"]
        else:
            report.absent.append(cid)
    return report


def rescore(
    home: AuthorityHome,
    session_id: str,
    candidate_ids: list[str] | None,
    neutralize: list[str],
    deneutralize: list[str],
) -> dict[str, tuple[str, str]]:
    """Apply a jury's (de-)neutralisations and re-score; returns candidate → (before, after).

    Raises:
        InvalidInput: no results, unknown candidate, or an item none of them was served.
    """
    doc = read_results(home, session_id)
    scored = {cid: e for cid, e in doc["candidates"].items() if e["status"] == "scored"}
    targets = candidate_ids or sorted(scored)
    changes: dict[str, tuple[str, str]] = {}
    touched: set[str] = set()
    for cid in targets:
        if cid not in scored:
            raise InvalidInput(f"candidate {cid} has no scored result in session {session_id}")
        entry = scored[cid]
        inputs = ScoreInputs.from_dict(entry["inputs"])
        served = {c.id for c in inputs.challenges}
        jury = entry["jury"]
        for item in neutralize:
            if item in served:
                touched.add(item)
                jury["deneutralize"] = [i for i in jury["deneutralize"] if i != item]
                jury["neutralize"] = sorted({*jury["neutralize"], item})
        for item in deneutralize:
            if item in served:
                touched.add(item)
                jury["neutralize"] = [i for i in jury["neutralize"] if i != item]
                jury["deneutralize"] = sorted({*jury["deneutralize"], item})
        before = entry["result"]["status"]
        result = inputs.score(frozenset(jury["neutralize"]), frozenset(jury["deneutralize"]))
        entry["result"] = result.to_dict()
        changes[cid] = (before, result.status.value)
    missing = [i for i in [*neutralize, *deneutralize] if i not in touched]
    if missing:
        raise InvalidInput(f"item {missing[0]} was not served to the candidate(s) named")
    write_results(home, session_id, doc)
    return changes
