import GerbangJSON
import Testing

/// Parses `text` expecting a rejection and returns the error (fails the test if it parses).
func parseError(_ text: String, options: JSONParser.Options = .init()) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(text, options: options)
        Issue.record("expected a rejection of \(text.prefix(80))")
        return nil
    } catch {
        return error
    }
}

/// Parses raw bytes expecting a rejection.
func parseError(bytes: [UInt8], options: JSONParser.Options = .init()) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(bytes, options: options)
        Issue.record("expected a rejection")
        return nil
    } catch {
        return error
    }
}

@Suite("JSON parser: accepted documents")
struct JSONParserAcceptanceTests {
    @Test func scalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse(" true ") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
        #expect(try JSONParser.parse("\"a\"") == .string("a"))
        #expect(try JSONParser.parse("-0") == .number(JSONNumber(text: "-0")))
    }

    @Test func numbersKeepTheirText() throws {
        for text in ["0", "-0", "1.0", "1e400", "-12.50E+03", "123456789012345678901234567890", "0.000001"] {
            let value = try JSONParser.parse(text)
            #expect(value.numberValue?.text == text)
        }
    }

    @Test func objectsKeepMemberOrder() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":[true,null,{"k":"v"}],"m":{}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["a"]?.arrayValue?.count == 3)
        #expect(object["a"]?.arrayValue?[2].objectValue?["k"] == .string("v"))
        #expect(object["m"] == .object(JSONObject()))
        #expect(object["missing"] == nil)
    }

    @Test func whitespaceEverywhere() throws {
        let value = try JSONParser.parse(" \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\n")
        #expect(value.serializedString() == #"{"a":[1,2],"b":{}}"#)
    }

    @Test func escapesDecode() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20ac\ud83d\ude00\u0000""#)
        #expect(value.stringValue == "\"\\/\u{8}\u{C}\n\r\tAé€😀\u{0}")
    }

    @Test func rawUnicodePassesThrough() throws {
        let value = try JSONParser.parse("\"Jalan Merdeka – 東京 😀\"")
        #expect(value.stringValue == "Jalan Merdeka – 東京 😀")
    }

    @Test func canonicallyEquivalentKeysAreDistinct() throws {
        // "é" precomposed and decomposed are different JSON keys.
        let value = try JSONParser.parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        #expect(value.objectValue?.count == 2)
        #expect(value.objectValue?["e\u{301}"] == .number(JSONNumber(text: "2")))
    }

    @Test func largeObjectsLookUpAndDetectDuplicates() throws {
        let members = (0..<100).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let value = try JSONParser.parse("{\(members)}")
        let object = try #require(value.objectValue)
        #expect(object.count == 100)
        #expect(object["k73"] == .number(JSONNumber(text: "73")))
        #expect(object.position(of: "k99") == 99)
        let duplicated = parseError("{\(members),\"k5\":0}")
        #expect(duplicated?.reason == .duplicateKey)
    }

    @Test func acceptsDepthAtTheLimit() throws {
        let options = JSONParser.Options(maxDepth: 5)
        #expect(throws: Never.self) { try JSONParser.parse("[[[[[]]]]]", options: options) }
        #expect(parseError("[[[[[[]]]]]]", options: options)?.reason == .tooDeep)
    }

    @Test func parsesFromArraysAndCollections() throws {
        let bytes = Array(#"{"a":1}"#.utf8)
        #expect(try JSONParser.parse(bytes) == JSONParser.parse(bytes[...]))
        #expect(try JSONParser.parse(bytes).objectValue?["a"]?.numberValue?.text == "1")
    }

    @Test func compactSerialisationRoundTrips() throws {
        let text = #"{"b":[1.50,-0,1E+2,"x\u0001\n\"\\/"],"a":{"é":null,"😀":true}}"#
        let value = try JSONParser.parse(text)
        let serialized = value.serializedBytes()
        #expect(String(decoding: serialized, as: UTF8.self) == #"{"b":[1.50,-0,1E+2,"x\u0001\n\"\\/"],"a":{"é":null,"😀":true}}"#)
        let reparsed = try JSONParser.parse(serialized)
        #expect(reparsed == value)
        #expect(reparsed.serializedBytes() == serialized)
    }
}

