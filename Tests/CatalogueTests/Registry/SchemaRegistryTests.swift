import Catalogue
import Envelope
import Foundation
import GerbangJSON
import Testing

@Suite("SchemaRegistry")
struct SchemaRegistryTests {
    /// A copy of `Config/schemas` in a fresh temporary directory, to modify.
    static func temporaryCatalogue() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let schemas = directory.appendingPathComponent("schemas")
        try FileManager.default.copyItem(at: TestRepository.schemas, to: schemas)
        return schemas
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func deathExample() throws -> JSONValue {
        try TestRepository.readJSON(TestRepository.examples.appendingPathComponent("population.death.registered.json"))
    }

    static func loadError(_ directory: URL) throws -> SchemaRegistryError? {
        let regions = try TestRepository.regions()
        do {
            _ = try SchemaRegistry(directory: directory.path, regions: regions)
            return nil
        } catch {
            return error
        }
    }

    @Test("selects the newest version when dataschema is absent, the named one otherwise")
    func versionSelection() throws {
        let schemas = try Self.temporaryCatalogue()
        let type = "population.death.registered"
        let original = try String(contentsOf: schemas.appendingPathComponent("\(type)/1.0.0.schema.json"), encoding: .utf8)
        try Self.write(original.replacingOccurrences(of: "\(type)/1.0.0", with: "\(type)/1.10.0"),
                       to: schemas.appendingPathComponent("\(type)/1.10.0.schema.json"))
        try Self.write(original.replacingOccurrences(of: "\(type)/1.0.0", with: "\(type)/1.9.0"),
                       to: schemas.appendingPathComponent("\(type)/1.9.0.schema.json"))
        let registry = try SchemaRegistry(directory: schemas.path, regions: TestRepository.regions())
        #expect(registry.entries.filter { $0.type == type }.map(\.version.description) == ["1.0.0", "1.9.0", "1.10.0"])

        var event = try #require(Self.deathExample().objectValue)
        let pinned = registry.validate(.object(event))
        #expect(pinned.isValid)
        #expect(pinned.entry?.version.description == "1.0.0")

        event["dataschema"] = nil
        let newest = registry.validate(.object(event))
        #expect(newest.isValid)
        #expect(newest.entry?.version.description == "1.10.0")
        #expect(registry.entry(type: type)?.uri == "https://schemas.gerbang.go.id/\(type)/1.10.0")
    }

    @Test("the selection reasons name the attribute")
    func selectionFailures() throws {
        let registry = try TestRepository.registry()
        let unknownType = registry.select(type: "population.divorce.registered", dataschema: nil)
        #expect(throws: EventValidationError.self) { try unknownType.get() }
        if case .failure(let error) = unknownType {
            #expect(error.reason == .unknownType)
            #expect(error.instanceLocation == "/type")
            #expect(error.description.hasSuffix("[schema.unknown-type]"))
        }
        let unknownVersion = registry.select(
            type: "population.death.registered",
            dataschema: "https://schemas.gerbang.go.id/population.death.registered/1.0.1")
        if case .failure(let error) = unknownVersion {
            #expect(error.reason == .unknownVersion)
            #expect(error.instanceLocation == "/dataschema")
        } else {
            Issue.record("an unknown version was accepted")
        }
        #expect(registry.validate(.array([])).errors.first?.reason == .notAnEvent)
    }

    @Test("validates a parsed CloudEvent like its JSON value")
    func cloudEvent() throws {
        let registry = try TestRepository.registry()
        let bytes = try Data(contentsOf: TestRepository.examples.appendingPathComponent("population.death.registered.json"))
        let event = try CloudEvent(parsing: bytes)
        #expect(registry.validate(event).isValid)
        var changed = event
        try changed.setAttribute("dataschema", to: .string("https://schemas.gerbang.go.id/population.death.registered/9.0.0"))
        #expect(registry.validate(changed).errors.map(\.reason) == [.unknownVersion])
    }

