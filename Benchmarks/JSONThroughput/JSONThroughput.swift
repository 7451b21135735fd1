import Foundation
import GerbangJSON

/// `json-throughput`: parse + RFC 8785 canonicalise throughput of GerbangJSON on one core, with
/// Foundation's `JSONSerialization.jsonObject` parse of the same bytes measured in the same run.
///
/// Run: `swift run -c release json-throughput`. Target: parse + canonicalise ≥ 50 MB/s.
@main
enum JSONThroughput {
    static let rounds = 7
    static let minimumRoundTime = Duration.milliseconds(300)

    static func main() throws {
        let documents = [
            ("small (few KB)", BenchmarkDocuments.document(targetBytes: 4 * 1024, seed: 1)),
            ("large (~1 MB)", BenchmarkDocuments.document(targetBytes: 1024 * 1024, seed: 2)),
        ]
        print("json-throughput: \(rounds) rounds of ≥\(minimumRoundTime), single thread, MB = 10^6 bytes")
        for (name, bytes) in documents {
            // Both parsers must accept the document before anything is timed.
            _ = try JSONParser.parse(bytes).canonicalBytes()
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
            print("\n\(name): \(bytes.count) bytes")

            let gerbang = measure("GerbangJSON parse+canonicalise", bytes: bytes.count) {
                let value = try! JSONParser.parse(bytes)
                return try! value.canonicalBytes().count
            }
            let parseOnly = measure("GerbangJSON parse only", bytes: bytes.count) {
                if case .array(let records) = try! JSONParser.parse(bytes) { return records.count }
                return 0
            }
            let parsed = try JSONParser.parse(bytes)
            _ = measure("GerbangJSON canonicalise only", bytes: bytes.count) {
                try! parsed.canonicalBytes().count
            }
            let data = Data(bytes)
            let foundation = measure("Foundation JSONSerialization parse", bytes: bytes.count) {
                (try! JSONSerialization.jsonObject(with: data) as! NSArray).count
            }
            print(String(format: "  ratio parse+canonicalise / Foundation parse: %.2fx", gerbang / foundation))
            print(String(format: "  ratio parse only / Foundation parse:         %.2fx", parseOnly / foundation))
        }
    }

    /// Runs `body` repeatedly for `rounds` rounds and prints each round and the median, in MB/s.
    static func measure(_ label: String, bytes: Int, _ body: () -> Int) -> Double {
        var results: [Double] = []
        var sink = 0
        let clock = ContinuousClock()
        for _ in 0..<rounds {
            var iterations = 0
            let start = clock.now
            var elapsed = Duration.zero
            repeat {
                sink &+= body()
                iterations += 1
                elapsed = clock.now - start
            } while elapsed < minimumRoundTime
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            results.append(Double(bytes * iterations) / seconds / 1e6)
        }
        let median = results.sorted()[results.count / 2]
        let roundsText = results.map { String(format: "%.1f", $0) }.joined(separator: " ")
        let paddedLabel = label.padding(toLength: 36, withPad: " ", startingAt: 0)
        print("  \(paddedLabel) median \(String(format: "%7.1f", median)) MB/s  (rounds: \(roundsText))")
        if sink == Int.min { print(sink) }  // keeps the work observable to the optimiser
        return median
    }
}
