"""The certification body's tools: packs, sessions, ingest, scoring, certificates. Qt-free."""
