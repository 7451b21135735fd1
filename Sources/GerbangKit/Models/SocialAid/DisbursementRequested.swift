/// `socialaid.disbursement.requested` 1.0.0: Kemensos asks a provider to pay a beneficiary.
/// `Sendable` value.
public struct DisbursementRequested: CanonicalEventData {
    public static let eventType = "socialaid.disbursement.requested"
    public static let schemaVersion = "1.0.0"

    /// `PKH-2026Q4-NNNNNNNN` and the like.
    public var disbursementId: String
    /// `KPM-NNNN-NNNNNNNN`.
    public var beneficiaryId: String
    /// The programme.
    public var programme: Programme
    /// The period paid, `2026-Q4` or `2026-11`.
    public var period: String
    /// NIK and name the provider matches against the account holder.
    public var recipient: PersonReference
    /// Rupiah, at least 1.
    public var amount: Int64
    /// Where the money goes.
    public var paymentChannel: PaymentChannel
    /// Date of the request.
    public var requestedOn: String
    /// The last day the payment may be made.
    public var payBy: String?

    /// Creates the data.
    public init(disbursementId: String, beneficiaryId: String, programme: Programme, period: String,
                recipient: PersonReference, amount: Int64, paymentChannel: PaymentChannel, requestedOn: String,
                payBy: String? = nil) {
        self.disbursementId = disbursementId
        self.beneficiaryId = beneficiaryId
        self.programme = programme
        self.period = period
        self.recipient = recipient
        self.amount = amount
        self.paymentChannel = paymentChannel
        self.requestedOn = requestedOn
        self.payBy = payBy
    }
}
