/// `socialaid.eligibility.revoked` 1.0.0: Kemensos stopped a family's assistance.
/// `Sendable` value.
public struct EligibilityRevoked: CanonicalEventData {
    public static let eventType = "socialaid.eligibility.revoked"
    public static let schemaVersion = "1.0.0"

    /// `KPM-NNNN-NNNNNNNN`.
    public var beneficiaryId: String
    /// The programme.
    public var programme: Programme
    /// The NIK concerned.
    public var nik: String
    /// Why.
    public var reason: Reason
    /// From this date no payment is due.
    public var effectiveDate: String
    /// Date of the decision.
    public var revokedOn: String
    /// What the decision rests on (required when the reason is `deceased`).
    public var basis: Basis?

    /// Why eligibility ended. `Sendable`: a plain enum.
    public enum Reason: String, Codable, Sendable, Hashable, CaseIterable {
        case deceased
        case movedOut = "moved-out"
        case noLongerEligible = "no-longer-eligible"
        case duplicate
        case dataCorrection = "data-correction"
        case withdrawn
    }

    /// The event or document a decision rests on (at least one member). `Sendable` value.
    public struct Basis: Codable, Sendable, Hashable {
        /// The id of the event (e.g. the death registered event).
        public var eventId: String?
        /// Its type.
        public var eventType: String?
        /// The document's number (e.g. the akta kematian).
        public var documentNumber: String?

        /// Creates a basis.
        public init(eventId: String? = nil, eventType: String? = nil, documentNumber: String? = nil) {
            self.eventId = eventId
            self.eventType = eventType
            self.documentNumber = documentNumber
        }
    }

    /// Creates the data.
    public init(beneficiaryId: String, programme: Programme, nik: String, reason: Reason,
                effectiveDate: String, revokedOn: String, basis: Basis? = nil) {
        self.beneficiaryId = beneficiaryId
        self.programme = programme
        self.nik = nik
        self.reason = reason
        self.effectiveDate = effectiveDate
        self.revokedOn = revokedOn
        self.basis = basis
    }
}
