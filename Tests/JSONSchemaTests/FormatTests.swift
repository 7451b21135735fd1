import GerbangJSON
import JSONSchema
import Testing

/// `format` is an annotation by default and asserts, with built-in and custom formats, when
/// `assertFormats` is set.
@Suite struct FormatTests {
    /// A stand-in for a catalogue format: 16 ASCII digits.
    static let sixteenDigits = FormatChecker { string in
        string.utf8.count == 16 && string.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    @Test func formatIsAnAnnotationByDefault() throws {
        let schema = try SchemaCompiler().compile(try JSONParser.parse(#"{"format": "date"}"#))
        #expect(schema.validate(.string("2023-02-31")).isValid)
    }

    @Test func customFormatAssertsWhenEnabled() throws {
        let options = SchemaOptions(assertFormats: true, formats: ["nik": Self.sixteenDigits])
        let schema = try SchemaCompiler(options: options).compile(try JSONParser.parse("""
            {"properties": {"nik": {"format": "nik"}}}
            """))
        #expect(schema.validate(try JSONParser.parse(#"{"nik": "3201234567890001"}"#)).isValid)
        let result = schema.validate(try JSONParser.parse(#"{"nik": "32012345678900"}"#))
        #expect(!result.isValid)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.instanceLocation == "/nik")
        #expect(result.errors.first?.keywordLocation == "/properties/nik/format")
        #expect(result.errors.first?.keyword == "format")
        // Formats apply to strings only.
        #expect(schema.validate(try JSONParser.parse(#"{"nik": 12}"#)).isValid)
    }

    @Test func customFormatIsIgnoredWhenFormatsAnnotate() throws {
        let options = SchemaOptions(assertFormats: false, formats: ["nik": Self.sixteenDigits])
        let schema = try SchemaCompiler(options: options).compile(try JSONParser.parse(#"{"format": "nik"}"#))
        #expect(schema.validate(.string("not a nik")).isValid)
    }

    @Test(arguments: [
        ("date", "2024-02-29", true), ("date", "2023-02-29", false), ("date", "2023-13-01", false),
        ("date-time", "2024-01-31T23:59:59Z", true), ("date-time", "2024-01-31T23:59:59+07:00", true),
        ("date-time", "2024-01-31 23:59:59Z", false), ("date-time", "1998-12-31T23:59:60Z", true),
        ("date-time", "1998-12-31T22:59:60Z", false),
        ("time", "08:30:00.5+07:00", true), ("time", "24:00:00Z", false),
        ("duration", "P1Y2M3DT4H5M6S", true), ("duration", "P4W", true), ("duration", "PT", false), ("duration", "P1D2Y", false),
        ("email", "petugas@dukcapil.go.id", true), ("email", "petugas@@dukcapil", false), ("email", ".a@b.id", false),
        ("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true), ("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d1638", false),
        ("uri", "https://gerbang.go.id/a?b#c", true), ("uri", "//gerbang.go.id/a", false), ("uri", "https://a b", false),
        ("uri-reference", "../a#b", true), ("uri-reference", "\\\\a", false),
        ("ipv4", "192.168.0.1", true), ("ipv4", "192.168.0.01", false), ("ipv4", "256.1.1.1", false),
        ("ipv6", "::1", true), ("ipv6", "2001:db8::8a2e:370:7334", true), ("ipv6", "::ffff:192.168.0.1", true),
        ("ipv6", "1::2::3", false), ("ipv6", "12345::", false),
        ("hostname", "dukcapil.kemendagri.go.id", true), ("hostname", "-bad.example", false),
    ])
    func builtinFormatsAssert(format: String, value: String, valid: Bool) throws {
        let schema = try SchemaCompiler(options: SchemaOptions(assertFormats: true))
            .compile(.object(JSONObject(["format": .string(format)])))
        #expect(schema.validate(.string(value)).isValid == valid, "\(format) \(value)")
    }

    @Test func metaSchemaIsBundled() throws {
        let schema = try SchemaCompiler().compile(try JSONParser.parse(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#))
        #expect(schema.validate(try JSONParser.parse(#"{"type": "string", "minLength": 1}"#)).isValid)
        let invalid = schema.validate(try JSONParser.parse(#"{"minLength": -1}"#))
        #expect(!invalid.isValid)
        #expect(invalid.errors.contains { $0.instanceLocation == "/minLength" })
    }

    @Test func compiledSchemaValidatesConcurrently() async throws {
        let schema = try SchemaCompiler().compile(try JSONParser.parse(#"{"items": {"type": "integer", "multipleOf": 0.5}}"#))
        let instance = JSONValue.array((0..<50).map { .number(JSONNumber($0)) })
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { schema.validate(instance).isValid } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes == Array(repeating: true, count: 8))
    }
}
