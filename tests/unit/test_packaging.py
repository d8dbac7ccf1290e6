"""packaging/: the PyInstaller spec, bundle pruning, the build hash and the kiosk set-up scripts.

No test runs PyInstaller (a build takes a minute); the spec is executed with stand-ins for
PyInstaller's build classes, which records what each program would be built from.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kiosk import build_info

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
SPEC = PACKAGING / "certkiosk.spec"
INSTALL = LINUX / "install-kiosk-session.sh"
REMOVE = LINUX / "remove-kiosk-session.sh"
SCRIPTS = [INSTALL, REMOVE, LINUX / "kiosk-common.sh"]


def _load_prune() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_prune", PACKAGING / "bundle_prune.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


prune_mod = _load_prune()


# --- the spec, executed with stand-ins -------------------------------------------------------


class _Recorder:
    """Stands for one PyInstaller build class; remembers its arguments."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.binaries: list[Any] = []
        self.datas: list[Any] = []
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        _Recorder.calls.append((kind, args, kwargs))


def _run_spec(tmp_path: Path, apps: str = "") -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    _Recorder.calls = []
    dist = tmp_path / "dist"

    def collect(*args: Any, **kwargs: Any) -> _Recorder:
        (dist / kwargs["name"] / "_internal").mkdir(parents=True)
        (dist / kwargs["name"] / kwargs["name"]).write_bytes(b"exe")
        return _Recorder("COLLECT", *args, **kwargs)

    namespace: dict[str, Any] = {
        "SPECPATH": str(PACKAGING),
        "DISTPATH": str(dist),
        "Analysis": lambda *a, **k: _Recorder("Analysis", *a, **k),
        "PYZ": lambda *a, **k: _Recorder("PYZ", *a, **k),
        "EXE": lambda *a, **k: _Recorder("EXE", *a, **k),
        "COLLECT": collect,
    }
    saved_path = list(sys.path)
    saved_env = os.environ.get("CERTKIOSK_APPS")
    os.environ["CERTKIOSK_APPS"] = apps
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        sys.path[:] = saved_path
        if saved_env is None:
            os.environ.pop("CERTKIOSK_APPS", None)
        else:
            os.environ["CERTKIOSK_APPS"] = saved_env
    return _Recorder.calls


