import Foundation
import Logging
import SQLiteStore
import Store
import Testing

@Suite("SQLiteStore: durability settings, limits and error mapping")
struct SQLiteStoreEngineTests {
    private func configuration(in directory: TemporaryDirectory) -> SQLiteStoreConfiguration {
        SQLiteStoreConfiguration(path: directory.url.appendingPathComponent("data/gerbang.sqlite").path)
    }

    @Test("the writer runs in WAL mode with synchronous = FULL (GRDB's NORMAL is overridden)")
    func durabilityPragmas() async throws {
        let directory = try TemporaryDirectory(prefix: "store-engine")
        defer { directory.remove() }
        let store = try await SQLiteStore.open(configuration: configuration(in: directory), logger: .quietTestLogger)
        let settings = try await store.durabilitySettings()
        #expect(settings.journalMode == "wal")
        #expect(settings.synchronous == 2)
        #expect(settings.walAutoCheckpointPages == 4_000)
        #expect(settings.pageSize == 8_192)
        await store.close()
        #expect(FileManager.default.fileExists(atPath: configuration(in: directory).path))
    }

    @Test("appends commit with an fsync; batches of only claims and acknowledgements do not, and the writer is FULL again after them")
    func deliveryStateWritesAreRelaxed() async throws {
        let directory = try TemporaryDirectory(prefix: "store-engine")
        defer { directory.remove() }
        let store = try await SQLiteStore.open(configuration: configuration(in: directory), logger: .quietTestLogger)
        let sequence = try await store.appendNew(TestEvents.make(id: "relaxed-1", subscriptions: [TestEvents.subscriberA]))
        let afterAppend = await store.writeStatistics()
        #expect(afterAppend.syncedTransactions == afterAppend.transactions)

        let claimed = try await store.claim(subscription: TestEvents.subscriberA, consumer: "kemensos/main/1", limit: 10,
                                            ordering: .acceptance, leaseDeadline: TestEvents.t0.addingTimeInterval(30),
                                            now: TestEvents.t0)
        #expect(claimed.map(\.event.sequence) == [sequence])
        _ = try await store.acknowledge(claimed.map(\.id), by: "kemensos/main/1", now: TestEvents.t0)
        let afterDelivery = await store.writeStatistics()
        #expect(afterDelivery.transactions == afterAppend.transactions + 2)
        #expect(afterDelivery.syncedTransactions == afterAppend.syncedTransactions, "claim and ACK commit without an fsync")

        // A synced operation after relaxed ones sees the connection back at FULL.
        #expect(try await store.durabilitySettings().synchronous == 2)
        #expect(await store.writeStatistics().syncedTransactions == afterAppend.syncedTransactions + 1)
        await store.close()
    }

    @Test("with fsyncDeliveryTransitions, claims and acknowledgements commit with an fsync too")
    func deliveryStateWritesSyncedOnRequest() async throws {
        let directory = try TemporaryDirectory(prefix: "store-engine")
        defer { directory.remove() }
        var settings = configuration(in: directory)
        #expect(settings.fsyncDeliveryTransitions == false)
        settings.fsyncDeliveryTransitions = true
        let store = try await SQLiteStore.open(configuration: settings, logger: .quietTestLogger)
        _ = try await store.appendNew(TestEvents.make(id: "synced-1", subscriptions: [TestEvents.subscriberA]))
        let claimed = try await store.claim(subscription: TestEvents.subscriberA, consumer: "kemensos/main/1", limit: 10,
                                            ordering: .acceptance, leaseDeadline: TestEvents.t0.addingTimeInterval(30),
                                            now: TestEvents.t0)
        #expect(claimed.count == 1)
        #expect(try await store.acknowledge(claimed.map(\.id), by: "kemensos/main/1", now: TestEvents.t0) == [.applied])
        let statistics = await store.writeStatistics()
        #expect(statistics.transactions >= 3)
        #expect(statistics.syncedTransactions == statistics.transactions)
        await store.close()
    }

    @Test("the defaults are the documented ones and valid")
    func defaults() throws {
        let configuration = SQLiteStoreConfiguration(path: "/tmp/x.sqlite")
        #expect(configuration.maxBatchSize == 512)
        #expect(configuration.maxBatchWait == .zero)
        #expect(configuration.deduplicationWindow == .seconds(86_400))
        #expect(configuration.retention == .seconds(604_800))
        #expect(configuration.busyTimeout == .seconds(5))
        #expect(configuration.pageCacheKiB == 16_384)
        #expect(configuration.pageSizeBytes == 8_192)
        #expect(configuration.inFlightOnOpen == .release)
        #expect(configuration.maxDatabaseBytes == nil)
        try configuration.validate()
    }

