/// `gerbang events show`: an event, its signature verdict and its deliveries.
///
/// `Sendable`: a value type.
public struct EventReport: Sendable, Hashable, Codable {
    /// Its attributes.
    public var summary: EventSummary
    /// The event as JSON text, personal data masked unless unmasked.
    public var body: String
    /// `valid`, or the trust reason code of the failure.
    public var signature: String
    /// The signing agency, when the signature is valid.
    public var signedBy: String?
    /// The verifier's message when not valid.
    public var signatureDetail: String?
    /// Its deliveries, one per subscription.
    public var deliveries: [DeliveryReport]

    /// Creates a report.
    public init(summary: EventSummary, body: String, signature: String, signedBy: String?, signatureDetail: String?,
                deliveries: [DeliveryReport]) {
        self.summary = summary
        self.body = body
        self.signature = signature
        self.signedBy = signedBy
        self.signatureDetail = signatureDetail
        self.deliveries = deliveries
    }
}
