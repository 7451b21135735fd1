import JSONSchema

/// The outcome of checking one event against the catalogue.
///
/// `Sendable`: a value type made only of `Sendable` values.
public struct EventValidation: Sendable {
    /// The catalogue entry the event was checked against; nil when none could be selected.
    public var entry: CatalogueEntry?
    /// Why the event is rejected; empty when it is valid.
    public var errors: [EventValidationError]

    /// True when the event selected a schema and conforms to it.
    public var isValid: Bool { entry != nil && errors.isEmpty }

    /// Creates a result.
    public init(entry: CatalogueEntry?, errors: [EventValidationError]) {
        self.entry = entry
        self.errors = errors
    }
}

/// One reason an event is rejected by the catalogue.
///
/// `Sendable`: a value type made only of strings and an enum.
public struct EventValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public enum Reason: String, Sendable, Hashable {
        /// The event is not a JSON object, or its `type` is absent or not a string.
        case notAnEvent = "schema.not-an-event"
        /// No schema in the catalogue has the event's `type`.
        case unknownType = "schema.unknown-type"
        /// `dataschema` names a version of the type that the catalogue does not have.
        case unknownVersion = "schema.unknown-version"
        /// `dataschema` is not `https://schemas.gerbang.go.id/<type>/<version>` for the event's `type`.
        case invalidDataSchema = "schema.invalid-dataschema"
        /// The event does not conform to its schema (see the locations and the message).
        case violation = "schema.violation"
        /// A person's `birthDate` or `sex` disagrees with their NIK (a check JSON Schema cannot express).
        case nikMismatch = "schema.nik-mismatch"
    }

    /// Why the event is rejected.
    public var reason: Reason
    /// Where in the event, as a JSON Pointer (`/data/deceased/nik`); `""` is the whole event.
    public var instanceLocation: String
    /// The schema keyword path that failed (`/properties/data/…/format`); `""` when the schema
    /// could not be selected.
    public var keywordLocation: String
    /// The failing schema keyword (`format`, `required`, …); `""` when the schema could not be selected.
    public var keyword: String
    /// A human message; it never repeats personal data from the event.
    public var message: String
    /// For a failed `nik`, `kk` or `kode-wilayah…` format: which rule failed (`nik.invalid-date`, …).
    public var formatViolation: FormatViolation.Reason?

    /// Creates an error.
    public init(reason: Reason, instanceLocation: String, keywordLocation: String, keyword: String = "", message: String) {
        self.reason = reason
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.keyword = keyword
        self.message = message
    }

    /// Wraps a schema violation.
    init(_ error: ValidationError) {
        self.init(reason: .violation, instanceLocation: error.instanceLocation,
                  keywordLocation: error.keywordLocation, keyword: error.keyword, message: error.message)
    }

    /// `<instanceLocation>: <message> [<keywordLocation>]`; the reason code stands in for the
    /// keyword location when no schema was selected.
    public var description: String {
        let location = instanceLocation.isEmpty ? "/" : instanceLocation
        let keyword = keywordLocation.isEmpty ? (reason == .violation ? "/" : reason.rawValue) : keywordLocation
        return "\(location): \(message) [\(keyword)]"
    }
}
