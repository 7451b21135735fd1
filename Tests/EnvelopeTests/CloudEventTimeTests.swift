import Foundation
import GerbangJSON
import Testing

@testable import Envelope

/// `CloudEvent.timeInstant`: the instant of an RFC 3339 `time`, computed without Foundation's
/// date parsers (the publish pipeline's clock-skew check reads it for every event).
@Suite("CloudEvent time instant")
struct CloudEventTimeTests {
    @Test("offsets, fractions, lower-case T and Z, leap days and years before 1970")
    func knownInstants() throws {
        let reference = Date(timeIntervalSince1970: 1_795_314_137)  // 2026-11-22T02:22:17Z
        #expect(RFC3339Timestamp.instant("2026-11-22T02:22:17Z") == reference)
        #expect(RFC3339Timestamp.instant("2026-11-22T09:22:17+07:00") == reference)
        #expect(RFC3339Timestamp.instant("2026-11-21T21:52:17-04:30") == reference)
        #expect(RFC3339Timestamp.instant("2026-11-22t02:22:17z") == reference)
        #expect(RFC3339Timestamp.instant("2026-11-22T02:22:17.125Z") == reference.addingTimeInterval(0.125))
        #expect(RFC3339Timestamp.instant("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(RFC3339Timestamp.instant("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
        #expect(RFC3339Timestamp.instant("2024-02-29T12:00:00Z") == Date(timeIntervalSince1970: 1_709_208_000))
        #expect(RFC3339Timestamp.instant("1900-03-01T00:00:00Z") == Date(timeIntervalSince1970: -2_203_891_200))
        // A leap second is the first instant of the next minute.
        #expect(RFC3339Timestamp.instant("2016-12-31T23:59:60Z") == Date(timeIntervalSince1970: 1_483_228_800))
        for invalid in ["2026-02-29T00:00:00Z", "2026-11-22 02:22:17Z", "2026-11-22T02:22:17", "19-11-2026", ""] {
            #expect(RFC3339Timestamp.instant(invalid) == nil, "\(invalid)")
        }
        let event = try CloudEvent(parsing: Array(#"""
            {"specversion":"1.0","id":"1","source":"/x","type":"t","time":"2026-11-22T09:22:17+07:00"}
            """#.utf8))
        #expect(event.timeInstant == reference)
        #expect(try CloudEvent(parsing: Array(#"{"specversion":"1.0","id":"1","source":"/x","type":"t"}"#.utf8)).timeInstant == nil)
    }

    @Test("agrees with Foundation's ISO 8601 parser on 2,000 random instants and offsets")
    func agreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        for _ in 0..<2_000 {
            // 1900…2100, whole milliseconds; an offset of whole quarter hours within ±14 h.
            let milliseconds = Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &generator)
            let instant = Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
            let offsetMinutes = Int.random(in: -56...56, using: &generator) * 15
            // The local time at that offset, written as RFC 3339 (`±HH:MM`).
            let local = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                                from: instant.addingTimeInterval(Double(offsetMinutes * 60)))
            let fraction = Int(((milliseconds % 1_000) + 1_000) % 1_000)
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d%@%02d:%02d", local.year!, local.month!, local.day!,
                              local.hour!, local.minute!, local.second!, fraction, offsetMinutes < 0 ? "-" : "+",
                              abs(offsetMinutes) / 60, abs(offsetMinutes) % 60)
            let parsed = RFC3339Timestamp.instant(text)
            let foundation = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
            #expect(parsed != nil && foundation != nil, "\(text)")
            guard let parsed, let foundation else { continue }
            #expect(abs(parsed.timeIntervalSince(instant)) < 0.000_01, "\(text): \(parsed) vs \(instant)")
            #expect(abs(parsed.timeIntervalSince(foundation)) < 0.001, "\(text): \(parsed) vs Foundation's \(foundation)")
        }
    }
}
