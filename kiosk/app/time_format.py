"""Times as the candidate reads them: a clock for the header, words for sentences."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def singular(n: int) -> bool:
    """Whether ``n`` takes the singular in the interface language (French: 0 and 1; English: 1)."""
    if QLocale().language() == QLocale.Language.French:
        return n < 2
    return n == 1


def clock_text(ms: int) -> str:
    """``1:05:09`` (or ``5:09`` under an hour); seconds are rounded up so 0:00 means over."""
    seconds = max(0, (ms + 999) // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def duration_words(ms: int) -> str:
    """``2 h 40 min``, ``45 min`` or ``30 s``, translated."""
    seconds = max(0, (ms + 999) // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours and minutes:
        return QCoreApplication.translate("TimeFormat", "{h} h {m} min").format(h=hours, m=minutes)
    if hours:
        return QCoreApplication.translate("TimeFormat", "{h} h").format(h=hours)
    if minutes:
        return QCoreApplication.translate("TimeFormat", "{m} min").format(m=minutes)
    return QCoreApplication.translate("TimeFormat", "{s} s").format(s=secs)


def spoken_clock(ms: int) -> str:
    """The time left in words for screen readers (``1 heure 5 minutes``)."""
    seconds = max(0, (ms + 999) // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        if singular(hours):
            text = QCoreApplication.translate("TimeFormat", "{n} heure")
        else:
            text = QCoreApplication.translate("TimeFormat", "{n} heures")
        parts.append(text.format(n=hours))
    if minutes or hours:
        if singular(minutes):
            text = QCoreApplication.translate("TimeFormat", "{n} minute")
        else:
            text = QCoreApplication.translate("TimeFormat", "{n} minutes")
        parts.append(text.format(n=minutes))
    if not hours:
        if singular(secs):
            text = QCoreApplication.translate("TimeFormat", "{n} seconde")
        else:
            text = QCoreApplication.translate("TimeFormat", "{n} secondes")
        parts.append(text.format(n=secs))
    return " ".join(parts)
