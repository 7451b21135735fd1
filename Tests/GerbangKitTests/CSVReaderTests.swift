import GerbangKit
import Testing

@Suite struct CSVReaderTests {
    private func read(_ text: String, limits: CSVReader.Limits = .init()) -> [Result<CSVRecord, CSVError>] {
        var reader = CSVReader(bytes: Array(text.utf8), limits: limits)
        var results: [Result<CSVRecord, CSVError>] = []
        while let next = reader.next() { results.append(next) }
        return results
    }

    @Test func quotedFieldsDoubledQuotesAndCRLF() throws {
        let results = read("\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\n3,4,5")
        let records = try results.map { try $0.get() }
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", ""], ["3", "4", "5"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func anUnclosedQuoteCostsOneLine() {
        let results = read("h1,h2\n\"open,1\nok,2\n")
        #expect(results.count == 3)
        guard case .failure(let error) = results[1] else {
            Issue.record("expected an error")
            return
        }
        #expect(error.reason == .unterminatedQuote)
        #expect(error.line == 2)
        #expect((try? results[2].get().fields) == ["ok", "2"])
        #expect((try? results[2].get().line) == 3)
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        let results = read("\"a\"b,c\nd,e")
        guard case .failure(let error) = results[0] else {
            Issue.record("expected an error")
            return
        }
        #expect(error.reason == .textAfterQuote)
        #expect((try? results[1].get().fields) == ["d", "e"])
    }

    @Test func limitsAreEnforced() {
        let long = read(String(repeating: "x", count: 100) + "\nok", limits: .init(maxRecordBytes: 50))
        #expect(long.count == 2)
        if case .failure(let error) = long[0] { #expect(error.reason == .recordTooLong) } else { Issue.record("expected an error") }
        #expect((try? long[1].get().fields) == ["ok"])
        let wide = read("a,b,c,d\n", limits: .init(maxFields: 3))
        if case .failure(let error) = wide[0] { #expect(error.reason == .tooManyFields) } else { Issue.record("expected an error") }
    }

    @Test func lineBreaksInQuotesWhenAllowed() throws {
        let results = read("\"a\nb\",c\nd,e\n", limits: .init(allowsLineBreaksInQuotes: true))
        let records = try results.map { try $0.get() }
        #expect(records.map(\.fields) == [["a\nb", "c"], ["d", "e"]])
        #expect(records.map(\.line) == [1, 3])
    }

    @Test func invalidUTF8IsReported() {
        var bytes = Array("a,b\n".utf8)
        bytes += [0xFF, 0x2C, 0x41, 0x0A]
        var reader = CSVReader(bytes: bytes)
        _ = reader.next()
        guard case .failure(let error)? = reader.next() else {
            Issue.record("expected an error")
            return
        }
        #expect(error.reason == .notUTF8)
    }
}
