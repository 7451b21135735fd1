/// The broker's confirmation of one published event: it is durably stored (ACCEPTED).
/// `Sendable`: a value type.
public struct Receipt: Sendable, Hashable, CustomStringConvertible {
    /// The broker's sequence number of the stored event (for a duplicate: of the original).
    public let sequence: UInt64
    /// The event's (`source`, `id`) had already been accepted within the de-duplication window;
    /// it was not stored again. Publishing again after a lost answer is therefore safe.
    public let duplicate: Bool

    /// Creates a receipt.
    public init(sequence: UInt64, duplicate: Bool) {
        self.sequence = sequence
        self.duplicate = duplicate
    }

    /// `#sequence` plus ` (duplicate)`.
    public var description: String { "#\(sequence)" + (duplicate ? " (duplicate)" : "") }
}
