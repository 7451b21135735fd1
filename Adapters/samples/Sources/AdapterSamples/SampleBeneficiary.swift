/// A made-up enrolled family for the Kemensos register seed.
///
/// `Sendable`: a value type.
public struct SampleBeneficiary: Sendable, Hashable {
    /// `KPM-<regency>-<8 digits>`.
    public var id: String
    /// The recipient.
    public var person: SamplePerson
    /// `PKH`, `BPNT`, `BLT` or `PBI-JK`.
    public var programme: String
    /// The paying bank.
    public var provider: String
    /// The account (valid check digit unless the sample wants a refusal).
    public var accountNumber: String
    /// The KKS card.
    public var kksCardNumber: String
    /// Rupiah per period.
    public var amount: Int

    /// The seed file's header.
    public static let seedHeader = "ID_KPM,PROGRAM,NIK,NO_KK,NAMA_PENERIMA,KODE_WILAYAH,PENYALUR,NO_REKENING,NO_KKS,NOMINAL"

    /// The beneficiary as a seed file line.
    public var seedLine: String {
        [id, programme, person.nik, person.kk, person.fullName, person.villageCode, provider, accountNumber, kksCardNumber, String(amount)]
            .joined(separator: ",")
    }
}
