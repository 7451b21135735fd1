import Foundation
import SQLiteStore
import Store
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Starts the real `store-crash-probe` process, kills it with SIGKILL at random moments and
/// checks that every append it confirmed is in the file exactly once.
@Suite("SQLiteStore: crash durability (kill -9)")
struct CrashDurabilityTests {
    /// One run of the probe until it was killed.
    struct ProbeRun: Sendable {
        var confirmed: [(id: String, sequence: Int64)]
        var killed: Bool
        var stderr: String
    }

    static var probeBinary: URL {
        let directory = ProcessInfo.processInfo.environment["GERBANG_BIN_DIR"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return directory.appendingPathComponent("store-crash-probe")
    }

    @Test("every confirmed append survives SIGKILL, exactly once, across three kills")
    func confirmedAppendsSurviveKill() async throws {
        let binary = Self.probeBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "build the probe first: swift build --build-tests (looked for \(binary.path))")
        let directory = try TemporaryDirectory(prefix: "store-crash")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("crash.sqlite").path

        var confirmed: [String: Int64] = [:]
        for round in 0..<3 {
            let killAfter = Int.random(in: 200...4_000)
            let run = try await Self.runProbe(binary: binary, path: path, prefix: "k\(round)", killAfterLines: killAfter)
            #expect(run.killed, "round \(round): the probe ended before it was killed: \(run.stderr)")
            #expect(run.confirmed.count >= min(killAfter, 200), "round \(round): only \(run.confirmed.count) confirmations")
            for (id, sequence) in run.confirmed {
                #expect(confirmed.updateValue(sequence, forKey: id) == nil, "\(id) confirmed twice")
            }
        }

        let store = try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: path), logger: .quietTestLogger)
        var stored: [String: Int] = [:]
        var after: EventSequence?
        while true {
            let page = try await store.history(HistoryQuery(afterSequence: after, limit: 5_000))
            guard let last = page.last else { break }
            for event in page { stored[event.id, default: 0] += 1 }
            after = last.sequence
        }
        #expect(stored.values.allSatisfy { $0 == 1 }, "an event was stored twice")
        var missing = 0
        for (id, sequence) in confirmed {
            guard let record = try await store.event(source: "urn:gerbang:agency:probe", id: id) else {
                missing += 1
                continue
            }
            #expect(record.event.sequence.rawValue == sequence)
            #expect(record.event.body.count > 512)
            #expect(record.deliveries.map(\.subscription) == ["probe/one", "probe/two"])
        }
        #expect(missing == 0, "\(missing) of \(confirmed.count) confirmed events are missing")
        #expect(stored.count >= confirmed.count)
        await store.close()
    }

    /// Runs the probe on a Dispatch thread (its reads block) and kills it after
    /// `killAfterLines` confirmations, or after 60 s at the latest.
    static func runProbe(binary: URL, path: String, prefix: String, killAfterLines: Int) async throws -> ProbeRun {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runProbeBlocking(binary: binary, path: path, prefix: prefix,
                                                                        killAfterLines: killAfterLines) })
            }
        }
    }

    private static func runProbeBlocking(binary: URL, path: String, prefix: String, killAfterLines: Int) throws -> ProbeRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = [path, prefix, "16"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let pid = process.processIdentifier
        // Watchdog: whatever happens, the probe does not outlive 60 s.
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { kill(pid, SIGKILL) }

        var buffer = Data()
        var lineCount = 0
        var killedByUs = false
        let reader = output.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }  // EOF: the probe is gone
            buffer.append(chunk)
            lineCount += chunk.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            if !killedByUs, lineCount > killAfterLines {
                kill(pid, SIGKILL)
                killedByUs = true
            }
        }
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        var confirmed: [(id: String, sequence: Int64)] = []
        // Only whole lines count: a line cut by the kill was not fully reported. (The probe
        // writes each line with one write(2), which is atomic on a pipe, so this is a guard.)
        var lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a cut line
        for line in lines {
            let fields = line.split(separator: " ")
            if fields.count == 3, fields[0] == "confirmed", let sequence = Int64(fields[2]) {
                confirmed.append((String(fields[1]), sequence))
            }
        }
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return ProbeRun(confirmed: confirmed, killed: killed && killedByUs, stderr: stderr)
    }
}
