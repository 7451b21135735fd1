import GRDB

/// A beneficiary's registered move (from `population.address.changed`).
///
/// `Sendable`: a value type. A GRDB record of the `relocation` table, one row per
/// (beneficiary, moving certificate).
public struct Relocation: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    /// The beneficiary who moved.
    public var beneficiaryId: String
    /// The SKPWNI number.
    public var movingCertificateNumber: String
    /// The village before.
    public var previousVillageCode: String
    /// The village after.
    public var newVillageCode: String
    /// `intra-regency`, `inter-regency` or `inter-province`.
    public var movementType: String
    /// The day the move took effect.
    public var effectiveDate: String

    public static let databaseTableName = "relocation"

    /// Creates a relocation.
    public init(beneficiaryId: String, movingCertificateNumber: String, previousVillageCode: String, newVillageCode: String,
                movementType: String, effectiveDate: String) {
        self.beneficiaryId = beneficiaryId
        self.movingCertificateNumber = movingCertificateNumber
        self.previousVillageCode = previousVillageCode
        self.newVillageCode = newVillageCode
        self.movementType = movementType
        self.effectiveDate = effectiveDate
    }
}
