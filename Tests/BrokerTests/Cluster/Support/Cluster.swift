import Testing

/// The cluster scenarios of issue 10 (`docs/deployment.md`): real `gerbangd` nodes on one store
/// (SQLite: one node; PostgreSQL: several on a throwaway server). One after the other (they start
/// several brokers and load the machine), run with `swift test --skip-build --filter Cluster`.
@Suite(.serialized) enum Cluster {}
