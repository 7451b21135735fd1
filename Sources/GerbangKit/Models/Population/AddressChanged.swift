/// `population.address.changed` 1.0.0: a resident moved (SKPWNI). `Sendable` value.
public struct AddressChanged: CanonicalEventData {
    public static let eventType = "population.address.changed"
    public static let schemaVersion = "1.0.0"

    /// Nomor SKPWNI, `RRRR-SKPWNI-DDMMYYYY-NNNN`.
    public var movingCertificateNumber: String
    /// The mover's NIK.
    public var nik: String
    /// Kartu Keluarga before the move.
    public var previousKk: String
    /// Kartu Keluarga after the move.
    public var newKk: String
    /// Address before.
    public var previousAddress: Address
    /// Address after.
    public var newAddress: Address
    /// Klasifikasi pindah.
    public var movementType: MovementType
    /// Alasan pindah.
    public var reason: Reason
    /// Date the move takes effect.
    public var effectiveDate: String
    /// NIKs of family members who moved along (at most 20, unique).
    public var accompanyingFamilyMembers: [String]?

    /// Klasifikasi pindah. `Sendable`: a plain enum.
    public enum MovementType: String, Codable, Sendable, Hashable, CaseIterable {
        case intraRegency = "intra-regency"
        case interRegency = "inter-regency"
        case interProvince = "inter-province"
    }

    /// Alasan pindah. `Sendable`: a plain enum.
    public enum Reason: String, Codable, Sendable, Hashable, CaseIterable {
        case work, education, family, housing, health, security, other
    }

    /// Creates the data.
    public init(movingCertificateNumber: String, nik: String, previousKk: String, newKk: String,
                previousAddress: Address, newAddress: Address, movementType: MovementType, reason: Reason,
                effectiveDate: String, accompanyingFamilyMembers: [String]? = nil) {
        self.movingCertificateNumber = movingCertificateNumber
        self.nik = nik
        self.previousKk = previousKk
        self.newKk = newKk
        self.previousAddress = previousAddress
        self.newAddress = newAddress
        self.movementType = movementType
        self.reason = reason
        self.effectiveDate = effectiveDate
        self.accompanyingFamilyMembers = accompanyingFamilyMembers
    }
}
