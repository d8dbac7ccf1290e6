"""Authority throughput: ingest (attempts/s) and certificates (PDFs/s), each beside a baseline.

Ingest is measured on a real session of N candidates scheduled through the CLI, each attempt a full
event log, against Ed25519 verification + SHA-256 of the same bundle bytes (what any ingest must at
least do). Certificates are rendered in one process and on every core, against a bare one-page
reportlab PDF made the same way. Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from authority.certificate_pdf import CertificateView, render_certificate
from authority.cli import main as authority
from authority.home import AuthorityHome
from authority.ingest import ingest_bundle
from kiosk.seal.authority_identity import load_identity
from kiosk.seal.canonical import sha256_hex
from kiosk.seal.centre import (
    create_centre,
    export_result_bundle,
    import_centre_certificate,
    import_content_pack,
    import_session_package,
)
from kiosk.seal.timestamps import utc_now
from tests.fixtures.seal.attempts import attempt_log, session_log
from tests.fixtures.seal.samples import (
    FAST_KDF,
    profile_competences,
    roster_csv,
    roster_rows,
    write_bank,
    write_json,
)

CANDIDATES = 60
CERTIFICATES = 60


def _people(n: int) -> tuple[list[list[str]], dict[str, object]]:
    rows, profiles = [], []
    for i in range(n):
        last, first, birth = f"Candidat{i:03d}", "Camille", f"{1 + i % 28:02d}/0{1 + i % 9}/1990"
        rows.append(
            [last, first, birth, "F", "", "69001", "Lyon", "France", "", "", f"EXT-{i}", ""]
        )
        iso = f"1990-0{1 + i % 9}-{1 + i % 28:02d}"
        profiles.append(
            {
                "external_id": f"EXT-{i}",
                "last_name": last,
                "first_names": first,
                "birth_date": iso,
                "competences": profile_competences(),
            }
        )
    return rows, {"format": "certkiosk/profiles", "version": 1, "profiles": profiles}


def _session(tmp: Path) -> tuple[AuthorityHome, bytes, int]:
    home = tmp / "home"
    AuthorityHome(home).initialise("Autorité", "pp", FAST_KDF)
    (tmp / "pp").write_text("pp\n", encoding="utf-8")
    (tmp / "pw").write_text("surveillant-2026\n", encoding="utf-8")
    centre = create_centre("CTR-01", "Centre", "cp", utc_now(), FAST_KDF)
    (tmp / "req").write_bytes(centre.request)
    rows, profiles = _people(CANDIDATES)
    (tmp / "roster.csv").write_bytes(roster_csv(roster_rows(rows)))
    write_json(tmp / "profiles.json", profiles)
    write_bank(tmp / "bank")
    common = ["--home", str(home), "--passphrase-file", str(tmp / "pp")]
    assert authority(["enrol-centre", *common, str(tmp / "req"), "-o", str(tmp / "c")]) == 0
    assert authority(["build-pack", *common, str(tmp / "bank"), "-o", str(tmp / "p")]) == 0
    schedule = ["schedule", *common, "--centre", str(tmp / "c"), "--pack", str(tmp / "p"), "--roster", str(tmp / "roster.csv"),
                "--profiles", str(tmp / "profiles.json"), "--invigilator-password-file", str(tmp / "pw"), "-o", str(tmp / "s")]  # fmt: skip
    assert authority(schedule) == 0
    authority_id = load_identity(home / "authority-public.json")
    now = utc_now()
    cert = import_centre_certificate(
        (tmp / "c").read_bytes(), authority_id, centre.keys.public, now
    )
    session = import_session_package((tmp / "s").read_bytes(), authority_id, centre.keys, cert, now)
    pack = import_content_pack((tmp / "p").read_bytes(), authority_id, session, now)
    from kiosk.core.itembank import load_bank

    keys = load_bank(tmp / "bank").keys
    sid = session.details.session_id
    attempts = {
        c.candidate_id: attempt_log(c, sid, pack.items, keys).dicts() for c in session.candidates
    }
    log = session_log(sid, sorted(attempts), None)
    bundle = export_result_bundle(
        centre.keys, cert, session, attempts, log.dicts(), {"comment": ""}, "bench", now
    )
    return AuthorityHome(home), bundle, len(attempts)


def _bench_ingest() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        home, bundle, n = _session(tmp)
        keys = home.unlock("pp")
        runs = []
        for _ in range(3):
            for result in (home.root / "results").glob("*/results.json"):
                result.unlink()
            start = time.perf_counter()
            report = ingest_bundle(home, bundle, keys, utc_now())
            runs.append(time.perf_counter() - start)
            assert not report.duplicate and len(report.scored) == n
        ingest_s = statistics.median(runs)
        signature = keys.sign(bundle)
        start = time.perf_counter()
        for _ in range(n):
            sha256_hex(bundle)
            keys.public.verify(signature, bundle)
        base_s = (time.perf_counter() - start) / n
    per_attempt = ingest_s / n
    print(f"ingest: {n} attempts in one bundle of {len(bundle) / 1024:.0f} KiB: {n / ingest_s:.0f} attempts/s "
          f"({per_attempt * 1000:.2f} ms/attempt)")  # fmt: skip
    print(f"  baseline Ed25519 verify + SHA-256 of the whole bundle: {base_s * 1000:.2f} ms; "
          f"ingest per attempt / baseline = {per_attempt / base_s:.1f}x")  # fmt: skip


VIEW = CertificateView(
    number="P-B7K2M9QX", last_name="Lefèvre", first_names="Zoé", birth_date=date(2001, 3, 14),
    birth_place="Lyon, France", delivered_on=date(2026, 11, 26), centre="Centre Numérique de Lyon",
    valid_until=date(2029, 11, 26), levels={"1.1": 4, "2.1": 2, "3.1": 3, "4.1": 5, "5.1": 1}, pix_total=131,
    max_reachable_level=5, signed_payload="CKQ1|" + "x" * 190,
)  # fmt: skip


def _certificate(_: int) -> int:
    return len(render_certificate(VIEW))


def _bare(_: int) -> int:
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(72, 720, "certkiosk")
    canvas.showPage()
    canvas.save()
    return len(out.getvalue())


def _rate(func: object, n: int, workers: int) -> float:
    start = time.perf_counter()
    if workers == 1:
        for i in range(n):
            func(i)  # type: ignore[operator]
    else:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(func, range(n)))  # type: ignore[arg-type]
    return n / (time.perf_counter() - start)


def _bench_certificates() -> None:
    cores = os.cpu_count() or 1
    _certificate(0)  # fonts registered, modules warm
    for label, workers in (("one process", 1), (f"{cores} processes", cores)):
        certs = _rate(_certificate, CERTIFICATES, workers)
        bare = _rate(_bare, CERTIFICATES, workers)
        print(
            f"certificates, {label}: {certs:.1f} PDFs/s; bare one-page PDF {bare:.1f}/s; ratio {bare / certs:.1f}x slower"
        )


def main() -> None:
    """Print ingest and certificate throughput with their baselines."""
    _bench_ingest()
    _bench_certificates()


if __name__ == "__main__":
    main()
