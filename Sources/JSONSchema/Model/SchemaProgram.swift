/// Everything a compiled schema needs at validation time: its nodes and schema resources.
///
/// `Sendable`: immutable after compilation.
struct SchemaProgram: Sendable {
    /// One schema resource (a document root or a subschema with `$id`).
    struct Resource: Sendable {
        /// Its absolute URI.
        let uri: String
        /// Its `$dynamicAnchor`s by name.
        let dynamicAnchors: [String: NodeID]
    }

    let nodes: [SchemaNode]
    let resources: [Resource]
    let root: NodeID
    /// Whether any `$dynamicRef` needs the dynamic scope (otherwise it is not tracked).
    let usesDynamicScope: Bool
}
