"""Qt-free certification domain: framework, items, validation, assembly, scoring, attempts."""
