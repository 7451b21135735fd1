import JSONSchema

/// One event type at one version in the catalogue: its compiled schema and what documents it.
///
/// `Sendable`: immutable; ``CompiledSchema`` is `Sendable` and the rest are value types.
public struct CatalogueEntry: Sendable {
    /// The event type, e.g. `population.death.registered`.
    public let type: String
    /// The schema version.
    public let version: SchemaVersion
    /// The `dataschema` URI and schema `$id`: `https://schemas.gerbang.go.id/<type>/<version>`.
    public let uri: String
    /// The schema's `title`.
    public let title: String
    /// The schema's `description`.
    public let summary: String
    /// The agencies that publish this type (`x-gerbang.producers`).
    public let producers: [String]
    /// The agencies that subscribe to this type (`x-gerbang.consumers`).
    public let consumers: [String]
    /// The schema file the entry was loaded from.
    public let path: String
    /// The compiled schema; validates a whole event (envelope attributes and `data`).
    public let schema: CompiledSchema
}
