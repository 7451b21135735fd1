import Catalogue
import Foundation
import GerbangJSON
import Testing

/// The corpus in `Fixtures/invalid/`: each file an event with one defect, and `expected.json`
/// naming, per file, the instance location, reason code and (for schema violations) keyword of
/// the error the catalogue must report, and for our own formats the rule that failed (`formatReason`).
@Suite("Invalid event corpus")
struct InvalidCorpusTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var file: String
        var instanceLocation: String
        var reason: String
        var keyword: String?
        var formatReason: String?
        var testDescription: String { file }
    }

    static var corpus: [Expectation] {
        guard let manifest = try? TestRepository.readJSON(TestRepository.invalidFixtures.appendingPathComponent("expected.json")),
              let object = manifest.objectValue
        else { return [] }
        return object.members.map { member in
            let fields = member.value.objectValue
            return Expectation(
                file: member.key,
                instanceLocation: fields?["instanceLocation"]?.stringValue ?? "<missing>",
                reason: fields?["reason"]?.stringValue ?? "<missing>",
                keyword: fields?["keyword"]?.stringValue,
                formatReason: fields?["formatReason"]?.stringValue
            )
        }.sorted { $0.file < $1.file }
    }

    @Test("the corpus has at least 30 variants, one file each")
    func corpusSize() throws {
        #expect(Self.corpus.count >= 30)
        let files = try FileManager.default.contentsOfDirectory(atPath: TestRepository.invalidFixtures.path)
            .filter { $0.hasSuffix(".json") && $0 != "expected.json" }
        #expect(Set(files) == Set(Self.corpus.map(\.file)))
    }

    @Test("each variant is rejected at the expected instance location", arguments: corpus)
    func rejected(expectation: Expectation) throws {
        let registry = try TestRepository.registry()
        let event = try TestRepository.readJSON(TestRepository.invalidFixtures.appendingPathComponent(expectation.file))
        let result = registry.validate(event)
        #expect(!result.isValid)
        let matching = result.errors.filter { error in
            error.instanceLocation == expectation.instanceLocation && error.reason.rawValue == expectation.reason
                && (expectation.keyword == nil || error.keyword == expectation.keyword)
                && (expectation.formatReason == nil || error.formatViolation?.rawValue == expectation.formatReason)
        }
        #expect(!matching.isEmpty, "\(expectation.file): expected \(expectation.reason) at '\(expectation.instanceLocation)' (\(expectation.keyword ?? "-")), got \(result.errors)")
    }
}
