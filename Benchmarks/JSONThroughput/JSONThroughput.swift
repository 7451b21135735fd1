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
        // `--only small` or `--only large` measures one document (for profiling).
        let arguments = CommandLine.arguments
        let only = arguments.firstIndex(of: "--only").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        let documents = [
            ("small", "small (few KB)", BenchmarkDocuments.document(targetBytes: 4 * 1024, seed: 1)),
            ("large", "large (~1 MB)", BenchmarkDocuments.document(targetBytes: 1024 * 1024, seed: 2)),
        ].filter { only == nil || $0.0 == only }.map { ($0.1, $0.2) }
        print("json-throughput: \(rounds) rounds of ≥\(minimumRoundTime) CPU time, single thread, MB = 10^6 bytes")
        if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
            print("load average at start: \(load.split(separator: " ").prefix(3).joined(separator: " "))")
        }
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
            print(String(format: "  ratio parse+canonicalise / Foundation parse: %.2fx (CPU time), %.2fx (wall)",
                         gerbang.cpu / foundation.cpu, gerbang.wall / foundation.wall))
            print(String(format: "  ratio parse only / Foundation parse:         %.2fx (CPU time), %.2fx (wall)",
                         parseOnly.cpu / foundation.cpu, parseOnly.wall / foundation.wall))
        }
    }

    /// Throughput of one measured operation: medians over the rounds, in MB/s.
    struct Figures {
        /// Bytes per second of this thread's CPU time: the one-core figure, immune to other
        /// processes taking the CPU away (the machine is shared).
        var cpu: Double
        /// Bytes per second of wall-clock time.
        var wall: Double
    }

    /// Runs `body` repeatedly for `rounds` rounds (each at least `minimumRoundTime` of CPU time)
    /// and prints each round and the medians.
    static func measure(_ label: String, bytes: Int, _ body: () -> Int) -> Figures {
        var cpuResults: [Double] = []
        var wallResults: [Double] = []
        var sink = 0
        let clock = ContinuousClock()
        let minimumSeconds = Double(minimumRoundTime.components.seconds) + Double(minimumRoundTime.components.attoseconds) / 1e18
        for _ in 0..<rounds {
            var iterations = 0
            let wallStart = clock.now
            let cpuStart = threadCPUSeconds()
            var cpuElapsed = 0.0
            repeat {
                sink &+= body()
                iterations += 1
                cpuElapsed = threadCPUSeconds() - cpuStart
            } while cpuElapsed < minimumSeconds
            let wall = clock.now - wallStart
            let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
            cpuResults.append(Double(bytes * iterations) / cpuElapsed / 1e6)
            wallResults.append(Double(bytes * iterations) / wallSeconds / 1e6)
        }
        let figures = Figures(cpu: median(cpuResults), wall: median(wallResults))
        let roundsText = cpuResults.map { String(format: "%.1f", $0) }.joined(separator: " ")
        let paddedLabel = label.padding(toLength: 36, withPad: " ", startingAt: 0)
        print("  \(paddedLabel) median \(String(format: "%7.1f", figures.cpu)) MB/s CPU time, "
              + "\(String(format: "%6.1f", figures.wall)) MB/s wall  (CPU-time rounds: \(roundsText))")
        if sink == Int.min { print(sink) }  // keeps the work observable to the optimiser
        return figures
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// CPU time consumed by the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
