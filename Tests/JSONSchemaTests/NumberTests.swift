import GerbangJSON
import JSONSchema
import Testing

/// Exact decimal arithmetic for `multipleOf`, bounds, `integer` and equality.
@Suite struct NumberTests {
    static func valid(_ schema: String, _ instance: String) throws -> Bool {
        try SchemaCompiler().compile(try JSONParser.parse(schema)).validate(try JSONParser.parse(instance)).isValid
    }

    @Test func multipleOfIsExact() throws {
        #expect(try Self.valid(#"{"multipleOf": 0.0075}"#, "0.0225"))
        #expect(try Self.valid(#"{"multipleOf": 0.01}"#, "19.99"))
        #expect(try !Self.valid(#"{"multipleOf": 0.01}"#, "19.999"))
        #expect(try !Self.valid(#"{"multipleOf": 0.123456789}"#, "1e308"))
        #expect(try Self.valid(#"{"multipleOf": 1e-8}"#, "12391239123"))
        #expect(try Self.valid(#"{"multipleOf": 5}"#, "1e400"))
        #expect(try !Self.valid(#"{"multipleOf": 3}"#, "1e400"))
    }

    @Test func integersAndBoundsBeyondDoublePrecision() throws {
        #expect(try Self.valid(#"{"type": "integer"}"#, "1.0"))
        #expect(try Self.valid(#"{"type": "integer"}"#, "1.5e1"))
        #expect(try !Self.valid(#"{"type": "integer"}"#, "1.05e1"))
        #expect(try !Self.valid(#"{"maximum": 9007199254740992}"#, "9007199254740993"))
        #expect(try Self.valid(#"{"exclusiveMinimum": 9007199254740992}"#, "9007199254740993"))
        #expect(try !Self.valid(#"{"const": 9007199254740992}"#, "9007199254740993"))
        #expect(try Self.valid(#"{"const": 1}"#, "1.000"))
        #expect(try Self.valid(#"{"enum": [{"a": 1, "b": [2.0]}]}"#, #"{"b": [2], "a": 1.0}"#))
    }
}
