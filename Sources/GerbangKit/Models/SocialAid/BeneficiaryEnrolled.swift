/// `socialaid.beneficiary.enrolled` 1.0.0: Kemensos enrolled a family (KPM) in a programme.
/// `Sendable` value.
public struct BeneficiaryEnrolled: CanonicalEventData {
    public static let eventType = "socialaid.beneficiary.enrolled"
    public static let schemaVersion = "1.0.0"

    /// `KPM-NNNN-NNNNNNNN`.
    public var beneficiaryId: String
    /// The programme.
    public var programme: Programme
    /// The family member who receives the aid (with `kk`).
    public var recipient: Person
    /// The family's address.
    public var address: Address
    /// DTSEN welfare decile, 1 (poorest) to 10.
    public var welfareDecile: Int
    /// PKH components (required for PKH).
    public var components: [String]?
    /// Date of enrolment.
    public var enrolledOn: String
    /// Where payments go.
    public var paymentChannel: PaymentChannel

    /// Creates the data.
    public init(beneficiaryId: String, programme: Programme, recipient: Person, address: Address,
                welfareDecile: Int, components: [String]? = nil, enrolledOn: String, paymentChannel: PaymentChannel) {
        self.beneficiaryId = beneficiaryId
        self.programme = programme
        self.recipient = recipient
        self.address = address
        self.welfareDecile = welfareDecile
        self.components = components
        self.enrolledOn = enrolledOn
        self.paymentChannel = paymentChannel
    }
}
