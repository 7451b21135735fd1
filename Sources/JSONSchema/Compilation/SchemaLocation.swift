/// Where a schema lives: a document of the registry and a JSON Pointer (escaped, RFC 6901) from
/// that document's root.
struct SchemaLocation: Hashable, Sendable {
    let document: Int
    let pointer: String

    /// The location of `token` (unescaped) inside this one.
    func appending(_ token: String) -> SchemaLocation {
        SchemaLocation(document: document, pointer: pointer + "/" + JSONPointer.escape(token))
    }
}
