import Foundation
import GerbangJSON
import Synchronization
import JSONSchema
import Testing

/// Errors name the instance location, the keyword location (through `$ref`) and the keyword.
@Suite struct ErrorLocationTests {
    static let schemaText = """
        {
          "$id": "https://gerbang.test/event.json",
          "type": "object",
          "required": ["type", "data"],
          "properties": {
            "type": {"const": "population.death.registered"},
            "data": {"$ref": "#/$defs/death"}
          },
          "$defs": {
            "death": {
              "type": "object",
              "required": ["person", "dateOfDeath"],
              "properties": {
                "person": {"$ref": "person.json"},
                "dateOfDeath": {"type": "string", "format": "date"},
                "witnesses": {"type": "array", "items": {"$ref": "person.json"}, "maxItems": 3}
              },
              "additionalProperties": false
            }
          }
        }
        """

    static let personText = """
        {
          "$id": "https://gerbang.test/person.json",
          "type": "object",
          "required": ["nik", "name"],
          "properties": {
            "nik": {"type": "string", "pattern": "^[0-9]{16}$"},
            "name": {"type": "string", "minLength": 1}
          }
        }
        """

    static func compile(options: SchemaOptions = .init()) throws -> CompiledSchema {
        var compiler = SchemaCompiler(options: options)
        try compiler.addResource(try JSONParser.parse(personText), uri: "https://gerbang.test/person.json")
        return try compiler.compile(try JSONParser.parse(schemaText))
    }

    @Test func validInstanceHasNoErrors() throws {
        let schema = try Self.compile()
        let instance = try JSONParser.parse("""
            {"type": "population.death.registered",
             "data": {"person": {"nik": "3201234567890001", "name": "Siti"}, "dateOfDeath": "2024-02-29"}}
            """)
        let result = schema.validate(instance)
        #expect(result.isValid)
        #expect(result.errors.isEmpty)
        #expect(schema.isValid(instance))
    }

    @Test func errorsNameInstanceAndKeywordLocations() throws {
        let schema = try Self.compile()
        let instance = try JSONParser.parse("""
            {"type": "population.birth.registered",
             "data": {"person": {"nik": "32012345", "name": ""},
                      "witnesses": [{"nik": "3201234567890001", "name": "A"}, {"name": "B"}],
                      "cause": "x"}}
            """)
        let result = schema.validate(instance)
        #expect(!result.isValid)
        #expect(!schema.isValid(instance))
        let found = Set(result.errors.map { "\($0.instanceLocation) \($0.keywordLocation) \($0.keyword)" })
        let expected: Set<String> = [
            "/type /properties/type/const const",
            "/data/person/nik /properties/data/$ref/properties/person/$ref/properties/nik/pattern pattern",
            "/data/person/name /properties/data/$ref/properties/person/$ref/properties/name/minLength minLength",
            "/data/witnesses/1 /properties/data/$ref/properties/witnesses/items/$ref/required required",
            "/data /properties/data/$ref/required required",
            "/data/cause /properties/data/$ref/additionalProperties additionalProperties",
        ]
        #expect(found == expected)
        let missingNIK = result.errors.first { $0.instanceLocation == "/data/witnesses/1" }
        #expect(missingNIK?.message.contains("'nik'") == true)
        let wrongType = result.errors.first { $0.keyword == "const" }
        #expect(wrongType?.message == #"must be "population.death.registered""#)
    }

