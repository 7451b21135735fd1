import Foundation
import GerbangTesting
import PostgresStore
import Store
import Testing

/// Kills the PostgreSQL server itself with SIGKILL while appends are in flight, restarts it
/// (crash recovery replays the WAL) and checks that every append the store confirmed is there.
@Suite("PostgresStore: crash durability (kill -9 of the server)")
struct PostgresCrashDurabilityTests {
    @Test("every confirmed append survives kill -9 of the server and its restart; the open store reconnects")
    func confirmedAppendsSurviveServerKill() async throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let database = try PostgresTestDatabase(on: server)
        let store = try await PostgresStore.open(configuration: database.configuration(), logger: .quietTestLogger)
        let tally = AppendTally()
        let killAfter = Int.random(in: 300...1_500)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    for index in 0..<10_000 {
                        let id = "crash-\(worker)-\(index)"
                        do {
                            let sequence = try await store.appendNew(TestEvents.make(id: id, bodySize: 512))
                            await tally.confirm(id, sequence)
                        } catch let error as StoreError {
                            #expect(error.isStorageFailure, "\(error)")
                            await tally.fail()
                            return
                        }
                    }
                }
            }
            group.addTask {
                // Kill once `killAfter` appends were confirmed, or after 60 s on a machine too
                // loaded to get there (bounded either way).
                for _ in 0..<12_000 {
                    if await tally.confirmed.count >= killAfter { break }
                    try await Task.sleep(for: .milliseconds(5))
                }
                server.kill()
                await tally.markKill()
            }
            try await group.waitForAll()
        }
        let survivors = await tally.confirmed
        // Some appends were confirmed before the kill, so the check below has something to check.
        #expect(await tally.confirmedAtKill > 0)
        #expect(survivors.count >= (await tally.confirmedAtKill))
        #expect(await tally.failures > 0, "no append saw the server die")

        try server.restart()
        // The open store reconnects by itself: its writer and its reads open new connections.
        _ = try await store.appendNew(TestEvents.make(id: "same-store-after-restart"))
        #expect(try await store.event(source: TestEvents.make(id: "x").source, id: "same-store-after-restart") != nil)
        #expect(await store.writeStatistics().isFailing == false)
        await store.close()
        let reopened = try await PostgresStore.open(configuration: database.configuration(), logger: .quietTestLogger)
        var missing: [String] = []
        for (id, sequence) in survivors {
            let record = try await reopened.event(source: TestEvents.make(id: id).source, id: id)
            if record?.event.sequence != sequence || record?.deliveries.count != 2 { missing.append(id) }
        }
        #expect(missing.isEmpty, "\(missing.count) confirmed appends lost, e.g. \(missing.prefix(5))")
        // The store works again after the restart.
        _ = try await reopened.appendNew(TestEvents.make(id: "after-restart"))
        await reopened.close()
    }
}

/// The appends the store confirmed (id → sequence) and how many failed.
actor AppendTally {
    private(set) var confirmed: [String: EventSequence] = [:]
    private(set) var failures = 0
    /// How many were confirmed when the server was killed.
    private(set) var confirmedAtKill = 0

    func confirm(_ id: String, _ sequence: EventSequence) { confirmed[id] = sequence }
    func markKill() { confirmedAtKill = confirmed.count }
    func fail() { failures += 1 }
}
