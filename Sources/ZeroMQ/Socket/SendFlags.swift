import CZeroMQ

/// Flags of one send call.
public struct SendFlags: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `ZMQ_DONTWAIT`: fail with ``ZMQError/Reason/wouldBlock`` instead of waiting for room.
    public static let dontWait = SendFlags(rawValue: ZMQ_DONTWAIT)
    /// `ZMQ_SNDMORE`: more frames of this multipart message follow.
    public static let sendMore = SendFlags(rawValue: ZMQ_SNDMORE)
}
