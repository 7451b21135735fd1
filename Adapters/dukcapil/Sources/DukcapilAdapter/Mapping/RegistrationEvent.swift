import GerbangKit

/// The canonical event one export row becomes, before it gets its envelope and signature.
///
/// `Sendable`: a value type of strings, an integer and a catalogue model.
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
    /// The event's `data`.
    public var data: RegistrationData

    /// Creates an event.
    public init(line: Int, kind: ExportEventKind, id: String, subject: String, data: RegistrationData) {
        self.line = line
        self.kind = kind
        self.id = id
        self.subject = subject
        self.data = data
    }

    /// The event to publish (`id` and `subject` the document number).
    public func outgoingEvent() throws(GerbangClientError) -> OutgoingEvent {
        switch data {
        case .birth(let birth): try OutgoingEvent(birth, id: id, subject: subject)
        case .death(let death): try OutgoingEvent(death, id: id, subject: subject)
        case .move(let move): try OutgoingEvent(move, id: id, subject: subject)
        }
    }
}

/// The typed `data` of a registration event: one of the three population types.
///
/// `Sendable`: an enum of `Sendable` catalogue models.
public enum RegistrationData: Sendable, Hashable {
    /// `population.birth.registered`.
    case birth(BirthRegistered)
    /// `population.death.registered`.
    case death(DeathRegistered)
    /// `population.address.changed`.
    case move(AddressChanged)
}
