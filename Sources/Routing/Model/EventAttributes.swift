/// The attributes of one event that routing looks at: never its `data`.
///
/// The broker fills it from the parsed envelope after the signature check, so `sourceAgency` is
/// the verified agency.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct EventAttributes: Sendable, Hashable {
    /// The CloudEvents `type`, e.g. `population.death.registered`.
    public var type: String
    /// The publishing agency's id (from `source`), e.g. `dukcapil`.
    public var sourceAgency: String
    /// The CloudEvents `subject`, when the event has one.
    public var subject: String?
    /// The event's other attributes with string values (extension attributes such as
    /// `partitionkey` or `correlationid`), by name.
    public var extensions: [String: String]

    /// Creates the attributes of an event.
    public init(type: String, sourceAgency: String, subject: String? = nil, extensions: [String: String] = [:]) {
        self.type = type
        self.sourceAgency = sourceAgency
        self.subject = subject
        self.extensions = extensions
    }
}