    @Test func pointerTokensAreEscaped() throws {
        let schema = try SchemaCompiler().compile(try JSONParser.parse("""
            {"properties": {"a/b~c": {"type": "integer"}}}
            """))
        let result = schema.validate(try JSONParser.parse(#"{"a/b~c": 1.5}"#))
        #expect(result.errors.map(\.instanceLocation) == ["/a~1b~0c"])
        #expect(result.errors.map(\.keywordLocation) == ["/properties/a~1b~0c/type"])
    }

    @Test func anyOfReportsTheBranchErrorsOnlyWhenAllFail() throws {
        let schema = try SchemaCompiler().compile(try JSONParser.parse("""
            {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 10}]}
            """))
        #expect(schema.validate(.number(JSONNumber(12))).errors.isEmpty)
        let result = schema.validate(.number(JSONNumber(3)))
        #expect(Set(result.errors.map(\.keywordLocation)) == ["/anyOf/0/type", "/anyOf/1/minimum", "/anyOf"])
    }

    @Test func deepRecursionIsReportedNotCrashed() throws {
        let schema = try SchemaCompiler(options: SchemaOptions(maxValidationDepth: 50)).compile(try JSONParser.parse("""
            {"$defs": {"loop": {"$ref": "#/$defs/loop"}}, "$ref": "#/$defs/loop"}
            """))
        let result = schema.validate(.null)
        #expect(!result.isValid)
        #expect(result.errors.map(\.keyword) == ["maxValidationDepth"])

        var deep = JSONValue.null
        for _ in 0..<200 { deep = .array([deep]) }
        let nested = try SchemaCompiler(options: SchemaOptions(maxValidationDepth: 100)).compile(try JSONParser.parse("""
            {"$id": "https://gerbang.test/tree", "items": {"$ref": "#"}}
            """))
        #expect(!nested.validate(deep).isValid)
        #expect(nested.validate(deep).errors.map(\.keyword) == ["maxValidationDepth"])
    }

    /// The compile error for `text`, or nil when it compiles.
    static func compileError(_ text: String, options: SchemaOptions = .init()) throws -> SchemaError? {
        let schema = try JSONParser.parse(text)
        do {
            _ = try SchemaCompiler(options: options).compile(schema)
            return nil
        } catch {
            return error
        }
    }

    @Test func compileErrorsHaveReasonCodes() throws {
        #expect(try Self.compileError(#"{"minLength": -1}"#)?.reason == .invalid)
        #expect(try Self.compileError(#"{"$ref": "https://nowhere.test/x.json"}"#)?.reason == .unresolvedReference)
        #expect(try Self.compileError(#"{"$schema": "https://nowhere.test/meta", "type": "string"}"#)?.reason == .unknownMetaSchema)
        #expect(try Self.compileError(#"{"pattern": "(unclosed"}"#)?.reason == .invalidPattern)
        #expect(try Self.compileError(#"{"properties": {"a": 3}}"#)?.reason == .invalid)
        #expect(try Self.compileError(#"{"format": "nik"}"#, options: SchemaOptions(assertFormats: true))?.reason == .unknownFormat)
        #expect(try Self.compileError(##"{"$defs": {"a": {"$ref": "#/$defs/a"}}}"##) == nil)
    }
}

/// The default depth limit keeps evaluation inside a 1 MiB thread stack even in a debug build
/// (about 5 KiB of stack per level in debug; far less in release).
@Suite struct StackDepthTests {
    @Test func defaultDepthLimitFitsInAOneMegabyteStack() throws {
        let schema = try SchemaCompiler().compile(try JSONParser.parse("""
            {"$id": "https://gerbang.test/tree", "type": "array", "items": {"$ref": "#"}, "unevaluatedItems": false}
            """))
        var deep = JSONValue.array([])
        for _ in 0..<1_000 { deep = .array([deep]) }
        let instance = deep
        let outcome = Mutex<[String]?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let result = schema.validate(instance)
            outcome.withLock { $0 = result.errors.map(\.keyword) }
            done.signal()
        }
        thread.stackSize = 1024 * 1024
        thread.start()
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(outcome.withLock { $0 } == ["maxValidationDepth"])
    }
}

/// Failure paths stay linear for nested `anyOf`: only a few levels are re-evaluated to explain.
@Suite struct NestedApplicatorTests {
    @Test func deeplyNestedFailingAnyOfIsBounded() throws {
        var schema = JSONValue.object(JSONObject(["type": .string("string")]))
        for _ in 0..<40 {
            schema = .object(JSONObject(["anyOf": .array([schema, .object(JSONObject(["type": .string("boolean")]))])]))
        }
        let compiled = try SchemaCompiler().compile(schema)
        let clock = ContinuousClock()
        var result: ValidationResult?
        let elapsed = clock.measure { result = compiled.validate(.number(JSONNumber(1))) }
        #expect(result?.isValid == false)
        #expect(result?.errors.contains { $0.keyword == "anyOf" && $0.keywordLocation == "/anyOf" } == true)
        // Three levels are explained (their branch errors reported), deeper ones are not.
        #expect(result?.errors.contains { $0.keywordLocation == "/anyOf/0/anyOf/0/anyOf/1/type" } == true)
        #expect(result?.errors.contains { $0.keywordLocation.hasPrefix("/anyOf/0/anyOf/0/anyOf/0/anyOf/1") } == false)
        #expect(elapsed < .seconds(10))
        #expect(compiled.validate(.string("ok")).isValid)
    }
}

/// Compilation checks schemas of the standard dialect against the draft 2020-12 meta-schema.
@Suite struct MetaSchemaCheckTests {
    @Test func malformedKeywordInAnUnusedDefinitionIsRejected() throws {
        let schema = try JSONParser.parse(#"{"$defs": {"unused": {"properties": {"a": {"type": "strng"}}}}}"#)
        do {
            _ = try SchemaCompiler().compile(schema)
            Issue.record("a schema with type \"strng\" compiled")
        } catch {
            #expect(error.reason == .invalid)
            #expect(error.location == "#/$defs/unused/properties/a/type")
        }
        var options = SchemaOptions()
        options.checksAgainstMetaSchema = false
        #expect(throws: Never.self) { _ = try SchemaCompiler(options: options).compile(schema) }
    }
}
