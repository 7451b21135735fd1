import Catalogue
import Foundation
import GerbangJSON
import JSONSchema

/// The schema and instance under test: the catalogue's `population.death.registered` schema,
/// compiled by the Catalogue registry exactly as the broker compiles it (formats asserting, with
/// the catalogue's `nik`, `kk` and `kode-wilayah` checkers), and its example event.
struct BenchmarkFixture {
    static let eventType = "population.death.registered"

    let registry: SchemaRegistry
    let schema: CompiledSchema
    let instance: JSONValue
    let description: String

    /// The repository root, from this file's location (override with `--config DIR`).
    static let defaultConfigDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Config").path

    static func load(configDirectory: String) throws -> BenchmarkFixture {
        let schemas = configDirectory + "/schemas"
        let registry = try SchemaRegistry(directory: schemas)
        guard let entry = registry.entry(type: eventType) else {
            throw FixtureError(message: "the catalogue in \(schemas) has no \(eventType)")
        }
        let examplePath = configDirectory + "/examples/\(eventType).json"
        let instance = try JSONParser.parse(try Data(contentsOf: URL(fileURLWithPath: examplePath)))
        let result = entry.schema.validate(instance)
        guard result.isValid else { throw FixtureError(message: "the example does not validate: \(result.errors)") }
        return BenchmarkFixture(
            registry: registry, schema: entry.schema, instance: instance,
            description: "\(entry.uri) with \(examplePath) (formats asserting)")
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
