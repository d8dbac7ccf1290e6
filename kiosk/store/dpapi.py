"""Windows DPAPI through ctypes: CryptProtectData / CryptUnprotectData (CurrentUser scope)."""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from kiosk.core.errors import AuthenticationError, EnvironmentFailure

CRYPTPROTECT_UI_FORBIDDEN = 0x01


class _Blob(ctypes.Structure):
    _fields_ = [("cbData", ctypes.c_uint32), ("pbData", ctypes.POINTER(ctypes.c_char))]


def _blob(data: bytes) -> tuple[_Blob, Any]:
    buffer = ctypes.create_string_buffer(data, len(data))
    return _Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))), buffer


def _apis() -> tuple[Any, Any]:
    if sys.platform != "win32":
        raise EnvironmentFailure("DPAPI n'existe que sous Windows")
    windll = ctypes.windll
    return windll.crypt32, windll.kernel32


def _take(out: _Blob, kernel32: Any) -> bytes:
    try:
        return ctypes.string_at(out.pbData, out.cbData)
    finally:
        kernel32.LocalFree(out.pbData)


def _call(function_name: str, data: bytes, entropy: bytes) -> bytes | None:
    """Run CryptProtectData or CryptUnprotectData; None when Windows refuses."""
    crypt32, kernel32 = _apis()
    data_in, keep1 = _blob(data)
    extra, keep2 = _blob(entropy)
    out = _Blob()
    ok = getattr(crypt32, function_name)(
        ctypes.byref(data_in),
        None,
        ctypes.byref(extra),
        None,
        None,
        CRYPTPROTECT_UI_FORBIDDEN,
        ctypes.byref(out),
    )
    del keep1, keep2
    return _take(out, kernel32) if ok else None


def protect(data: bytes, entropy: bytes) -> bytes:
    """Encrypt ``data`` for the current Windows account.

    Raises:
        EnvironmentFailure: not Windows, or DPAPI refused.
    """
    sealed = _call("CryptProtectData", data, entropy)
    if sealed is None:
        raise EnvironmentFailure("Windows a refusé de protéger la clé des données (DPAPI)")
    return sealed


def unprotect(blob: bytes, entropy: bytes) -> bytes:
    """Decrypt a DPAPI blob made by ``protect`` with the same entropy.

    Raises:
        AuthenticationError: another account, machine or entropy.
    """
    opened = _call("CryptUnprotectData", blob, entropy)
    if opened is None:
        raise AuthenticationError("La clé des données ne peut être ouverte par ce compte Windows")
    return opened
