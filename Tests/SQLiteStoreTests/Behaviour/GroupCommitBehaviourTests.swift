import Foundation
import Store
import Testing

@Suite("Store behaviour: group commit")
struct GroupCommitBehaviourTests {
    @Test("1,000 concurrent appends commit in far fewer transactions", arguments: StoreBackend.all)
    func concurrentAppendsShareTransactions(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let before = await store.writeStatistics()
            let sequences = try await withThrowingTaskGroup(of: EventSequence.self) { group in
                for index in 0..<1_000 {
                    group.addTask { try await store.appendNew(TestEvents.make(id: "gc-\(index)", bodySize: 1024)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let after = await store.writeStatistics()
            let transactions = after.transactions - before.transactions
            #expect(Set(sequences).count == 1_000)
            #expect(after.eventsAppended - before.eventsAppended == 1_000)
            #expect(after.operations - before.operations == 1_000)
            #expect(transactions >= 1)
            #expect(transactions <= 100, "1,000 appends took \(transactions) transactions")
            #expect(after.largestBatch > 10)
        }
    }

    @Test("with batch size 1 every operation is its own transaction", arguments: StoreBackend.all)
    func batchSizeOneIsOneTransactionPerOperation(backend: StoreBackend) async throws {
        var options = StoreTestOptions()
        options.maxBatchSize = 1
        try await backend.withStore(options) { store, _ in
            let before = await store.writeStatistics()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<50 {
                    group.addTask { _ = try await store.appendNew(TestEvents.make(id: "one-\(index)")) }
                }
                try await group.waitForAll()
            }
            let after = await store.writeStatistics()
            #expect(after.transactions - before.transactions == 50)
            #expect(after.largestBatch == 1)
        }
    }

    @Test("a closed store refuses operations with store.closed", arguments: StoreBackend.all)
    func closedStoreRefuses(backend: StoreBackend) async throws {
        let storage = try backend.makeStorage(StoreTestOptions())
        let store = try await storage.open()
        _ = try await store.appendNew(TestEvents.make(id: "before-close"))
        await store.close()
        let appendError = await #expect(throws: StoreError.self) { try await store.append(TestEvents.make(id: "late")) }
        #expect(appendError?.reason == .closed)
        let readError = await #expect(throws: StoreError.self) { try await store.history(HistoryQuery()) }
        #expect(readError?.reason == .closed)
        await store.close()  // idempotent
    }
}
