import Foundation
import GerbangJSON
import JSONSchema

/// The schema and instance under test.
struct BenchmarkFixture {
    let schema: CompiledSchema
    let instance: JSONValue
    let description: String

    /// Loads the hand-written fixture, with formats asserting and stand-in checkers for the
    /// catalogue's own formats.
    static func load() throws -> BenchmarkFixture {
        let digits: @Sendable (String) -> Bool = { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        let options = SchemaOptions(
            assertFormats: true,
            formats: [
                "nik": FormatChecker { $0.utf8.count == 16 && digits($0) },
                "kode-wilayah": FormatChecker { !$0.isEmpty },
            ])
        var compiler = SchemaCompiler(options: options)
        try compiler.addResource(try JSONParser.parse(HandWrittenFixture.definitions), uri: HandWrittenFixture.definitionsURI)
        let schema = try compiler.compile(try JSONParser.parse(HandWrittenFixture.schema))
        let instance = try JSONParser.parse(HandWrittenFixture.example)
        let result = schema.validate(instance)
        guard result.isValid else { throw FixtureError(message: "the example does not validate: \(result.errors)") }
        return BenchmarkFixture(schema: schema, instance: instance, description: "hand-written population.death.registered fixture (formats asserting)")
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
