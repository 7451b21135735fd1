import Foundation
import Testing

@Suite("gerbang schema")
struct SchemaCommandTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = root.appendingPathComponent("Config/schemas").path
    static let examples = root.appendingPathComponent("Config/examples")
    static let invalid = root.appendingPathComponent("Tests/CatalogueTests/Fixtures/invalid")

    static let types = [
        "health.insurance.membership.changed", "population.address.changed", "population.birth.registered",
        "population.death.registered", "socialaid.beneficiary.enrolled", "socialaid.disbursement.failed",
        "socialaid.disbursement.requested", "socialaid.disbursement.settled", "socialaid.eligibility.revoked",
    ]

    @Test func listPrintsTypesVersionsAndTitles() throws {
        let result = try GerbangProcess.run(["schema", "list"], in: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.first?.hasPrefix("TYPE") == true)
        #expect(lines.count == Self.types.count + 1)
        #expect(lines.contains { $0.hasPrefix("population.death.registered") && $0.contains("1.0.0") && $0.contains("Death registered") })
    }

    @Test func listAsJSON() throws {
        let result = try GerbangProcess.run(["schema", "list", "--output", "json", "--schemas", Self.schemas])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        #expect(entries.compactMap { $0["type"] as? String }.sorted() == Self.types)
        let death = try #require(entries.first { ($0["type"] as? String) == "population.death.registered" })
        #expect(death["version"] as? String == "1.0.0")
        #expect(death["dataschema"] as? String == "https://schemas.gerbang.go.id/population.death.registered/1.0.0")
        #expect(death["producers"] as? [String] == ["dukcapil"])
    }

    @Test func everyExampleValidates() throws {
        let files = Self.types.map { Self.examples.appendingPathComponent("\($0).json").path }
        let result = try GerbangProcess.run(["schema", "validate"] + files, in: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").count == files.count)
    }

    @Test func anInvalidEventFailsWithLocationMessageAndKeyword() throws {
        let file = Self.invalid.appendingPathComponent("nik-woman-day-72.json").path
        let result = try GerbangProcess.run(["schema", "validate", "--schemas", Self.schemas, file])
        #expect(result.status == 1)
        let line = try #require(result.stderr.split(separator: "\n").first { $0.contains("/data/deceased/nik") })
        #expect(line.hasPrefix("\(file): /data/deceased/nik: "))
        #expect(line.hasSuffix("/format]"))
        #expect(!result.stderr.contains("3374017207580002"), "the NIK must not be printed")
    }

    @Test func oneInvalidFileAmongValidOnesFailsTheRun() throws {
        let valid = Self.examples.appendingPathComponent("population.death.registered.json").path
        let invalid = Self.invalid.appendingPathComponent("unknown-type.json").path
        let result = try GerbangProcess.run(["schema", "validate", "--quiet", "--schemas", Self.schemas, valid, invalid])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(invalid): /type: "))
        #expect(result.stderr.contains("[schema.unknown-type]"))
        #expect(!result.stderr.contains(valid))
    }

    @Test func envelopeErrorsAreReported() throws {
        let path = try temporaryFile(Array(#"{"specversion":"1.0","id":"x","source":"urn:gerbang:agency:dukcapil"}"#.utf8))
        let result = try GerbangProcess.run(["schema", "validate", "--schemas", Self.schemas, path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path): /type: "))
        #expect(result.stderr.contains("[envelope.missing-attribute]"))
    }

    @Test func missingSchemaDirectoryIsAClearError() throws {
        let file = Self.examples.appendingPathComponent("population.death.registered.json").path
        let result = try GerbangProcess.run(["schema", "validate", "--schemas", "/nonexistent/schemas", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("schema directory not found: /nonexistent/schemas"))
    }

    @Test func defaultSchemaDirectoryIsRelativeToTheWorkingDirectory() throws {
        let file = Self.examples.appendingPathComponent("population.death.registered.json").path
        let result = try GerbangProcess.run(["schema", "validate", file], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Config/schemas"))
    }

    @Test func unreadableFileIsReported() throws {
        let result = try GerbangProcess.run(["schema", "validate", "--schemas", Self.schemas, "/nonexistent/event.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/event.json: /: cannot read the file"))
    }
}
