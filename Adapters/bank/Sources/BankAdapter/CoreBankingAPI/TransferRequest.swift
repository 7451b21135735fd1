/// `POST /v1/transfers`: credit one beneficiary's account (the bank's bansos channel API).
///
/// The `reference` is the idempotency key: the same reference sent again (after a timeout or a
/// redelivery) returns the first outcome and never pays twice.
///
/// `Sendable`, `Codable`: a value type of strings and an integer (JSON member names as below).
public struct TransferRequest: Sendable, Hashable, Codable {
    /// The payer's reference: Kemensos's disbursement id (`PKH-2026Q4-00731542`).
    public var reference: String
    /// The account to credit (10-16 digits, the last a Luhn check digit).
    public var accountNumber: String
    /// Whole rupiah, at least 1.
    public var amount: Int
    /// The account holder's name as Kemensos knows it (the bank matches it).
    public var beneficiaryName: String

    /// Creates a request.
    public init(reference: String, accountNumber: String, amount: Int, beneficiaryName: String) {
        self.reference = reference
        self.accountNumber = accountNumber
        self.amount = amount
        self.beneficiaryName = beneficiaryName
    }
}
