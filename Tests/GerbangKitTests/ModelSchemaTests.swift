import Catalogue
import Envelope
import Foundation
import GerbangJSON
import GerbangKit
import Testing

/// Every typed model round-trips its catalogue example and, encoded into a canonical event,
/// validates against the catalogue schema (`Config/schemas`) with the Catalogue module.
@Suite("Typed catalogue models")
struct ModelSchemaTests {
    static let registry: SchemaRegistry? = try? SchemaRegistry(
        directory: TestBroker.repositoryRoot.appendingPathComponent("Config/schemas").path)

    static func example(_ type: String) throws -> CloudEvent {
        try CloudEvent(parsing: String(contentsOf: TestBroker.repositoryRoot.appendingPathComponent("Config/examples/\(type).json"),
                                       encoding: .utf8))
    }

    /// Decodes the example's data, re-encodes it, and checks the data is the same JSON and the
    /// rebuilt event is valid.
    func check<Data: CanonicalEventData>(_ type: Data.Type) throws {
        let registry = try #require(Self.registry)
        let example = try Self.example(Data.eventType)
        let model = try Data(event: example)
        let event = try CloudEvent(canonical: model, source: example.source, subject: example.subject)
        #expect(event.type == Data.eventType)
        #expect(event.dataschema == Data.dataSchema)
        #expect(try event.data?.canonicalString() == example.data?.canonicalString())
        let validation = registry.validate(event)
        #expect(validation.isValid, "\(Data.eventType): \(validation.errors)")
    }

    @Test func deathRegistered() throws { try check(DeathRegistered.self) }
    @Test func birthRegistered() throws { try check(BirthRegistered.self) }
    @Test func addressChanged() throws { try check(AddressChanged.self) }
    @Test func beneficiaryEnrolled() throws { try check(BeneficiaryEnrolled.self) }
    @Test func eligibilityRevoked() throws { try check(EligibilityRevoked.self) }
    @Test func disbursementRequested() throws { try check(DisbursementRequested.self) }
    @Test func disbursementSettled() throws { try check(DisbursementSettled.self) }
    @Test func disbursementFailed() throws { try check(DisbursementFailed.self) }
    @Test func healthMembershipChanged() throws { try check(HealthMembershipChanged.self) }

    @Test("a model built in code validates; a broken one is refused by the schema")
    func builtInCode() throws {
        let registry = try #require(Self.registry)
        let revoked = EligibilityRevoked(
            beneficiaryId: "KPM-3374-00012345", programme: .pkh, nik: "3374014507580002", reason: .deceased,
            effectiveDate: "2026-11-17", revokedOn: "2026-11-20",
            basis: .init(eventId: "8f3c2a6e-5b1d-4e7a-9c40-2d6f1b8e7a31", eventType: DeathRegistered.eventType,
                         documentNumber: "3374-KM-19112026-0153"))
        let event = try CloudEvent(canonical: revoked, source: "urn:gerbang:agency:kemensos:bansos", subject: "KPM-3374-00012345")
        #expect(registry.validate(event).isValid)
        var withoutBasis = revoked
        withoutBasis.basis = nil
        let invalid = try CloudEvent(canonical: withoutBasis, source: "urn:gerbang:agency:kemensos:bansos")
        #expect(!registry.validate(invalid).isValid)
    }

    @Test("decoding refuses an event of another type")
    func wrongType() throws {
        let example = try Self.example(DeathRegistered.eventType)
        #expect(throws: GerbangClientError.self) { _ = try BirthRegistered(event: example) }
    }
}
