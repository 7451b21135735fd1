// store-crash-probe: appends events to a SQLiteStore as fast as it can and prints one line per
// confirmed (durable) append, so that a test can kill it with SIGKILL at any moment and check
// that every confirmed event survived.
//
//     store-crash-probe <database-path> <id-prefix> [concurrency=16] [max-events=1000000]
//
// stdout: `ready` once the store is open, then `confirmed <event-id> <sequence>` per accepted
// event, each line written with one write(2) (atomic on a pipe). Exit 0 after max-events.
import Foundation
import Logging
import SQLiteStore
import Store

#if canImport(Glibc)
import Glibc
#endif

/// The fixed body of a probe event, recomputed by the test to check integrity.
func probeBody(id: String) -> [UInt8] {
    let head = Array("{\"probe\":\"\(id)\",\"pad\":\"".utf8)
    return head + Array(repeating: UInt8(ascii: "x"), count: 512) + Array("\"}".utf8)
}

/// Writes one line to stdout with a single `write(2)`, bypassing stdio buffering.
func emit(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { exit(3) }
            offset += written
        }
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3,
      let concurrency = arguments.count > 3 ? Int(arguments[3]) : 16,
      let maxEvents = arguments.count > 4 ? Int(arguments[4]) : 1_000_000,
      concurrency > 0, maxEvents > 0
else {
    FileHandle.standardError.write(Data("usage: store-crash-probe <database-path> <id-prefix> [concurrency] [max-events]\n".utf8))
    exit(64)
}
let path = arguments[1]
let prefix = arguments[2]
var logger = Logger(label: "store-crash-probe")
logger.logLevel = .warning

do {
    let store = try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: path), logger: logger)
    emit("ready")
    let perTask = (maxEvents + concurrency - 1) / concurrency
    try await withThrowingTaskGroup(of: Void.self) { group in
        for task in 0..<concurrency {
            group.addTask {
                for index in 0..<perTask {
                    let id = "\(prefix)-\(task)-\(index)"
                    let event = NewEvent(
                        source: "urn:gerbang:agency:probe",
                        id: id,
                        type: "probe.crash.tested",
                        partitionKey: "p\(index % 7)",
                        body: probeBody(id: id),
                        acceptedAt: Date(),
                        subscriptions: ["probe/one", "probe/two"]
                    )
                    let outcome = try await store.append(event)
                    emit("confirmed \(id) \(outcome.sequence.rawValue)")
                }
            }
        }
        try await group.waitForAll()
    }
    await store.close()
} catch {
    FileHandle.standardError.write(Data("store-crash-probe: \(error)\n".utf8))
    exit(1)
}
