/// Where a payment goes (`common/socialaid#paymentChannel`): an account at a state bank, or cash
/// through PT Pos Indonesia (no account number). `Sendable` value.
public struct PaymentChannel: Codable, Sendable, Hashable {
    /// The paying agency: `bank-bri`, `bank-bni`, `bank-mandiri`, `bank-btn` or `pos-indonesia`.
    public var provider: String
    /// Bank account number, 10–16 digits (required unless the provider is `pos-indonesia`).
    public var accountNumber: String?
    /// Kartu Keluarga Sejahtera number, 16 digits.
    public var kksCardNumber: String?

    /// Creates a payment channel.
    public init(provider: String, accountNumber: String? = nil, kksCardNumber: String? = nil) {
        self.provider = provider
        self.accountNumber = accountNumber
        self.kksCardNumber = kksCardNumber
    }
}
