/// `socialaid.disbursement.failed` 1.0.0: the provider could not pay. `Sendable` value.
public struct DisbursementFailed: CanonicalEventData {
    public static let eventType = "socialaid.disbursement.failed"
    public static let schemaVersion = "1.0.0"

    /// The disbursement.
    public var disbursementId: String
    /// `KPM-NNNN-NNNNNNNN`.
    public var beneficiaryId: String
    /// The programme.
    public var programme: Programme
    /// Rupiah that were to be paid.
    public var amount: Int64
    /// The paying agency (`bank-bri`, …).
    public var provider: String
    /// The provider's transaction reference, when there is one.
    public var providerReference: String?
    /// When, RFC 3339 date-time.
    public var failedAt: String
    /// Why.
    public var failureReason: FailureReason
    /// Whether the same request may succeed later.
    public var retryable: Bool
    /// The provider's explanation, without personal data (at most 500 characters).
    public var detail: String?

    /// Why a payment failed. `Sendable`: a plain enum.
    public enum FailureReason: String, Codable, Sendable, Hashable, CaseIterable {
        case accountClosed = "account-closed"
        case accountDormant = "account-dormant"
        case accountNotFound = "account-not-found"
        case nameMismatch = "name-mismatch"
        case beneficiaryDeceased = "beneficiary-deceased"
        case cardBlocked = "card-blocked"
        case eligibilityRevoked = "eligibility-revoked"
        case technicalError = "technical-error"
    }

    /// Creates the data.
    public init(disbursementId: String, beneficiaryId: String, programme: Programme, amount: Int64,
                provider: String, providerReference: String? = nil, failedAt: String,
                failureReason: FailureReason, retryable: Bool, detail: String? = nil) {
        self.disbursementId = disbursementId
        self.beneficiaryId = beneficiaryId
        self.programme = programme
        self.amount = amount
        self.provider = provider
        self.providerReference = providerReference
        self.failedAt = failedAt
        self.failureReason = failureReason
        self.retryable = retryable
        self.detail = detail
    }
}
