import Foundation
import GMP
import Testing

@Suite("GMP reason code registry")
struct ReasonCodeTests {
    /// The rows of the reason code table in `docs/protocol.md`: code → retry column.
    static func documentedCodes() throws -> [String: String] {
        let document = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("docs/protocol.md"), encoding: .utf8)
        guard let start = document.range(of: "<!-- reason-codes:begin -->"),
            let end = document.range(of: "<!-- reason-codes:end -->")
        else { return [:] }
        var rows = [String: String]()
        for line in document[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[cells.count - 1]
        }
        return rows
    }

    @Test("every code is an identifier of the form category.name, and they are unique")
    func syntax() {
        for code in ReasonCode.allCases where code != .unrecognized {
            #expect(GMPText.isIdentifier(code.rawValue), "\(code.rawValue)")
            #expect(code.rawValue.contains("."), "\(code.rawValue)")
        }
        #expect(Set(ReasonCode.allCases.map(\.rawValue)).count == ReasonCode.allCases.count)
    }

    @Test("docs/protocol.md documents exactly the registry, with the same retry advice")
    func documented() throws {
        let documented = try Self.documentedCodes()
        #expect(Set(documented.keys) == Set(ReasonCode.allCases.map(\.rawValue)))
        for code in ReasonCode.allCases {
            #expect(documented[code.rawValue] == code.retryAdvice.rawValue, "retry column of \(code.rawValue)")
        }
    }

    @Test("every decoder failure uses a protocol code")
    func decoderCodesAreProtocolCodes() {
        #expect(ReasonCode.protocolMalformedFrame.category == "protocol")
        #expect(ReasonCode.flowRateLimited.retryAdvice == .retry)
        #expect(ReasonCode.schemaViolation.retryAdvice == .doNotRetry)
    }
}
