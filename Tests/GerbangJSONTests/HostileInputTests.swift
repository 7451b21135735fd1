import GerbangJSON
import Testing

/// The acceptance point "hostile input gives an error, no crash, bounded memory": each case is
/// rejected with its specific reason before memory proportional to the hostile part is allocated.
@Suite("JSON parser: hostile input")
struct HostileInputTests {
    @Test func nesting100000DeepIsTooDeep() throws {
        let arrays = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = try #require(parseError(bytes: arrays))
        #expect(error.reason == .tooDeep)
        #expect(error.offset == 64, "the 65th bracket crosses the default limit of 64")

        let objects = String(repeating: #"{"a":"#, count: 100_000)
        #expect(parseError(objects)?.reason == .tooDeep)

        let closed = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(parseError(closed)?.reason == .tooDeep)
    }

    @Test func tenMegabyteStringIsRejected() throws {
        let tenMB = 10 * 1024 * 1024
        var document = [UInt8](repeating: UInt8(ascii: "x"), count: tenMB + 2)
        document[0] = UInt8(ascii: "\"")
        document[tenMB + 1] = UInt8(ascii: "\"")
        // Default limits: the whole input is over maxInputBytes (8 MiB) and is refused up front.
        #expect(parseError(bytes: document)?.reason == .tooLarge)
        // With a larger input limit, the string limit (1 MiB) stops the scan after 1 MiB.
        let roomy = JSONParser.Options(maxInputBytes: 32 * 1024 * 1024)
        let error = try #require(parseError(bytes: document, options: roomy))
        #expect(error.reason == .stringTooLong)
        #expect(error.offset == 0)
    }

    @Test func duplicateKeysAreRejected() {
        #expect(parseError(#"{"nik":"3201010101010001","nik":"3201010101010002"}"#)?.reason == .duplicateKey)
        #expect(parseError(#"{"a":{"b":1,"b":1}}"#)?.reason == .duplicateKey)
        #expect(parseError(#"{"\u0061":1,"a":2}"#)?.reason == .duplicateKey, "escaped and raw forms are the same key")
    }

    @Test func invalidUTF8IsRejected() {
        #expect(parseError(bytes: Array(#"{"name":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8))?.reason == .invalidUTF8)
        #expect(parseError(bytes: Array(#"{""#.utf8) + [0xC0, 0x80] + Array(#"":1}"#.utf8))?.reason == .invalidUTF8)
    }

    @Test func oneMegabyteNumberIsRejected() throws {
        let digits = [UInt8](repeating: UInt8(ascii: "7"), count: 1024 * 1024)
        let error = try #require(parseError(bytes: digits))
        #expect(error.reason == .numberTooLong)
        #expect(error.offset == 0)
        let fraction = Array("0.".utf8) + digits
        #expect(parseError(bytes: fraction)?.reason == .numberTooLong)
        let exponent = Array("1e".utf8) + digits
        #expect(parseError(bytes: exponent)?.reason == .numberTooLong)
        let inArray = Array("[1,".utf8) + digits + Array("]".utf8)
        #expect(parseError(bytes: inArray)?.reason == .numberTooLong)
    }

    @Test func loneSurrogatesAreRejected() {
        #expect(parseError(#"["\ud800"]"#)?.reason == .loneSurrogate)
        #expect(parseError(#"{"\udfff":1}"#)?.reason == .loneSurrogate)
    }
}
