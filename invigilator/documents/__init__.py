"""The centre's printed documents (reportlab): attendance sheet, session report, kiosk kit sheet."""