    @Test("invalid settings are refused with store.invalid-configuration", arguments: [
        SQLiteStoreConfiguration(path: ""),
        SQLiteStoreConfiguration(path: "/tmp/x", maxBatchSize: 0),
        SQLiteStoreConfiguration(path: "/tmp/x", maxBatchWait: .seconds(2)),
        SQLiteStoreConfiguration(path: "/tmp/x", deduplicationWindow: .seconds(10), retention: .seconds(5)),
        SQLiteStoreConfiguration(path: "/tmp/x", pageCacheKiB: 1),
        SQLiteStoreConfiguration(path: "/tmp/x", maxReaders: 0),
        SQLiteStoreConfiguration(path: "/tmp/x", pageSizeBytes: 256),
        SQLiteStoreConfiguration(path: "/tmp/x", pageSizeBytes: 6_000),
        SQLiteStoreConfiguration(path: "/tmp/x", pageSizeBytes: 131_072),
        SQLiteStoreConfiguration(path: "/tmp/x", maxDatabaseBytes: 1024),
    ])
    func invalidConfiguration(configuration: SQLiteStoreConfiguration) async throws {
        let error = await #expect(throws: StoreError.self) {
            try await SQLiteStore.open(configuration: configuration, logger: .quietTestLogger)
        }
        #expect(error?.reason == .invalidConfiguration)
    }

    @Test("a new file gets the configured page size; an existing file keeps the one it was created with")
    func pageSizeOfNewFilesOnly() async throws {
        let directory = try TemporaryDirectory(prefix: "store-engine")
        defer { directory.remove() }
        var small = configuration(in: directory)
        small.pageSizeBytes = 4_096
        let first = try await SQLiteStore.open(configuration: small, logger: .quietTestLogger)
        _ = try await first.appendNew(TestEvents.make(id: "page-1", subscriptions: [TestEvents.subscriberA]))
        #expect(try await first.durabilitySettings().pageSize == 4_096)
        await first.close()
        let reopened = try await SQLiteStore.open(configuration: configuration(in: directory), logger: .quietTestLogger)
        #expect(try await reopened.durabilitySettings().pageSize == 4_096)
        #expect(try await reopened.event(source: TestEvents.make(id: "page-1").source, id: "page-1") != nil)
        await reopened.close()
    }

    @Test("a file that is not a database is reported as store.corrupt")
    func notADatabase() async throws {
        let directory = try TemporaryDirectory(prefix: "store-engine")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        let error = await #expect(throws: StoreError.self) {
            try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: path), logger: .quietTestLogger)
        }
        #expect(error?.reason == .corrupt)
    }

    @Test("a path that cannot be created is reported as store.cannot-open")
    func cannotOpen() async throws {
        let directory = try TemporaryDirectory(prefix: "store-engine")
        defer { directory.remove() }
        let blocker = directory.url.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let path = blocker.appendingPathComponent("sub/gerbang.sqlite").path
        let error = await #expect(throws: StoreError.self) {
            try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: path), logger: .quietTestLogger)
        }
        #expect(error?.reason == .cannotOpen)
    }

    @Test("a full database fails the batch with store.disk-full and commits nothing of it")
    func diskFull() async throws {
        let directory = try TemporaryDirectory(prefix: "store-engine")
        defer { directory.remove() }
        var configuration = configuration(in: directory)
        configuration.maxDatabaseBytes = 256 * 1024
        let store = try await SQLiteStore.open(configuration: configuration, logger: .quietTestLogger)
        var accepted = 0
        var failure: StoreError?
        for index in 0..<1_000 {
            do {
                _ = try await store.appendNew(TestEvents.make(id: "full-\(index)", bodySize: 4096))
                accepted += 1
            } catch let error as StoreError {
                failure = error
                break
            }
        }
        #expect(failure?.reason == .diskFull)
        #expect(failure?.isStorageFailure == true)
        #expect(accepted > 0)
        // What was confirmed is there; the failed append is not.
        #expect(try await store.history(HistoryQuery(limit: 10_000)).count == accepted)
        #expect(try await store.event(source: "urn:gerbang:agency:dukcapil", id: "full-\(accepted)") == nil)
        await store.close()
    }

    @Test("the writer never blocks callers: 64 tasks append concurrently without deadlock")
    func manyConcurrentCallers() async throws {
        let directory = try TemporaryDirectory(prefix: "store-engine")
        defer { directory.remove() }
        let store = try await SQLiteStore.open(configuration: configuration(in: directory), logger: .quietTestLogger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<64 {
                group.addTask {
                    for index in 0..<20 { _ = try await store.appendNew(TestEvents.make(id: "t\(task)-\(index)")) }
                }
            }
            try await group.waitForAll()
        }
        let statistics = await store.writeStatistics()
        #expect(statistics.eventsAppended == 1_280)
        #expect(statistics.transactions < 1_280)
        await store.close()
    }
}
