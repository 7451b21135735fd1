import Catalogue
import Foundation
import GerbangJSON
import Testing

@Suite("Catalogue examples")
struct CatalogueExamplesTests {
    static let requiredTypes = [
        "population.birth.registered", "population.death.registered", "population.address.changed",
        "socialaid.beneficiary.enrolled", "socialaid.eligibility.revoked", "socialaid.disbursement.requested",
        "socialaid.disbursement.settled", "socialaid.disbursement.failed", "health.insurance.membership.changed",
    ]

    static var exampleFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestRepository.examples.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("the catalogue has every required type, each with an example")
    func everyRequiredTypeIsThere() throws {
        let registry = try TestRepository.registry()
        for type in Self.requiredTypes {
            #expect(registry.entry(type: type) != nil, "no schema for \(type)")
            #expect(Self.exampleFiles.contains("\(type).json"), "no example for \(type)")
        }
        #expect(Set(registry.types) == Set(Self.exampleFiles.map { String($0.dropLast(5)) }))
    }

    @Test("every file in Config/examples validates", arguments: exampleFiles)
    func exampleValidates(file: String) throws {
        let registry = try TestRepository.registry()
        let event = try TestRepository.readJSON(TestRepository.examples.appendingPathComponent(file))
        let result = registry.validate(event)
        #expect(result.errors.isEmpty, "\(file): \(result.errors)")
        #expect(result.isValid)
        #expect(result.entry?.type == event.objectValue?["type"]?.stringValue)
    }

    @Test("every person in the examples has a NIK that agrees with their birth date and sex", arguments: exampleFiles)
    func niksAgreeWithBirthDates(file: String) throws {
        let event = try TestRepository.readJSON(TestRepository.examples.appendingPathComponent(file))
        for person in Self.objects(in: event) {
            guard let nik = person["nik"]?.stringValue, let birthDate = person["birthDate"]?.stringValue,
                  let sex = person["sex"]?.stringValue else { continue }
            let decoded = try NIKFormat.decode(nik, regions: TestRepository.regions()).get()
            let parts = birthDate.split(separator: "-").compactMap { Int($0) }
            #expect(parts.count == 3)
            #expect(decoded.birthYearTwoDigits == parts[0] % 100)
            #expect(decoded.birthMonth == parts[1])
            #expect(decoded.birthDay == parts[2])
            #expect(decoded.sex.rawValue == sex)
        }
    }

    /// Every object nested in `value`.
    static func objects(in value: JSONValue) -> [JSONObject] {
        switch value {
        case .object(let object): [object] + object.members.flatMap { objects(in: $0.value) }
        case .array(let items): items.flatMap(objects(in:))
        default: []
        }
    }
}
