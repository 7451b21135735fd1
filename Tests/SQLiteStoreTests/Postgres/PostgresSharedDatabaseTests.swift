import Foundation
import PostgresNIO
import PostgresStore
import Store
import Testing

/// Several stores (one per broker node) on one database, claiming and appending concurrently.
@Suite("PostgresStore: several nodes on one database")
struct PostgresSharedDatabaseTests {
    static let lease = TestEvents.t0.addingTimeInterval(60)

    /// Opens `count` stores on `database`, runs `body`, closes them.
    static func withStores<Result>(
        _ count: Int, on database: PostgresTestDatabase,
        _ changes: (inout PostgresStoreConfiguration) -> Void = { _ in },
        _ body: ([PostgresStore]) async throws -> Result
    ) async throws -> Result {
        var stores: [PostgresStore] = []
        for _ in 0..<count {
            stores.append(try await PostgresStore.open(configuration: database.configuration(changes), logger: .quietTestLogger))
        }
        do {
            let result = try await body(stores)
            for store in stores { await store.close() }
            return result
        } catch {
            for store in stores { await store.close() }
            throw error
        }
    }

    @Test("two stores claiming 1,000 ready deliveries concurrently never claim one delivery twice")
    func concurrentClaimsAreDisjoint() async throws {
        let database = try PostgresTestDatabase()
        try await Self.withStores(2, on: database) { stores in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<1_000 {
                    group.addTask {
                        _ = try await stores[index % 2].appendNew(
                            TestEvents.make(id: "d-\(index)", subscriptions: [TestEvents.subscriberA]))
                    }
                }
                try await group.waitForAll()
            }
            // Four claimers per store, small limits, until the queue is empty.
            let claimed = try await withThrowingTaskGroup(of: [DeliveryID].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        let store = stores[worker % 2]
                        var mine: [DeliveryID] = []
                        for _ in 0..<1_000 {
                            let batch = try await store.claim(
                                subscription: TestEvents.subscriberA, consumer: ConsumerID("node-\(worker % 2)/peer-\(worker)"),
                                limit: 7, ordering: .acceptance, leaseDeadline: Self.lease, now: TestEvents.t0)
                            if batch.isEmpty { break }
                            mine += batch.map(\.id)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: [[DeliveryID]]()) { $0.append($1) }
            }
            let all = claimed.flatMap { $0 }
            #expect(all.count == 1_000)
            #expect(Set(all).count == 1_000, "\(all.count - Set(all).count) deliveries were claimed twice")
            // Both nodes took part.
            let byNode = [claimed[0].count + claimed[2].count, claimed[1].count + claimed[3].count]
            #expect(claimed.filter { !$0.isEmpty }.count >= 2, "\(byNode)")
            let stats = try await stores[0].queueStats(subscriptions: [TestEvents.subscriberA], now: TestEvents.t0)
            #expect(stats.first?.inFlight == 1_000)
            #expect(stats.first?.ready == 0)
        }
    }

    @Test("partition ordering holds across two stores: one delivery per partition in flight, in order")
    func partitionOrderingAcrossStores() async throws {
        let database = try PostgresTestDatabase()
        let partitions = 8
        let perPartition = 12
        try await Self.withStores(2, on: database) { stores in
            for index in 0..<(partitions * perPartition) {
                _ = try await stores[index % 2].appendNew(
                    TestEvents.make(id: "p-\(index)", partitionKey: "nik-\(index % partitions)",
                                    subscriptions: [TestEvents.subscriberA]))
            }
            let holdings = PartitionHoldings()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        let store = stores[worker % 2]
                        let consumer = ConsumerID("node-\(worker % 2)/peer-\(worker)")
                        for _ in 0..<2_000 {
                            let batch = try await store.claim(
                                subscription: TestEvents.subscriberA, consumer: consumer, limit: 3,
                                ordering: .partitionKey, leaseDeadline: Self.lease, now: TestEvents.t0)
                            if batch.isEmpty {
                                if await holdings.finished(total: partitions * perPartition) { return }
                                try await Task.sleep(for: .milliseconds(2))
                                continue
                            }
                            for delivery in batch {
                                await holdings.take(delivery.event.partitionKey ?? "", sequence: delivery.event.sequence)
                            }
                            for delivery in batch {
                                await holdings.give(delivery.event.partitionKey ?? "")
                                #expect(try await store.acknowledge(delivery.id, by: consumer, now: TestEvents.t0) == .applied)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let result = await holdings.report
            #expect(result.violations.isEmpty, "\(result.violations)")
            #expect(result.delivered == partitions * perPartition)
            for (partition, sequences) in result.order {
                #expect(sequences == sequences.sorted(), "partition \(partition) out of order: \(sequences)")
            }
        }
    }

    @Test("many concurrent reads share a pool of two connections and all complete")
    func readsWaitForPooledConnections() async throws {
        let database = try PostgresTestDatabase()
        try await Self.withStores(1, on: database, { $0.poolSize = 2 }) { stores in
            let sequence = try await stores[0].appendNew(TestEvents.make(id: "r-1"))
            let found = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        if index.isMultiple(of: 2) {
                            return try await stores[0].event(sequence: sequence)?.deliveries.count == 2
                        }
                        return try await stores[0].queueStats(subscriptions: nil, now: TestEvents.t0).count == 2
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(found == 200)
        }
    }

    @Test("an operation PostgreSQL refuses (a NUL in a text) fails alone; its batch commits the others")
    func operationFailsAloneInItsBatch() async throws {
        let database = try PostgresTestDatabase()
        try await Self.withStores(1, on: database, { $0.maxBatchWait = .milliseconds(20) }) { stores in
            let results = try await withThrowingTaskGroup(of: (Int, StoreError?).self) { group in
                for index in 0..<40 {
                    group.addTask {
                        var event = TestEvents.make(id: "b-\(index)")
                        if index == 17 { event.subject = "nul\u{0}inside" }
                        do {
                            _ = try await stores[0].appendNew(event)
                            return (index, nil)
                        } catch let error as StoreError {
                            return (index, error)
                        }
                    }
                }
                return try await group.reduce(into: [Int: StoreError?]()) { $0[$1.0] = $1.1 }
            }
            #expect(results.count == 40)
            #expect(results[17]??.reason == .invalidArgument, "\(String(describing: results[17]))")
            #expect(results.filter { $0.key != 17 }.allSatisfy { $0.value == nil })
            #expect(try await stores[0].history(HistoryQuery()).count == 39)
            let statistics = await stores[0].writeStatistics()
            #expect(statistics.largestBatch > 1)
            #expect(statistics.failedTransactions.isEmpty)
        }
    }

    @Test("appends commit synced; batches of only claims and acknowledgements do not, and appends are synced again after them")
    func relaxedBatchesSwitchBack() async throws {
        let database = try PostgresTestDatabase()
        try await Self.withStores(1, on: database) { stores in
            let store = stores[0]
            for index in 0..<5 {
                _ = try await store.appendNew(TestEvents.make(id: "s-\(index)", subscriptions: [TestEvents.subscriberA]))
            }
            let before = await store.writeStatistics()
            let claimed = try await store.claim(subscription: TestEvents.subscriberA, consumer: "c", limit: 5,
                                                ordering: .acceptance, leaseDeadline: Self.lease, now: TestEvents.t0)
            _ = try await store.acknowledge(claimed.map(\.id), by: "c", now: TestEvents.t0)
            let after = await store.writeStatistics()
            #expect(after.transactions - before.transactions == 2)
            #expect(after.syncedTransactions == before.syncedTransactions, "claims and ACKs waited for the WAL flush")
            let settings = try await store.durabilitySettings()
            #expect(settings.fsync == "on")
            #expect(settings.synchronousCommit == "on")
            #expect(await store.writeStatistics().syncedTransactions == after.syncedTransactions + 1)
        }
    }

    @Test("a session holding the write-order lock makes appends fail with store.locked after lockTimeout, not hang")
    func lockTimeoutBoundsTheWait() async throws {
        let database = try PostgresTestDatabase()
        try await Self.withStores(1, on: database, { $0.lockTimeout = .milliseconds(300) }) { stores in
            try await database.withConnection { holder in
                // What a node frozen in the middle of an append batch would hold.
                try await holder.query("BEGIN", logger: .quietTestLogger)
                try await holder.query("SELECT pg_advisory_xact_lock(\(Int32(0x4742_4E47)), 2)", logger: .quietTestLogger)
                let started = ContinuousClock.now
                let error = await #expect(throws: StoreError.self) {
                    try await stores[0].append(TestEvents.make(id: "blocked"))
                }
                #expect(error?.reason == .locked, "\(String(describing: error))")
                #expect(started.duration(to: .now) < .seconds(10))
                try await holder.query("ROLLBACK", logger: .quietTestLogger)
            }
            // Released: the store writes again.
            _ = try await stores[0].appendNew(TestEvents.make(id: "after-release"))
        }
    }

    @Test("two stores appending one (source, id) at once accept it exactly once")
    func deduplicationAcrossStores() async throws {
        let database = try PostgresTestDatabase()
        try await Self.withStores(2, on: database) { stores in
            let outcomes = try await withThrowingTaskGroup(of: AppendOutcome.self) { group in
                for index in 0..<20 {
                    group.addTask { try await stores[index % 2].append(TestEvents.make(id: "same-event")) }
                }
                return try await group.reduce(into: [AppendOutcome]()) { $0.append($1) }
            }
            #expect(outcomes.filter { !$0.isDuplicate }.count == 1)
            #expect(Set(outcomes.map(\.sequence)).count == 1)
        }
    }

    @Test("a store opening with keep-until-deadline leaves the other node's leases alone")
    func openingKeepsOtherNodesLeases() async throws {
        let database = try PostgresTestDatabase()
        try await Self.withStores(1, on: database) { stores in
            _ = try await stores[0].appendNew(TestEvents.make(id: "held", subscriptions: [TestEvents.subscriberA]))
            let held = try await stores[0].claim(subscription: TestEvents.subscriberA, consumer: "node-a/peer-1", limit: 1,
                                                 ordering: .acceptance, leaseDeadline: Self.lease, now: TestEvents.t0)
            #expect(held.count == 1)
            let second = try await PostgresStore.open(configuration: database.configuration(), logger: .quietTestLogger)
            let stats = try await second.queueStats(subscriptions: [TestEvents.subscriberA], now: TestEvents.t0)
            #expect(stats.first?.inFlight == 1)
            #expect(try await second.expireLeases(now: Self.lease) == 1)
            await second.close()
        }
    }

    @Test("every transaction that makes deliveries ready sends one NOTIFY gerbang_ready with the subscriptions")
    func readyNotifications() async throws {
        let database = try PostgresTestDatabase()
        try await database.withConnection { listener in
            try await listener.listen(on: PostgresStore.readyChannel) { notifications in
                var iterator = notifications.makeAsyncIterator()
                try await Self.withStores(1, on: database) { stores in
                    _ = try await stores[0].appendNew(TestEvents.make(id: "n-1"))
                    let first = try await iterator.next()
                    #expect(first?.payload == "\(TestEvents.subscriberB),\(TestEvents.subscriberA)")
                    let claimed = try await stores[0].claim(subscription: TestEvents.subscriberA, consumer: "node-a/peer",
                                                            limit: 1, ordering: .acceptance, leaseDeadline: Self.lease,
                                                            now: TestEvents.t0)
                    #expect(claimed.count == 1)
                    // The claim made nothing ready; the lease expiry does.
                    #expect(try await stores[0].expireLeases(now: Self.lease) == 1)
                    let second = try await iterator.next()
                    #expect(second?.payload == TestEvents.subscriberA.rawValue)
                }
            }
        }
    }
}

/// Which partitions are held by a claimer now, violations of "one at a time", and the order in
/// which each partition's events were handed out.
actor PartitionHoldings {
    private var held: Set<String> = []
    private(set) var violations: [String] = []
    private var order: [String: [EventSequence]] = [:]
    private var delivered = 0

    func take(_ partition: String, sequence: EventSequence) {
        if !held.insert(partition).inserted { violations.append("\(partition) claimed while in flight (\(sequence))") }
        order[partition, default: []].append(sequence)
        delivered += 1
    }

    func give(_ partition: String) {
        held.remove(partition)
    }

    func finished(total: Int) -> Bool { delivered >= total }

    var report: (violations: [String], delivered: Int, order: [String: [EventSequence]]) {
        (violations, delivered, order)
    }
}