@pytest.fixture(scope="module")
def spec_calls(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    return _run_spec(tmp_path_factory.mktemp("spec"))


def _by_kind(calls: list[Any], kind: str) -> list[Any]:
    return [(args, kwargs) for k, args, kwargs in calls if k == kind]


def test_spec_builds_the_three_pyproject_programs_from_their_entry_points(spec_calls):
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    names = [kwargs["name"] for _, kwargs in _by_kind(spec_calls, "COLLECT")]
    assert names == list(scripts)
    for (args, _), name in zip(_by_kind(spec_calls, "Analysis"), names, strict=True):
        entry = Path(args[0][0])
        assert entry.name == f"run_{name}.py" and entry.is_file()
        module, function = scripts[name].split(":")
        assert f"from {module} import {function}" in entry.read_text(encoding="utf-8")


def test_spec_ships_framework_incidents_and_translations_but_no_item_bank(spec_calls):
    for _, kwargs in _by_kind(spec_calls, "Analysis"):
        shipped = {
            Path(src).relative_to(ROOT / "resources").as_posix() for src, _ in kwargs["datas"]
        }
        assert {"framework/framework.yaml", "incidents.yaml"} <= shipped
        qm = sorted(p.name for p in (ROOT / "resources" / "translations").glob("*.qm"))
        assert qm and {f"translations/{n}" for n in qm} <= shipped
        assert not any(s.startswith("itembank") or s.endswith(".ts") for s in shipped)
        targets = {dest for _, dest in kwargs["datas"]}
        assert targets <= {
            "resources",
            "resources/framework",
            "resources/translations",
            "resources/fonts",
        }


def test_spec_excludes_unused_qt_and_tk_and_lists_dynamic_imports(spec_calls):
    analyses = {Path(args[0][0]).stem: kwargs for args, kwargs in _by_kind(spec_calls, "Analysis")}
    for kwargs in analyses.values():
        for module in (
            "tkinter",
            "PySide6.QtWebEngineCore",
            "PySide6.Qt3DCore",
            "PySide6.QtQuick",
            "PySide6.QtQml",
            "PySide6.QtMultimedia",
        ):
            assert module in kwargs["excludes"]
    authority = analyses["run_authority"]
    from authority.commands import COMMAND_MODULES

    assert set(COMMAND_MODULES) <= set(authority["hiddenimports"])
    assert "reportlab.graphics.barcode.qr" in authority["hiddenimports"]
    assert "PIL" in analyses["run_kiosk"]["excludes"]


def test_spec_kiosk_has_no_console_window_and_the_tools_do(spec_calls):
    consoles = {kwargs["name"]: kwargs["console"] for _, kwargs in _by_kind(spec_calls, "EXE")}
    assert consoles == {"kiosk": False, "invigilator": True, "authority": True}


def test_spec_writes_a_build_hash_into_each_bundle(tmp_path):
    _run_spec(tmp_path, apps="kiosk")
    bundle = tmp_path / "dist" / "kiosk"
    recorded = (bundle / "build-hash.txt").read_text(encoding="ascii").strip()
    assert recorded == build_info.bundle_hash(bundle)
    assert not (tmp_path / "dist" / "authority").exists()


def test_spec_refuses_an_unknown_program(tmp_path):
    with pytest.raises(SystemExit, match="unknown program"):
        _run_spec(tmp_path, apps="kiosk,quiz")


# --- pruning ---------------------------------------------------------------------------------

PLUGIN = "PySide6/Qt/plugins"


def _entries() -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
    entries = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        (f"{PLUGIN}/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("libssl.so.3", "/src/libssl.so.3", "BINARY"),
        (f"{PLUGIN}/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libgtk-3.so.0.link", "libgtk-3.so.0", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_fr.qm", "/src/qtbase_fr.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", "/src/qt_help_zh_CN.qm", "DATA"),
        ("resources/translations/kiosk_en.qm", "/src/kiosk_en.qm", "DATA"),
    ]
    links = {
        "/src/QtWidgets.abi3.so": ["/src/libQt6Widgets.so.6"],
        "/src/libQt6Widgets.so.6": ["/src/libQt6Gui.so.6"],
        "/src/libqgtk3.so": ["/src/libgtk-3.so.0", "/src/libQt6Gui.so.6", "/src/libssl.so.3"],
        "/src/libgtk-3.so.0": ["/src/libcairo.so.2"],
        "/src/libqxcb.so": ["/src/libQt6Gui.so.6"],
    }
    return entries, links


def test_prune_drops_the_gtk_theme_and_what_only_it_needed():
    entries, links = _entries()
    kept = {dest for dest, _, _ in prune_mod.prune(entries, lambda src: links.get(src, []))}
    assert f"{PLUGIN}/platformthemes/libqgtk3.so" not in kept
    assert "libgtk-3.so.0" not in kept and "libcairo.so.2" not in kept
    assert "libgtk-3.so.0.link" not in kept  # a symbolic link to a removed library goes too


def test_prune_keeps_shared_libraries_the_xcb_platform_and_dlopened_ssl():
    entries, links = _entries()
    kept = {dest for dest, _, _ in prune_mod.prune(entries, lambda src: links.get(src, []))}
    assert {
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libQt6Gui.so.6",
        f"{PLUGIN}/platforms/libqxcb.so",
    } <= kept
    assert "libssl.so.3" in kept


def test_prune_keeps_only_french_and_english_qt_translations_and_all_of_ours():
    entries, links = _entries()
    kept = {dest for dest, _, _ in prune_mod.prune(entries, lambda src: links.get(src, []))}
    assert "PySide6/Qt/translations/qtbase_fr.qm" in kept
    assert "PySide6/Qt/translations/qtbase_de.qm" not in kept
    assert "PySide6/Qt/translations/qt_help_zh_CN.qm" not in kept
    assert "resources/translations/kiosk_en.qm" in kept


@pytest.mark.parametrize(
    "dest",
    [
        f"{PLUGIN}/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        f"{PLUGIN}/platforminputcontexts/libibusplatforminputcontextplugin.so",
        f"{PLUGIN}/platformthemes/libqxdgdesktopportal.so",
        f"{PLUGIN}/platforms/libqvnc.so",
        f"{PLUGIN}/platforms/qeglfs.dll",
        f"{PLUGIN}/imageformats/libqtiff.so",
    ],
)
def test_plugins_a_kiosk_never_needs_are_dropped(dest):
    assert prune_mod.is_dropped(dest)


@pytest.mark.parametrize(
    "dest",
    [
        f"{PLUGIN}/platforms/libqxcb.so",
        f"{PLUGIN}/platforms/libqwayland.so",
        f"{PLUGIN}\\platforms\\qwindows.dll",
        f"{PLUGIN}/platforms/libqoffscreen.so",
        f"{PLUGIN}/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        f"{PLUGIN}/imageformats/libqjpeg.so",
        f"{PLUGIN}/tls/libqopensslbackend.so",
    ],
)
def test_plugins_the_kiosk_uses_are_kept(dest):
    assert not prune_mod.is_dropped(dest)


# --- the build hash --------------------------------------------------------------------------


def _bundle(root: Path) -> Path:
    (root / "_internal" / "sub").mkdir(parents=True)
    (root / "kiosk").write_bytes(b"\x7fELF exe")
    (root / "_internal" / "base_library.zip").write_bytes(b"zip" * 100)
    (root / "_internal" / "sub" / "é.txt").write_text("accent", encoding="utf-8")
    return root


def test_bundle_hash_matches_the_sha256sum_recipe_of_the_docs(tmp_path):
    bundle = _bundle(tmp_path / "kiosk")
    if shutil.which("sha256sum") is None or shutil.which("find") is None:
        pytest.skip("coreutils/findutils not available")
    recipe = (
        "find . -type f ! -path ./build-hash.txt -printf '%P\\0' | LC_ALL=C sort -z "
        "| xargs -0 sha256sum | sha256sum"
    )
    out = subprocess.run(
        ["bash", "-c", recipe], cwd=bundle, capture_output=True, text=True, check=True
    ).stdout
    assert out.split()[0] == build_info.bundle_hash(bundle)


def test_recorded_hash_is_stable_and_changes_with_any_file(tmp_path):
    bundle = _bundle(tmp_path / "kiosk")
    first = build_info.record_build_hash(bundle)
    assert (bundle / "build-hash.txt").read_text(encoding="ascii") == first + "\n"
    assert build_info.bundle_hash(bundle) == first  # the hash file is not part of the hash
    (bundle / "_internal" / "base_library.zip").write_bytes(b"zip" * 99 + b"zap")
    assert build_info.bundle_hash(bundle) != first


def test_frozen_build_reports_its_recorded_hash(tmp_path, monkeypatch):
    bundle = _bundle(tmp_path / "kiosk")
    digest = build_info.record_build_hash(bundle)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "kiosk"))
    build_info.build_hash.cache_clear()
    try:
        assert build_info.build_hash() == digest
        (bundle / "build-hash.txt").unlink()
        build_info.build_hash.cache_clear()
        assert build_info.build_hash() == build_info.UNKNOWN_BUILD
    finally:
        build_info.build_hash.cache_clear()


