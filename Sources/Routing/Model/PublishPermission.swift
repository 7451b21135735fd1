/// One agency's right to publish: the event types it may publish.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct PublishPermission: Sendable, Hashable {
    /// The agency id, e.g. `dukcapil`.
    public var agency: String
    /// The types it may publish; an event is permitted when any glob matches its type.
    public var types: [TypeGlob]

    /// Creates a permission.
    public init(agency: String, types: [TypeGlob]) {
        self.agency = agency
        self.types = types
    }

    /// Whether the permission covers events of `type`.
    public func covers(type: String) -> Bool { types.contains { $0.matches(type) } }
}
