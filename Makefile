# certkiosk — developer entry points.
#   make test   set up .venv (and, as root, the Debian libraries Qt needs), then lint, type-check, test
#   make demo   set up, create the demo authority/centre/session once, start console + kiosk

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Libraries Qt needs offscreen, plus the tools tests use to look at PDFs and QR codes.
DEB_TEST := libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 \
            libxkbcommon0 fonts-dejavu-core poppler-utils zbar-tools shellcheck
# A real X window for the demo.
DEB_DEMO := $(DEB_TEST) libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
            libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1

.PHONY: test demo lint typecheck pytest syslibs syslibs-demo venv bench screenshots dist clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "certkiosk needs Python >= 3.11")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "Cannot create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --only-binary sqlcipher3 -e '.[dev]'
	@touch $(STAMP)

syslibs:
	@sh packaging/ensure-debian-packages.sh $(DEB_TEST)

syslibs-demo:
	@sh packaging/ensure-debian-packages.sh $(DEB_DEMO)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: venv
	$(VENV)/bin/mypy

pytest: venv syslibs
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

test: syslibs venv lint typecheck pytest

demo: syslibs-demo venv
	$(PY) -m invigilator.demo

bench: venv
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# Every screen of the kiosk and the console, French and English, in a real X server (Xvfb).
screenshots: syslibs-demo venv
	@sh packaging/ensure-debian-packages.sh xvfb xauth
	for script in tools/screenshots_items.py tools/screenshots_kiosk.py tools/screenshots_console.py; do \
	  xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb $(PY) $$script || exit 1; done

# One-folder bundles of kiosk, invigilator and authority in dist/ (docs/packaging.md). The build
# bundles this machine's libraries: build on the oldest target system.
dist: venv
	@sh packaging/ensure-debian-packages.sh $(DEB_DEMO) libwayland-cursor0 libwayland-egl1
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
	  packaging/certkiosk.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