def test_source_tree_hash_covers_the_kiosk_package_and_says_so(tmp_path):
    build_info.build_hash.cache_clear()
    value = build_info.build_hash()
    assert value.startswith("source-") and len(value) == len("source-") + 64
    copy = tmp_path / "kiosk"
    shutil.copytree(ROOT / "kiosk", copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert build_info.source_hash(copy) == value
    (copy / "core" / "framework.py").write_text("# changed\n", encoding="utf-8")
    assert build_info.source_hash(copy) != value
    digest = hashlib.sha256(build_info.tree_listing(copy, [copy / "resources.py"]).encode())
    assert len(digest.hexdigest()) == 64


# --- the Linux kiosk session scripts ---------------------------------------------------------


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_shell_scripts_parse(script):
    subprocess.run(["bash", "-n", str(script)], check=True)


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck not installed")
def test_shell_scripts_are_shellcheck_clean():
    result = subprocess.run(
        ["shellcheck", "-x", *map(str, SCRIPTS)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def _dry(script: Path, *args: str) -> str:
    result = subprocess.run(
        ["bash", str(script), "--dry-run", *args], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def built_kiosk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stand-in for dist/kiosk (the scripts only check the executable is there)."""
    bundle = _bundle(tmp_path_factory.mktemp("dist") / "kiosk")
    (bundle / "kiosk").chmod(0o755)
    return bundle


@pytest.fixture(scope="module")
def install_plan(built_kiosk: Path) -> str:
    return _dry(INSTALL, "--no-apt", "--bundle", str(built_kiosk), "--keyboard", "fr:oss")


def test_install_creates_an_unprivileged_account_and_a_private_data_folder(install_plan):
    assert "useradd --system --user-group" in install_plan
    assert "--shell /usr/sbin/nologin" in install_plan
    assert "usermod --lock certkiosk" in install_plan
    assert "install -d -m 0700 -o certkiosk -g certkiosk /var/lib/certkiosk/data" in install_plan
    assert "/etc/certkiosk/data-passphrase (mode 0440, owner root:certkiosk)" in install_plan


def test_install_logs_the_account_in_automatically_into_cage_running_only_the_kiosk(install_plan):
    assert "would write: /etc/systemd/system/certkiosk-session.service" in install_plan
    assert "    | User=certkiosk" in install_plan
    assert "    | TTYPath=/dev/tty1" in install_plan
    assert "    | Restart=always" in install_plan
    exec_line = next(line for line in install_plan.splitlines() if "ExecStart=" in line)
    assert (
        "/usr/bin/cage -d -- /opt/certkiosk/kiosk/kiosk --data-dir /var/lib/certkiosk/data"
        in exec_line
    )
    assert " -s " not in exec_line  # cage -s would allow VT switching
    assert "systemctl enable certkiosk-session.service" in install_plan
    assert "systemctl disable getty@tty1.service" in install_plan


def test_install_disables_vt_switching_zap_ctrl_alt_del_and_sysrq(install_plan):
    assert "XKB_DEFAULT_OPTIONS=srvrkeys:none" in install_plan
    assert "XKB_DEFAULT_LAYOUT=fr XKB_DEFAULT_VARIANT=oss" in install_plan
    assert "    | NAutoVTs=0" in install_plan
    assert "systemctl mask ctrl-alt-del.target" in install_plan
    assert "    | CtrlAltDelBurstAction=none" in install_plan
    assert "    | kernel.sysrq = 0" in install_plan


def test_install_records_the_previous_state_for_the_restore(install_plan):
    assert "would write: /etc/certkiosk/setup-state" in install_plan
    for key in ("CREATED_USER=", "DISPLAY_MANAGER=", "GETTY_TTY1=", "CTRL_ALT_DEL=", "SYSRQ="):
        assert f"    | {key}" in install_plan


def test_install_mounts_usb_sticks_for_the_kiosk_account_only(install_plan):
    assert "would write: /etc/udev/rules.d/90-certkiosk-usb.rules" in install_plan
    rule = [line[6:] for line in install_plan.splitlines() if line.startswith("    | ")]
    run = next(line for line in rule if line.startswith("RUN{program}+="))
    assert 'ENV{ID_BUS}!="usb", GOTO="certkiosk_usb_end"' in rule
    assert 'ENV{ID_FS_TYPE}!="vfat|exfat", GOTO="certkiosk_usb_end"' in rule
    assert 'ACTION!="add", GOTO="certkiosk_usb_end"' in rule
    # mounted by systemd (visible to the session, gone when the stick is pulled), owned by the
    # kiosk account alone, nothing on it can run
    assert run.startswith('RUN{program}+="/usr/bin/systemd-mount --no-block --collect ')
    assert "uid=<uid-of-certkiosk>,gid=<gid-of-certkiosk>,umask=0077" in run
    assert "nosuid,nodev,noexec" in run
    assert run.endswith('$devnode /media/certkiosk/%k"')
    assert "udevadm control --reload" in install_plan


def test_the_kiosk_looks_for_sticks_where_the_session_mounts_them():
    from kiosk.app.screens.folder_field import MOUNT_ROOTS

    common = (LINUX / "kiosk-common.sh").read_text(encoding="utf-8")
    root = next(
        line.split("=", 1)[1].split("#")[0].strip().strip('"')
        for line in common.splitlines()
        if line.startswith("USB_MOUNT_ROOT=")
    )
    # removable_folders() lists mounts one or two levels below each root: /media/certkiosk/sdb1
    assert Path(root).parent in MOUNT_ROOTS


def test_dry_run_changes_nothing(built_kiosk):
    before = {p: p.exists() for p in (Path("/etc/certkiosk"), Path("/opt/certkiosk"))}
    _dry(INSTALL, "--no-apt", "--bundle", str(built_kiosk))
    _dry(REMOVE, "--purge")
    assert {p: p.exists() for p in before} == before


def test_remove_undoes_every_change(install_plan):
    plan = _dry(REMOVE)
    assert "systemctl disable --now certkiosk-session.service" in plan
    for path in (
        "/etc/systemd/system/certkiosk-session.service",
        "/etc/pam.d/certkiosk-session",
        "/etc/systemd/logind.conf.d/90-certkiosk.conf",
        "/etc/systemd/system.conf.d/90-certkiosk.conf",
        "/etc/sysctl.d/90-certkiosk.conf",
        "/opt/certkiosk",
        "/etc/certkiosk/setup-state",
    ):
        assert f"would remove (if present): {path}" in plan
        assert path in install_plan  # only what the installer wrote
    assert "would remove (if present): /etc/udev/rules.d/90-certkiosk-usb.rules" in plan
    # the sticks' mount folder is never emptied: a stick may still be mounted there
    assert "rmdir --ignore-fail-on-non-empty /media/certkiosk" in plan
    assert "would remove (if present): /media/certkiosk" not in plan
    assert "systemctl unmask ctrl-alt-del.target" in plan
    assert "systemctl enable getty@tty1.service" in plan
    assert "userdel" not in plan and "kept: the kiosk's data in /var/lib/certkiosk/data" in plan


def test_remove_purge_also_deletes_the_data_and_the_account():
    plan = _dry(REMOVE, "--purge")
    assert "would remove (if present): /var/lib/certkiosk" in plan
    assert "would remove (if present): /etc/certkiosk" in plan
    assert "userdel certkiosk" in plan


@pytest.mark.parametrize(
    ("script", "args", "message"),
    [
        (INSTALL, ["--dry-run", "--lang", "de"], "--lang must be fr or en"),
        (INSTALL, ["--dry-run", "--bundle", "/nonexistent"], "/nonexistent/kiosk not found"),
        (REMOVE, ["--dry-run", "--force"], "unknown option --force"),
    ],
)
def test_scripts_refuse_bad_options_in_one_line(script, args, message):
    result = subprocess.run(["bash", str(script), *args], capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("certkiosk: ") and message in lines[0]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze missing")
def test_generated_unit_is_valid_for_systemd(tmp_path, install_plan):
    lines, inside = [], False
    for line in install_plan.splitlines():
        if line.startswith("would write: /etc/systemd/system/certkiosk-session.service"):
            inside = True
        elif inside and line.startswith("    |"):
            lines.append(line[6:])
        elif inside:
            break
    unit = tmp_path / "certkiosk-session.service"
    unit.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True
    )
    complaints = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "is not executable" not in line and "No such file" not in line
    ]
    assert complaints == []