    @Test("serves concurrent validations from one instance")
    func concurrentUse() async throws {
        let registry = try TestRepository.registry()
        let valid = try Self.deathExample()
        let invalid = try TestRepository.readJSON(TestRepository.invalidFixtures.appendingPathComponent("nik-woman-day-72.json"))
        let outcomes = await withTaskGroup(of: (Int, Int).self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var validCount = 0
                    var rejectedAtNIK = 0
                    for _ in 0..<250 {
                        if registry.validate(valid).isValid { validCount += 1 }
                        if registry.validate(invalid).errors.contains(where: { $0.instanceLocation == "/data/deceased/nik" }) {
                            rejectedAtNIK += 1
                        }
                    }
                    return (validCount, rejectedAtNIK)
                }
            }
            var totals = (0, 0)
            for await outcome in group { totals = (totals.0 + outcome.0, totals.1 + outcome.1) }
            return totals
        }
        #expect(outcomes.0 == 2_000)
        #expect(outcomes.1 == 2_000)
    }

    @Test("a missing directory is reported")
    func missingDirectory() throws {
        #expect(try Self.loadError(URL(fileURLWithPath: "/nonexistent/schemas"))?.reason == .directoryNotFound)
    }

    @Test("a file off the layout is refused")
    func badLayout() throws {
        let schemas = try Self.temporaryCatalogue()
        try Self.write("{}", to: schemas.appendingPathComponent("population.death.registered/latest.json"))
        #expect(try Self.loadError(schemas)?.reason == .badLayout)

        let other = try Self.temporaryCatalogue()
        try Self.write("{}", to: other.appendingPathComponent("Population_Death/1.0.0.schema.json"))
        #expect(try Self.loadError(other)?.reason == .badLayout)
    }

    @Test("an $id that does not match the path is refused")
    func idMismatch() throws {
        let schemas = try Self.temporaryCatalogue()
        let source = schemas.appendingPathComponent("population.death.registered/1.0.0.schema.json")
        let text = try String(contentsOf: source, encoding: .utf8)
        try Self.write(text, to: schemas.appendingPathComponent("population.death.registered/2.0.0.schema.json"))
        #expect(try Self.loadError(schemas)?.reason == .idMismatch)
    }

    @Test("a schema that does not compile is refused with the compiler's reason")
    func compileFailure() throws {
        let schemas = try Self.temporaryCatalogue()
        try Self.write("""
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "$id": "https://schemas.gerbang.go.id/test.thing.happened/1.0.0",
             "properties": {"type": {"const": "test.thing.happened"}, "x": {"type": "string", "format": "no-such-format"}}}
            """, to: schemas.appendingPathComponent("test.thing.happened/1.0.0.schema.json"))
        let error = try Self.loadError(schemas)
        #expect(error?.reason == .compileFailed)
        #expect(error?.message.contains("schema.unknown-format") == true)
    }

    @Test("invalid JSON in a schema file is refused")
    func invalidJSON() throws {
        let schemas = try Self.temporaryCatalogue()
        try Self.write("{\"a\": 1, \"a\": 2}", to: schemas.appendingPathComponent("test.thing.happened/1.0.0.schema.json"))
        #expect(try Self.loadError(schemas)?.reason == .invalidJSON)
    }

    @Test("the NIK consistency check reports the field and can be turned off")
    func personConsistency() throws {
        let event = try TestRepository.readJSON(TestRepository.invalidFixtures.appendingPathComponent("nik-disagrees-with-sex.json"))
        let strict = try TestRepository.registry().validate(event)
        #expect(strict.errors.map(\.reason) == [.nikMismatch])
        #expect(strict.errors.first?.description.hasPrefix("/data/deceased/sex: ") == true)
        let lenient = try SchemaRegistry(
            directory: TestRepository.schemas.path, regions: TestRepository.regions(),
            options: SchemaRegistry.Options(checksPersonConsistency: false))
        #expect(lenient.validate(event).isValid)
    }
}
