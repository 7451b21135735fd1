import CZeroMQ

/// Flags of one receive call.
public struct ReceiveFlags: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `ZMQ_DONTWAIT`: fail with ``ZMQError/Reason/wouldBlock`` when nothing is queued.
    public static let dontWait = ReceiveFlags(rawValue: ZMQ_DONTWAIT)
}
