import Foundation

/// The attributes of a stored event that operators see (no payload).
///
/// `Sendable`: a value type.
public struct EventSummary: Sendable, Hashable, Codable {
    /// Acceptance sequence number.
    public var sequence: Int64
    /// `source`.
    public var source: String
    /// The publishing agency (from `source`).
    public var agency: String
    /// `id`.
    public var id: String
    /// `type`.
    public var type: String
    /// `subject` (masked unless unmasked).
    public var subject: String?
    /// `time` as published.
    public var time: String?
    /// When the broker accepted it.
    public var acceptedAt: Date

    /// Creates a summary.
    public init(sequence: Int64, source: String, agency: String, id: String, type: String, subject: String?, time: String?,
                acceptedAt: Date) {
        self.sequence = sequence
        self.source = source
        self.agency = agency
        self.id = id
        self.type = type
        self.subject = subject
        self.time = time
        self.acceptedAt = acceptedAt
    }
}
