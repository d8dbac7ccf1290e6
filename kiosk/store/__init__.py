"""SQLCipher persistence: schema, migrations, the event store, key handling. Qt-free."""
