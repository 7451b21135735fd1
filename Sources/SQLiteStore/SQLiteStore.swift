// The SQLiteStore module: the embedded SQLite store.
