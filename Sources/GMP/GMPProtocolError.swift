/// A message that cannot be decoded, or a value that cannot be encoded, as GMP/1.
///
/// It carries the stable reason code the receiver answers with (in an ERROR), the index of the
/// offending frame when there is one, and a human-readable message that never contains payload
/// bytes. `Sendable`: a value type.
public struct GMPProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The machine-readable reason, one of the `protocol.*` codes.
    public var reason: ReasonCode
    /// Zero-based index of the frame at fault, or `nil` when the message as a whole is at fault.
    public var frameIndex: Int?
    /// What is wrong, for people.
    public var message: String

    /// Creates an error.
    public init(_ reason: ReasonCode, frame frameIndex: Int? = nil, _ message: String) {
        self.reason = reason
        self.frameIndex = frameIndex
        self.message = message
    }

    /// `reason (frame N): message`.
    public var description: String {
        if let frameIndex {
            return "\(reason.rawValue) (frame \(frameIndex)): \(message)"
        }
        return "\(reason.rawValue): \(message)"
    }
}
