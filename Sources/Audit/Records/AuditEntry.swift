/// The content of one audit record: its kind, when it happened (milliseconds since the Unix
/// epoch, UTC) and its fields in the fixed order of its kind (see the factories in
/// `AuditEntry+Kinds.swift` and `docs/audit.md`).
///
/// `Sendable`: a value type.
public struct AuditEntry: Sendable, Hashable {
    /// What the record attests.
    public var kind: AuditRecordKind
    /// When it happened, milliseconds since 1970-01-01T00:00:00Z.
    public var timeMilliseconds: Int64
    /// The fields, in the order the encoding carries them.
    public var fields: [AuditField]

    /// Creates an entry.
    public init(kind: AuditRecordKind, timeMilliseconds: Int64, fields: [AuditField]) {
        self.kind = kind
        self.timeMilliseconds = timeMilliseconds
        self.fields = fields
    }

    /// The bytes of the first field named `name`.
    public func bytes(_ name: String) -> [UInt8]? {
        fields.first(where: { $0.name == name })?.value
    }

    /// The text of the first field named `name`.
    public func text(_ name: String) -> String? {
        fields.first(where: { $0.name == name })?.text
    }
}
