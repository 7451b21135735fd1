import GRDB

/// One payment to one beneficiary for one period, from the request to the provider's answer.
///
/// `Sendable`: a value type. A GRDB record of the `disbursement` table; one row per
/// (beneficiary, period).
public struct Disbursement: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    /// Where the payment stands.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Created; the request is not yet confirmed by the broker (published again next cycle).
        case pending
        /// The broker accepted the `socialaid.disbursement.requested` event.
        case requested
        /// The provider paid (`socialaid.disbursement.settled`).
        case settled
        /// The provider could not pay (`socialaid.disbursement.failed`).
        case failed
    }

    /// `<programme>-<period>-<serial>`, e.g. `PKH-2026Q4-00000042`.
    public var id: String
    /// The beneficiary paid.
    public var beneficiaryId: String
    /// `2026-Q4` or `2026-11`.
    public var period: String
    /// Rupiah.
    public var amount: Int
    /// Where it stands.
    public var status: Status
    /// The day the request was made.
    public var requestedOn: String
    /// The provider's transaction reference (settled or failed).
    public var providerReference: String?
    /// When the provider paid.
    public var settledAt: String?
    /// Why the provider could not pay.
    public var failureReason: String?
    /// Whether the provider said a later attempt may succeed.
    public var retryable: Bool?

    public static let databaseTableName = "disbursement"

    /// Creates a pending disbursement.
    public init(id: String, beneficiaryId: String, period: String, amount: Int, requestedOn: String) {
        self.id = id
        self.beneficiaryId = beneficiaryId
        self.period = period
        self.amount = amount
        self.requestedOn = requestedOn
        status = .pending
    }
}
