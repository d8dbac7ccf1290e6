"""certkiosk: the shared exam engine and the candidate kiosk."""

__version__ = "0.1.0"
