"""Shared reportlab pieces for the documents certkiosk prints (certificates, centre sheets). Qt-free."""
