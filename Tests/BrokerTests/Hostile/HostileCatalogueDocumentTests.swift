import Foundation
import Testing

/// `docs/security.md` and `Tests/BrokerTests/Hostile` stay in step: every test the catalogue
/// names exists, and every hostile-input test is named by a row of the catalogue.
@Suite struct HostileCatalogueDocumentTests {
    /// The test names in the last column of the catalogue's tables (between "## The catalogue" and
    /// the next `## ` heading).
    static func documentedTests() throws -> Set<String> {
        let text = try String(contentsOf: BrokerProcess.repositoryRoot.appendingPathComponent("docs/security.md"), encoding: .utf8)
        guard let start = text.range(of: "\n## The catalogue"),
              let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex) else { return [] }
        var names: Set<String> = []
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| ") {
            guard let last = line.split(separator: "|").last else { continue }
            for part in last.split(separator: "`", omittingEmptySubsequences: false).enumerated() where part.offset % 2 == 1 {
                names.insert(String(part.element))
            }
        }
        return names
    }

    /// The `@Test func` names declared in the hostile test files.
    static func declaredTests() throws -> Set<String> {
        let folder = BrokerProcess.repositoryRoot.appendingPathComponent("Tests/BrokerTests/Hostile")
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where file.hasPrefix("Hostile") && file.hasSuffix("Tests.swift") && file != "HostileCatalogueDocumentTests.swift" {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in source.split(separator: "\n") {
                guard let range = line.range(of: "@Test func ") else { continue }
                names.insert(String(line[range.upperBound...].prefix { $0 != "(" }))
            }
        }
        return names
    }

    @Test func everyCatalogueRowNamesAnExistingTestAndEveryTestHasARow() throws {
        let documented = try Self.documentedTests()
        let declared = try Self.declaredTests()
        #expect(declared.count >= 14)
        #expect(documented.subtracting(declared).isEmpty, "named in docs/security.md but not declared: \(documented.subtracting(declared))")
        #expect(declared.subtracting(documented).isEmpty, "declared but not in docs/security.md: \(declared.subtracting(documented))")
    }
}
