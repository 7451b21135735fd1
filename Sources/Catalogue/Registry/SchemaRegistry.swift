import Envelope
import GerbangJSON
import JSONSchema

/// The canonical catalogue: every event type's schema, compiled once, selected per event.
///
/// Load it from `Config/schemas/` (see ``init(directory:regions:options:)``); then
/// ``validate(_:)-(CloudEvent)`` selects the schema by the event's `type` and `dataschema` (the
/// newest version when `dataschema` is absent) and validates the whole event, envelope and `data`,
/// with the catalogue's formats (``CatalogueFormats``) and the standard ones asserted.
///
/// `Sendable`: immutable after loading (every stored property is a `let` of `Sendable` values and
/// ``CompiledSchema`` is `Sendable`), so one registry serves any number of threads at once.
public final class SchemaRegistry: Sendable {
    /// Every entry, ordered by type and then by version (oldest first).
    public let entries: [CatalogueEntry]
    /// The region list behind the `nik`, `kk` and `kode-wilayah` formats.
    public let regions: RegionDirectory

    /// Whether ``validate(_:)-(JSONValue)`` also checks that each person's `birthDate` and `sex`
    /// agree with their NIK (``EventValidationError/Reason/nikMismatch``). Default `true`.
    public let checksPersonConsistency: Bool

    private let entriesByURI: [String: CatalogueEntry]
    private let newestByType: [String: CatalogueEntry]

    /// Creates a registry from entries already compiled (see ``init(directory:regions:options:)``).
    init(entries: [CatalogueEntry], regions: RegionDirectory, checksPersonConsistency: Bool) {
        self.checksPersonConsistency = checksPersonConsistency
        let sorted = entries.sorted { ($0.type, $0.version) < ($1.type, $1.version) }
        self.entries = sorted
        self.regions = regions
        var byURI: [String: CatalogueEntry] = [:]
        var newest: [String: CatalogueEntry] = [:]
        for entry in sorted {
            byURI[entry.uri] = entry
            newest[entry.type] = entry
        }
        self.entriesByURI = byURI
        self.newestByType = newest
    }

    /// The event types in the catalogue, sorted.
    public var types: [String] { newestByType.keys.sorted() }

    /// The entry for `type` at `version`, or at its newest version when `version` is nil.
    public func entry(type: String, version: SchemaVersion? = nil) -> CatalogueEntry? {
        guard let version else { return newestByType[type] }
        return entriesByURI[DataSchemaURI.make(type: type, version: version)]
    }

    /// Selects the schema for an event's `type` and optional `dataschema` URI.
    public func select(type: String, dataschema: String?) -> Result<CatalogueEntry, EventValidationError> {
        guard let newest = newestByType[type] else {
            return .failure(EventValidationError(
                reason: .unknownType, instanceLocation: "/type", keywordLocation: "",
                message: "the catalogue has no event type \"\(type)\""))
        }
        guard let dataschema else { return .success(newest) }
        if let entry = entriesByURI[dataschema], entry.type == type { return .success(entry) }
        guard let named = DataSchemaURI.parse(dataschema) else {
            return .failure(EventValidationError(
                reason: .invalidDataSchema, instanceLocation: "/dataschema", keywordLocation: "",
                message: "dataschema must be \(DataSchemaURI.base)<type>/<major.minor.patch>"))
        }
        guard named.type == type else {
            return .failure(EventValidationError(
                reason: .invalidDataSchema, instanceLocation: "/dataschema", keywordLocation: "",
                message: "dataschema names type \"\(named.type)\" but the event's type is \"\(type)\""))
        }
        let known = entries.filter { $0.type == type }.map(\.version.description).joined(separator: ", ")
        return .failure(EventValidationError(
            reason: .unknownVersion, instanceLocation: "/dataschema", keywordLocation: "",
            message: "the catalogue has no version \(named.version) of \"\(type)\" (it has \(known))"))
    }

    /// Selects the schema for a parsed event and validates the event against it.
    public func validate(_ event: CloudEvent) -> EventValidation {
        validate(.object(event.object))
    }

    /// Selects the schema for an event given as a JSON value and validates the event against it.
    ///
    /// Selection failures (`schema.not-an-event`, `schema.unknown-type`, `schema.unknown-version`,
    /// `schema.invalid-dataschema`) come back as the single error of an invalid result. An event
    /// the schema accepts is then checked for persons whose birth date or sex disagrees with
    /// their NIK (`schema.nik-mismatch`), unless ``checksPersonConsistency`` is off.
    public func validate(_ event: JSONValue) -> EventValidation {
        guard let object = event.objectValue else {
            return EventValidation(entry: nil, errors: [EventValidationError(
                reason: .notAnEvent, instanceLocation: "", keywordLocation: "", message: "an event is a JSON object")])
        }
        guard let type = object["type"]?.stringValue else {
            return EventValidation(entry: nil, errors: [EventValidationError(
                reason: .notAnEvent, instanceLocation: object["type"] == nil ? "" : "/type", keywordLocation: "",
                message: object["type"] == nil ? "an event has a \"type\" attribute" : "\"type\" is a string")])
        }
        var dataschema: String?
        if let value = object["dataschema"] {
            guard let text = value.stringValue else {
                return EventValidation(entry: nil, errors: [EventValidationError(
                    reason: .invalidDataSchema, instanceLocation: "/dataschema", keywordLocation: "",
                    message: "dataschema is a string")])
            }
            dataschema = text
        }
        switch select(type: type, dataschema: dataschema) {
        case .failure(let error):
            return EventValidation(entry: nil, errors: [error])
        case .success(let entry):
            let result = entry.schema.validate(event)
            guard !result.isValid else {
                return EventValidation(entry: entry, errors: checksPersonConsistency ? personConsistencyErrors(in: event) : [])
            }
            let errors = result.errors.map { addingFormatDetail(EventValidationError($0), event: event) }
            return EventValidation(entry: entry, errors: errors)
        }
    }
}
