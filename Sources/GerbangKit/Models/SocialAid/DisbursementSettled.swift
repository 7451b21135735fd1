/// `socialaid.disbursement.settled` 1.0.0: the provider paid. `Sendable` value.
public struct DisbursementSettled: CanonicalEventData {
    public static let eventType = "socialaid.disbursement.settled"
    public static let schemaVersion = "1.0.0"

    /// The disbursement paid.
    public var disbursementId: String
    /// `KPM-NNNN-NNNNNNNN`.
    public var beneficiaryId: String
    /// The programme.
    public var programme: Programme
    /// Rupiah paid.
    public var amount: Int64
    /// The paying agency (`bank-bri`, …).
    public var provider: String
    /// The provider's transaction reference, `[A-Za-z0-9-]{1,64}`.
    public var providerReference: String
    /// When, RFC 3339 date-time.
    public var settledAt: String

    /// Creates the data.
    public init(disbursementId: String, beneficiaryId: String, programme: Programme, amount: Int64,
                provider: String, providerReference: String, settledAt: String) {
        self.disbursementId = disbursementId
        self.beneficiaryId = beneficiaryId
        self.programme = programme
        self.amount = amount
        self.provider = provider
        self.providerReference = providerReference
        self.settledAt = settledAt
    }
}
