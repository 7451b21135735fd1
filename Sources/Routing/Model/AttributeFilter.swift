/// Conditions on an event's attributes, besides its type, that a subscription asks for. Every
/// condition given must hold; an empty filter lets every event through.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct AttributeFilter: Sendable, Hashable {
    /// When set, the event's publishing agency must be one of these.
    public var sourceAgencies: Set<String>?
    /// When set, the event must have a `subject` starting with one of these prefixes.
    public var subjectPrefixes: [String]?
    /// Attributes (extension attributes such as `partitionkey`) the event must have with exactly
    /// these values.
    public var attributesEqual: [String: String]

    /// A filter; by default it lets every event through.
    public init(sourceAgencies: Set<String>? = nil, subjectPrefixes: [String]? = nil, attributesEqual: [String: String] = [:]) {
        self.sourceAgencies = sourceAgencies
        self.subjectPrefixes = subjectPrefixes
        self.attributesEqual = attributesEqual
    }

    /// Whether the filter lets every event through.
    public var isEmpty: Bool { sourceAgencies == nil && subjectPrefixes == nil && attributesEqual.isEmpty }

    /// Whether `event` passes every condition (its type is not looked at here).
    public func accepts(_ event: EventAttributes) -> Bool {
        if let sourceAgencies, !sourceAgencies.contains(event.sourceAgency) { return false }
        if let subjectPrefixes {
            guard let subject = event.subject, subjectPrefixes.contains(where: { subject.hasPrefix($0) }) else {
                return false
            }
        }
        for (name, value) in attributesEqual where event.extensions[name] != value {
            return false
        }
        return true
    }
}
