import Foundation

/// The `settings:` of `Config/adapters/disbursement.yaml` (kebab-case keys).
///
/// `Sendable`, `Decodable`: a value type.
public struct DisbursementChannelSettings: Sendable, Hashable, Decodable {
    /// The base URL of the bank's transfer API. Default `http://127.0.0.1:9580` (the simulator).
    public var bankAPI: URL
    /// The longest wait for one API call, in ms. Default 10,000.
    public var timeoutMs: Int
    /// The payment provider this bank is (`paymentChannel.provider` of the requests it pays,
    /// and `provider` of its answers). Default `bank-bri`.
    public var provider: String

    enum CodingKeys: String, CodingKey {
        case provider
        case bankAPI = "bank-api"
        case timeoutMs = "timeout-ms"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decodeIfPresent(String.self, forKey: .bankAPI) ?? "http://127.0.0.1:9580"
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw DecodingError.dataCorruptedError(forKey: .bankAPI, in: container, debugDescription: "bank-api is an http(s) URL")
        }
        bankAPI = url
        timeoutMs = try container.decodeIfPresent(Int.self, forKey: .timeoutMs) ?? 10_000
        provider = try container.decodeIfPresent(String.self, forKey: .provider) ?? "bank-bri"
        guard (100...600_000).contains(timeoutMs) else {
            throw DecodingError.dataCorruptedError(forKey: .timeoutMs, in: container, debugDescription: "timeout-ms is 100-600000")
        }
    }
}
