"""The text zoom steps of the candidate app (100–200 %). Qt-free, so the command line can name them."""

from __future__ import annotations

MIN_ZOOM = 100
MAX_ZOOM = 200
ZOOM_STEPS = (100, 125, 150, 175, 200)


def clamp_zoom(zoom: int) -> int:
    """Clamp a zoom percentage to the supported 100–200 % range."""
    return max(MIN_ZOOM, min(MAX_ZOOM, int(zoom)))


def next_zoom(zoom: int, step: int) -> int:
    """The zoom one step up (``step`` > 0) or down (``step`` < 0) in ``ZOOM_STEPS``."""
    if step > 0:
        bigger = [z for z in ZOOM_STEPS if z > zoom]
        return bigger[0] if bigger else MAX_ZOOM
    smaller = [z for z in ZOOM_STEPS if z < zoom]
    return smaller[-1] if smaller else MIN_ZOOM
