/// The `settings:` of `Config/adapters/bansos.yaml` (kebab-case keys).
///
/// `Sendable`, `Decodable`: a value type.
public struct SocialAidSettings: Sendable, Hashable, Decodable {
    /// The register's SQLite file. Default `var/run/kemensos/register.sqlite`.
    public var database: String
    /// A seed file enrolled at start (beneficiaries not yet in the register); none by default.
    public var seed: String?
    /// The disbursement cycle.
    public var disbursement: DisbursementSchedule
    /// Most events in one publish batch of a cycle. Default 256.
    public var publishBatchSize: Int

    enum CodingKeys: String, CodingKey {
        case database, seed, disbursement
        case publishBatchSize = "publish-batch-size"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        database = try container.decodeIfPresent(String.self, forKey: .database) ?? "var/run/kemensos/register.sqlite"
        seed = try container.decodeIfPresent(String.self, forKey: .seed)
        disbursement = try container.decodeIfPresent(DisbursementSchedule.self, forKey: .disbursement) ?? DisbursementSchedule()
        publishBatchSize = try container.decodeIfPresent(Int.self, forKey: .publishBatchSize) ?? 256
        guard (1...65_535).contains(publishBatchSize) else {
            throw DecodingError.dataCorruptedError(forKey: .publishBatchSize, in: container, debugDescription: "publish-batch-size is 1-65535")
        }
    }
}
