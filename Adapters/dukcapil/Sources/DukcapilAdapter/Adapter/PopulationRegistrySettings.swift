/// The `settings:` of `Config/adapters/siak.yaml` (kebab-case keys; every key optional).
///
/// `Sendable`, `Decodable`: a value type.
public struct PopulationRegistrySettings: Sendable, Hashable, Decodable {
    /// The folder watched for exports. Default `var/run/dukcapil/inbox`.
    public var inbox: String
    /// Where processed exports go. Default: `done` beside the inbox.
    public var done: String?
    /// Where rejects files go. Default: `rejects` beside the inbox.
    public var rejects: String?
    /// The Kemendagri region list. Default `Config/reference/wilayah-kemendagri-2025.csv`.
    public var regions: String
    /// Time between two looks at the inbox, in ms. Default 1,000.
    public var pollIntervalMs: Int
    /// Wait before an unfinished export is tried again, in ms. Default 5,000.
    public var retryDelayMs: Int
    /// Events waiting for their verdict at once. Default 64.
    public var maxInFlight: Int
    /// The field delimiter, one ASCII character. Default `,`.
    public var delimiter: String
    /// Largest export read, in bytes. Default 64 MiB.
    public var maxFileBytes: Int
    /// Most data rows in one export. Default 100,000.
    public var maxRows: Int

    enum CodingKeys: String, CodingKey {
        case inbox, done, rejects, regions, delimiter
        case pollIntervalMs = "poll-interval-ms"
        case retryDelayMs = "retry-delay-ms"
        case maxInFlight = "max-in-flight"
        case maxFileBytes = "max-file-bytes"
        case maxRows = "max-rows"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inbox = try container.decodeIfPresent(String.self, forKey: .inbox) ?? "var/run/dukcapil/inbox"
        done = try container.decodeIfPresent(String.self, forKey: .done)
        rejects = try container.decodeIfPresent(String.self, forKey: .rejects)
        regions = try container.decodeIfPresent(String.self, forKey: .regions) ?? "Config/reference/wilayah-kemendagri-2025.csv"
        pollIntervalMs = try container.decodeIfPresent(Int.self, forKey: .pollIntervalMs) ?? 1_000
        retryDelayMs = try container.decodeIfPresent(Int.self, forKey: .retryDelayMs) ?? 5_000
        maxInFlight = try container.decodeIfPresent(Int.self, forKey: .maxInFlight) ?? 64
        delimiter = try container.decodeIfPresent(String.self, forKey: .delimiter) ?? ","
        maxFileBytes = try container.decodeIfPresent(Int.self, forKey: .maxFileBytes) ?? 64 << 20
        maxRows = try container.decodeIfPresent(Int.self, forKey: .maxRows) ?? 100_000
        guard pollIntervalMs >= 10, retryDelayMs >= 0, (1...10_000).contains(maxInFlight), maxFileBytes > 0, maxRows > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .pollIntervalMs, in: container, debugDescription:
                "poll-interval-ms >= 10, retry-delay-ms >= 0, max-in-flight 1-10000, max-file-bytes and max-rows > 0")
        }
        guard delimiter.utf8.count == 1, let byte = delimiter.utf8.first, byte != UInt8(ascii: "\""), byte >= 0x20 || byte == 0x09 else {
            throw DecodingError.dataCorruptedError(forKey: .delimiter, in: container, debugDescription: "delimiter is one ASCII character other than a quote")
        }
    }
}
