/// `health.insurance.membership.changed` 1.0.0: BPJS Kesehatan changed a JKN membership.
/// `Sendable` value.
public struct HealthMembershipChanged: CanonicalEventData {
    public static let eventType = "health.insurance.membership.changed"
    public static let schemaVersion = "1.0.0"

    /// Nomor kartu JKN-KIS, 13 digits.
    public var memberNumber: String
    /// The member's NIK.
    public var nik: String
    /// The member's Kartu Keluarga.
    public var kk: String?
    /// What changed.
    public var change: Change
    /// Segment after the change.
    public var segment: Segment
    /// Segment before (required for `segment-changed`).
    public var previousSegment: Segment?
    /// Kelas rawat 1–3.
    public var careClass: Int
    /// Date the change takes effect.
    public var effectiveDate: String
    /// Why.
    public var reason: Reason

    /// What changed. `Sendable`: a plain enum.
    public enum Change: String, Codable, Sendable, Hashable, CaseIterable {
        case enrolled, suspended, reactivated, terminated
        case segmentChanged = "segment-changed"
        case classChanged = "class-changed"
    }

    /// Segmen peserta. `Sendable`: a plain enum.
    public enum Segment: String, Codable, Sendable, Hashable, CaseIterable {
        case pbiAPBN = "PBI-APBN"
        case pbiAPBD = "PBI-APBD"
        case ppu = "PPU"
        case pbpu = "PBPU"
        case bp = "BP"
    }

    /// Why. `Sendable`: a plain enum.
    public enum Reason: String, Codable, Sendable, Hashable, CaseIterable {
        case death
        case eligibilityGranted = "eligibility-granted"
        case eligibilityRevoked = "eligibility-revoked"
        case premiumArrears = "premium-arrears"
        case premiumPaid = "premium-paid"
        case employmentChange = "employment-change"
        case memberRequest = "member-request"
        case dataCorrection = "data-correction"
    }

    /// Creates the data.
    public init(memberNumber: String, nik: String, kk: String? = nil, change: Change, segment: Segment,
                previousSegment: Segment? = nil, careClass: Int, effectiveDate: String, reason: Reason) {
        self.memberNumber = memberNumber
        self.nik = nik
        self.kk = kk
        self.change = change
        self.segment = segment
        self.previousSegment = previousSegment
        self.careClass = careClass
        self.effectiveDate = effectiveDate
        self.reason = reason
    }
}
