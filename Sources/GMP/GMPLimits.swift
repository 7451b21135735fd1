/// The limits the GMP/1 decoder enforces on every incoming message, before it interprets any
/// field. `Sendable`: a value type of integers.
///
/// The broker configures them (`docs/configuration.md`) and announces the ones a sender must
/// respect in WELCOME; an adapter decodes the broker's messages with the same limits. The
/// defaults are documented in `docs/protocol.md`, "Limits".
public struct GMPLimits: Hashable, Sendable {
    /// Maximum number of frames in one message, header frame included. Default 513
    /// (one header plus 256 tag/event pairs).
    public var maxFrames: Int

    /// Maximum size in bytes of any single frame. Default 1 MiB (1,048,576).
    public var maxFrameBytes: Int

    /// Maximum number of events in one PUBLISH. Default 256.
    public var maxEventsPerPublish: Int

    /// Maximum number of subscription names in one HELLO or WELCOME. Default 64.
    public var maxSubscriptions: Int

    /// Creates limits; every argument defaults to the documented default.
    public init(
        maxFrames: Int = 513,
        maxFrameBytes: Int = 1_048_576,
        maxEventsPerPublish: Int = 256,
        maxSubscriptions: Int = 64
    ) {
        self.maxFrames = maxFrames
        self.maxFrameBytes = maxFrameBytes
        self.maxEventsPerPublish = maxEventsPerPublish
        self.maxSubscriptions = maxSubscriptions
    }

    /// The documented defaults.
    public static let `default` = GMPLimits()
}
