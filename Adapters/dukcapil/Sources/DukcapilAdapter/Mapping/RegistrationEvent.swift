import GerbangJSON

/// The canonical event one export row becomes, before it gets its envelope and signature.
///
/// `Sendable`: a value type of strings, an integer and a JSON object.
public struct RegistrationEvent: Sendable, Hashable {
    /// The line of the row in its file.
    public var line: Int
    /// The kind of registration (and with it the event type).
    public var kind: ExportEventKind
    /// The event id: the document number, unique per kind of document, so that a file processed
    /// again after a restart publishes the same ids (the broker answers duplicates as accepted).
    public var id: String
    /// The envelope `subject`: the document number (never a NIK or a name).
    public var subject: String
    /// The event's `data`, conforming to the type's schema.
    public var data: JSONObject

    /// Creates an event.
    public init(line: Int, kind: ExportEventKind, id: String, subject: String, data: JSONObject) {
        self.line = line
        self.kind = kind
        self.id = id
        self.subject = subject
        self.data = data
    }
}
