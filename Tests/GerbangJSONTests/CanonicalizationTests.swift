import GerbangJSON
import Testing

/// The canonical text of a JSON document.
func canonical(_ text: String) throws -> String {
    try JSONParser.parse(text).canonicalString()
}

/// RFC 8785 vectors, checked by hand against the RFC and against ECMAScript (`JSON.stringify`).
@Suite("RFC 8785 canonicalisation")
struct CanonicalizationTests {
    @Test func rfc8785Section322Example() throws {
        let input = #"""
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try canonical(input) == expected)
    }

    @Test func rfc8785Section323KeyOrdering() throws {
        let input = #"""
        {
          "\u20ac": "Euro Sign",
          "\r": "Carriage Return",
          "\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\ud83d\ude00": "Emoji: Grinning Face",
          "\u0080": "Control",
          "\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """#
        let expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\","
            + "\"\u{F6}\":\"Latin Small Letter O With Diaeresis\",\"\u{20AC}\":\"Euro Sign\","
            + "\"\u{1F600}\":\"Emoji: Grinning Face\",\"\u{FB33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        #expect(try canonical(input) == expected)
        // The exact bytes: U+1F600 (F0 9F 98 80) sorts before U+FB33 (EF AC B3) although its UTF-8 is larger.
        let bytes = try JSONParser.parse(input).canonicalBytes()
        let emoji = try #require(bytes.firstRange(of: [0xF0, 0x9F, 0x98, 0x80]))
        let dalet = try #require(bytes.firstRange(of: [0xEF, 0xAC, 0xB3]))
        #expect(emoji.lowerBound < dalet.lowerBound)
    }

    @Test func keyOrderingAcrossPlanes() throws {
        // UTF-16 order: "" < "a" < "ab" < "b" < U+D7FF < U+10000 < U+10FFFF < U+E000 < U+FFFF.
        let input = #"{"\uffff":0,"\ue000":1,"\udbff\udfff":2,"\ud800\udc00":3,"\ud7ff":4,"b":5,"ab":6,"a":7,"":8}"#
        let expected = "{\"\":8,\"a\":7,\"ab\":6,\"b\":5,\"\u{D7FF}\":4,\"\u{10000}\":3,\"\u{10FFFF}\":2,\"\u{E000}\":1,\"\u{FFFF}\":0}"
        #expect(try canonical(input) == expected)
    }

    @Test func nestedObjectsAreSortedToo() throws {
        #expect(try canonical(#"{"b":{"z":1,"y":[{"d":0,"c":0}]},"a":[]}"#) == #"{"a":[],"b":{"y":[{"c":0,"d":0}],"z":1}}"#)
    }

    @Test(arguments: [
        ("1e21", "1e+21"),
        ("1E21", "1e+21"),
        ("1e20", "100000000000000000000"),
        ("1e-7", "1e-7"),
        ("1e-6", "0.000001"),
        ("-0", "0"),
        ("-0.0", "0"),
        ("0e10", "0"),
        ("5e-324", "5e-324"),
        ("1e-400", "0"),
        ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ("-1.7976931348623157e308", "-1.7976931348623157e+308"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("0.1", "0.1"),
        ("1.0", "1"),
        ("100", "100"),
        ("-100.50", "-100.5"),
        ("123456789012345", "123456789012345"),
        ("9007199254740993", "9007199254740992"),
        ("12345678901234567890", "12345678901234567000"),
        ("295147905179352825856", "295147905179352830000"),
        ("1e23", "1e+23"),
        ("9.999999999999997e22", "9.999999999999997e+22"),
        ("999999999999999700000", "999999999999999700000"),
        ("9.999999999999997e-7", "9.999999999999997e-7"),
        ("-0.0000033333333333333333", "-0.0000033333333333333333"),
        ("1424953923781206.25", "1424953923781206.2"),
        ("333333333.33333329", "333333333.3333333"),
        ("0.000001234", "0.000001234"),
        ("1.5e-7", "1.5e-7"),
        ("123e-20", "1.23e-18"),
        ("4.5e15", "4500000000000000"),
    ])
    func numbers(input: String, expected: String) throws {
        #expect(try JSONNumber(text: input).canonicalText() == expected, "\(input)")
    }

    /// RFC 8785 Appendix B: IEEE 754 bit patterns and their ECMAScript form.
    @Test(arguments: [
        (0x0000_0000_0000_0000 as UInt64, "0"),
        (0x8000_0000_0000_0000, "0"),
        (0x0000_0000_0000_0001, "5e-324"),
        (0x8000_0000_0000_0001, "-5e-324"),
        (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
        (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"),
        (0x4340_0000_0000_0000, "9007199254740992"),
        (0xC340_0000_0000_0000, "-9007199254740992"),
        (0x4430_0000_0000_0000, "295147905179352830000"),
        (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"),
        (0x44B5_2D02_C7E1_4AF6, "1e+23"),
        (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"),
        (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
        (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"),
        (0x444B_1AE4_D6E2_EF50, "1e+21"),
        (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"),
        (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
        (0x41B3_DE43_5555_5553, "333333333.3333332"),
        (0x41B3_DE43_5555_5554, "333333333.33333325"),
        (0x41B3_DE43_5555_5555, "333333333.3333333"),
        (0x41B3_DE43_5555_5556, "333333333.3333334"),
        (0x41B3_DE43_5555_5557, "333333333.33333343"),
        (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
        (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
    ])
    func appendixBNumbers(bits: UInt64, expected: String) throws {
        let double = Double(bitPattern: bits)
        // Swift's shortest form is valid JSON number text for every finite double.
        let text = double.magnitude.description.hasSuffix(".0")
            ? (double.sign == .minus ? "-" : "") + String(double.magnitude.description.dropLast(2))
            : (double.sign == .minus ? "-" : "") + double.magnitude.description
        #expect(try JSONNumber(text: text).canonicalText() == expected, "\(text)")
    }

    @Test func numbersFromDoublesUseTheECMAScriptForm() {
        #expect(JSONNumber(100.0).text == "100")
        #expect(JSONNumber(1e21).text == "1e+21")
        #expect(JSONNumber(-0.0).text == "0")
        #expect(JSONNumber(0.000001).text == "0.000001")
        #expect(JSONNumber(1e-7).text == "1e-7")
        #expect(JSONNumber(-2.5).text == "-2.5")
    }

    @Test func sumOfPointOneAndPointTwo() throws {
        #expect(try JSONValue.number(JSONNumber(0.1 + 0.2)).canonicalString() == "0.30000000000000004")
    }

    @Test func numbersOutOfRangeAreErrors() throws {
        let value = try JSONParser.parse(#"{"a":[1,{"b/c":1e400}]}"#)
        do {
            _ = try value.canonicalBytes()
            Issue.record("1e400 has no canonical form")
        } catch {
            #expect(error.reason == .numberOutOfRange)
            #expect(error.pointer == "/a/1/b~1c")
        }
        #expect(throws: JCSError.self) { try JSONNumber(text: "-1e309").canonicalText() }
    }

    @Test func controlCharacterEscapes() throws {
        let all = (0..<0x20).map { String(format4: $0) }.joined()
        let value = try JSONParser.parse("\"\(all)\"")
        let expected = #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#
        #expect(try value.canonicalString() == expected)
    }

    @Test func onlyQuoteBackslashAndControlsAreEscaped() throws {
        let value = JSONValue.string("\"\\/\u{7F}\u{2028}\u{2029}<>&'é😀")
        #expect(try value.canonicalString() == "\"\\\"\\\\/\u{7F}\u{2028}\u{2029}<>&'é😀\"")
    }

    @Test func whitespaceIsRemovedAndLiteralsKept() throws {
        #expect(try canonical(" [ true , false , null , \"\" , [ ] , { } ] ") == #"[true,false,null,"",[],{}]"#)
    }

    @Test(arguments: [5, 64, 65, 300])
    func objectsOfEverySizeAreSorted(count: Int) throws {
        // Keys k0..k(count-1) written in reverse; canonical order is their string order.
        let keys = (0..<count).map { "k\($0)" }
        let members = keys.reversed().map { "\"\($0)\":0" }.joined(separator: ",")
        let canonicalText = try canonical("{\(members)}")
        let expected = "{" + keys.sorted().map { "\"\($0)\":0" }.joined(separator: ",") + "}"
        #expect(canonicalText == expected)
    }

    @Test func canonicalFormIsAFixedPoint() throws {
        let input = #"{"z":[1.50e3,{"é":"\u00e9","e\u0301":0}],"a":-0.0,"😀":"\ud83d\ude00"}"#
        let once = try JSONParser.parse(input).canonicalBytes()
        let twice = try JSONParser.parse(once).canonicalBytes()
        #expect(once == twice)
        #expect(String(decoding: once, as: UTF8.self) == "{\"a\":0,\"z\":[1500,{\"e\u{301}\":0,\"\u{E9}\":\"\u{E9}\"}],\"😀\":\"😀\"}")
    }
}

private extension String {
    /// A JSON `\u00XX` escape for a control character, uppercase hex (the parser accepts both cases).
    init(format4 value: Int) {
        let hex = String(value, radix: 16, uppercase: true)
        self = "\\u00" + (hex.count == 1 ? "0" + hex : hex)
    }
}