@Suite("JSON parser: rejections")
struct JSONParserRejectionTests {
    @Test(arguments: [
        ("", JSONParseError.Reason.unexpectedEnd),
        ("   ", .unexpectedEnd),
        ("[1,2", .unexpectedEnd),
        (#"{"a":1"#, .unexpectedEnd),
        (#""abc"#, .unexpectedEnd),
        ("[1,]", .unexpectedCharacter),
        (#"{"a":1,}"#, .unexpectedCharacter),
        ("{a:1}", .unexpectedCharacter),
        ("[1 2]", .unexpectedCharacter),
        ("tru", .unexpectedEnd),
        ("trux", .unexpectedCharacter),
        ("NaN", .unexpectedCharacter),
        ("'a'", .unexpectedCharacter),
        ("\u{FEFF}1", .unexpectedCharacter),
        ("1 2", .trailingData),
        ("{} x", .trailingData),
        ("01", .invalidNumber),
        ("-01", .invalidNumber),
        ("-", .invalidNumber),
        ("1.", .invalidNumber),
        (".5", .unexpectedCharacter),
        ("1.e5", .invalidNumber),
        ("1e", .invalidNumber),
        ("1e+", .invalidNumber),
        ("+1", .unexpectedCharacter),
        ("-a", .invalidNumber),
        (#"{"a":1,"a":2}"#, .duplicateKey),
        (#""\x""#, .invalidEscape),
        (#""\u12G4""#, .invalidEscape),
        (#""\ud800""#, .loneSurrogate),
        (#""\ud800x""#, .loneSurrogate),
        (#""\ud800\u0041""#, .loneSurrogate),
        (#""\udc00""#, .loneSurrogate),
        (#""\ude00\ud83d""#, .loneSurrogate),
        ("\"a\u{1}b\"", .controlCharacter),
        ("\"a\nb\"", .controlCharacter),
        ("\"tab\there\"", .controlCharacter),
    ])
    func rejects(text: String, reason: JSONParseError.Reason) {
        #expect(parseError(text)?.reason == reason, "\(text)")
    }

    @Test(arguments: [
        [0x22, 0xC3, 0x28, 0x22] as [UInt8],   // truncated 2-byte sequence
        [0x22, 0xC0, 0xAF, 0x22],             // overlong '/'
        [0x22, 0xE0, 0x80, 0xAF, 0x22],       // overlong 3-byte
        [0x22, 0xED, 0xA0, 0x80, 0x22],       // UTF-8 encoded surrogate U+D800
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], // above U+10FFFF
        [0x22, 0xFF, 0x22],                   // never valid
        [0x22, 0x5C, 0x6E, 0xFE, 0x22],       // invalid after an escape
        [0xFF],                               // outside a string
        [0x5B, 0x80, 0x5D],                   // stray continuation byte
    ])
    func rejectsInvalidUTF8(bytes: [UInt8]) {
        #expect(parseError(bytes: bytes)?.reason == .invalidUTF8)
    }

    @Test func invalidUTF8OffsetIsExact() {
        let error = parseError(bytes: Array(#"{"name":"ab"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
        #expect(error?.reason == .invalidUTF8)
        #expect(error?.offset == 11)
    }

    @Test func errorsCarryLineAndColumn() throws {
        let error = try #require(parseError("{\n  \"a\": 1,\n  \"a\": 2\n}"))
        #expect(error.reason == .duplicateKey)
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.offset == 14)
        #expect(error.description.hasPrefix("json.duplicate-key at line 3, column 3 (byte 14)"))
    }

    @Test func reasonCodesAreStable() {
        #expect(JSONParseError.Reason.duplicateKey.rawValue == "json.duplicate-key")
        #expect(JSONParseError.Reason.invalidUTF8.rawValue == "json.invalid-utf8")
        #expect(JSONParseError.Reason.loneSurrogate.rawValue == "json.lone-surrogate")
        #expect(JSONParseError.Reason.tooDeep.rawValue == "json.too-deep")
        #expect(JSONParseError.Reason.tooLarge.rawValue == "json.too-large")
        #expect(JSONParseError.Reason.allCases.allSatisfy { $0.rawValue.hasPrefix("json.") })
    }

    @Test func limitsAreConfigurable() {
        #expect(parseError(#""abcdef""#, options: .init(maxStringBytes: 5))?.reason == .stringTooLong)
        #expect(parseError(#""ab\ncdef""#, options: .init(maxStringBytes: 5))?.reason == .stringTooLong)
        #expect(throws: Never.self) { try JSONParser.parse(#""abcde""#, options: .init(maxStringBytes: 5)) }
        #expect(throws: Never.self) { try JSONParser.parse(#""a\u0062cde""#, options: .init(maxStringBytes: 5)) }
        #expect(parseError("123456", options: .init(maxNumberLength: 5))?.reason == .numberTooLong)
        #expect(parseError("1.2345", options: .init(maxNumberLength: 5))?.reason == .numberTooLong)
        #expect(throws: Never.self) { try JSONParser.parse("1.234", options: .init(maxNumberLength: 5)) }
        #expect(parseError("[1, 2]", options: .init(maxInputBytes: 5))?.reason == .tooLarge)
    }

    @Test func unboundedLimitsDoNotOverflow() throws {
        let unbounded = JSONParser.Options(maxDepth: .max, maxInputBytes: .max, maxStringBytes: .max, maxNumberLength: .max)
        let value = try JSONParser.parse(#"{"a":["text",-12.5e3]}"#, options: unbounded)
        #expect(value.serializedString() == #"{"a":["text",-12.5e3]}"#)
        #expect(parseError(#""open"#, options: unbounded)?.reason == .unexpectedEnd)
    }
}
