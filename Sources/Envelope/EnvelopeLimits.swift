import GerbangJSON

/// Limits applied when parsing an event.
///
/// `Sendable`: a value type made only of integers.
public struct EnvelopeLimits: Sendable, Hashable {
    /// Largest accepted event, in bytes of its JSON text. Default 256 KiB (262,144).
    public var maxEventBytes: Int
    /// Limits of the JSON parser (nesting depth 64, string and number sizes; see ``JSONParser/Options``).
    public var json: JSONParser.Options

    /// Creates limits; every argument has the documented default.
    public init(maxEventBytes: Int = 256 * 1024, json: JSONParser.Options = .init()) {
        self.maxEventBytes = maxEventBytes
        self.json = json
    }

    /// 256 KiB events, default JSON parser limits.
    public static let `default` = EnvelopeLimits()
}
