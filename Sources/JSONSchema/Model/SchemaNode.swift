/// One compiled schema object (or boolean schema).
///
/// `Sendable`: immutable after compilation.
final class SchemaNode: Sendable {
    /// `true`/`false` for a boolean schema (and for an object schema with no effective keyword,
    /// which is `true`); nil when keywords apply.
    let constant: Bool?
    /// The keywords to evaluate, in evaluation order (`unevaluated*` last).
    let keywords: [Keyword]
    /// Index of the schema resource this node belongs to (for the dynamic scope).
    let resource: Int32
    /// Whether this node has `unevaluatedProperties`/`unevaluatedItems` and therefore needs the
    /// annotations of its adjacent keywords.
    let needsAnnotations: Bool

    init(constant: Bool?, keywords: [Keyword], resource: Int32) {
        self.constant = constant
        self.keywords = keywords
        self.resource = resource
        self.needsAnnotations = keywords.contains {
            switch $0.kind {
            case .unevaluatedItems, .unevaluatedProperties: true
            default: false
            }
        }
    }
}
