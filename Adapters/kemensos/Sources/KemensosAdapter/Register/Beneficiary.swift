import GRDB

/// One enrolled family (KPM, keluarga penerima manfaat) in Kemensos's beneficiary register:
/// the recipient who receives the payments, the programme and the payment channel.
///
/// `Sendable`: a value type of strings and integers. A GRDB record of the `beneficiary` table.
public struct Beneficiary: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    /// Eligibility for payments.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Paid each cycle.
        case eligible
        /// No longer paid (see ``revocationReason``).
        case revoked
    }

    /// `KPM-<regency 4 digits>-<8 digits>`.
    public var id: String
    /// A number unique in the register, the serial of this beneficiary's disbursement ids.
    public var serial: Int
    /// `PKH`, `BPNT`, `BLT` or `PBI-JK`.
    public var programme: String
    /// The recipient's NIK (pengurus keluarga).
    public var nik: String
    /// The family card number.
    public var kk: String
    /// The recipient's name as the bank knows the account holder.
    public var fullName: String
    /// The family's village (kode wilayah desa/kelurahan).
    public var villageCode: String
    /// The paying provider (`bank-bri`, …).
    public var provider: String
    /// The collective account number at the provider.
    public var accountNumber: String?
    /// The KKS card number.
    public var kksCardNumber: String?
    /// Rupiah per period.
    public var amount: Int
    /// Eligible or revoked.
    public var status: Status
    /// Why eligibility ended (`deceased`, `moved-out`, …).
    public var revocationReason: String?
    /// From this date no payment is due.
    public var revocationEffectiveDate: String?
    /// The document the revocation rests on (the death certificate number).
    public var revocationDocument: String?
    /// True once the broker accepted the `socialaid.eligibility.revoked` event.
    public var revocationPublished: Bool

    public static let databaseTableName = "beneficiary"

    /// Creates an eligible beneficiary.
    public init(id: String, serial: Int, programme: String, nik: String, kk: String, fullName: String, villageCode: String,
                provider: String, accountNumber: String?, kksCardNumber: String?, amount: Int) {
        self.id = id
        self.serial = serial
        self.programme = programme
        self.nik = nik
        self.kk = kk
        self.fullName = fullName
        self.villageCode = villageCode
        self.provider = provider
        self.accountNumber = accountNumber
        self.kksCardNumber = kksCardNumber
        self.amount = amount
        status = .eligible
        revocationPublished = false
    }
}
