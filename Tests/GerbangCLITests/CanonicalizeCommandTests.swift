import Foundation
import Testing

@Suite("gerbang canonicalize")
struct CanonicalizeCommandTests {
    @Test func printsTheCanonicalFormWithoutTrailingNewline() throws {
        let input = """
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }

        """
        let path = try temporaryFile(Array(input.utf8))
        let result = try GerbangProcess.run(["canonicalize", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(Array(result.stdout) == Array(expected.utf8))
    }

    @Test func sortsKeysByUTF16CodeUnits() throws {
        let path = try temporaryFile(Array(#"{"\ufb33":1,"\ud83d\ude00":2,"\u00f6":3}"#.utf8))
        let result = try GerbangProcess.run(["canonicalize", path])
        #expect(result.status == 0)
        #expect(Array(result.stdout) == Array("{\"ö\":3,\"😀\":2,\"\u{FB33}\":1}".utf8))
    }

    @Test func invalidJSONIsReportedWithReasonAndLocation() throws {
        let path = try temporaryFile(Array("{\n  \"a\": 1,\n  \"a\": 2\n}".utf8))
        let result = try GerbangProcess.run(["canonicalize", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("json.duplicate-key at line 3, column 3 (byte 14)"))
    }

    @Test func invalidUTF8IsReported() throws {
        let path = try temporaryFile([0x22, 0xC3, 0x28, 0x22])
        let result = try GerbangProcess.run(["canonicalize", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("json.invalid-utf8"))
    }

    @Test func numbersOutOfRangeAreReported() throws {
        let path = try temporaryFile(Array(#"{"amount":[1e999]}"#.utf8))
        let result = try GerbangProcess.run(["canonicalize", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("jcs.number-out-of-range at /amount/0"))
    }

    @Test func missingFileFails() throws {
        let result = try GerbangProcess.run(["canonicalize", "/nonexistent/gerbang-test.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read"))
    }

    @Test func depthLimitIsConfigurable() throws {
        let path = try temporaryFile(Array("[[[1]]]".utf8))
        let refused = try GerbangProcess.run(["canonicalize", "--max-depth", "2", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("json.too-deep"))
        let accepted = try GerbangProcess.run(["canonicalize", "--max-depth", "3", path])
        #expect(accepted.status == 0)
        #expect(String(decoding: accepted.stdout, as: UTF8.self) == "[[[1]]]")
    }
}
