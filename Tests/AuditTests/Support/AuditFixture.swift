import Audit
import Foundation
import GRDB
import SQLiteStore
import Store
import Testing
import Trust

/// A real store with a real audit trail for one test: a development PKI (agency `dukcapil`,
/// broker `test`) in a temporary folder, signed events appended, deliveries acknowledged,
/// retried and dead-lettered, a rejection and an admin action recorded, and checkpoints signed.
final class AuditFixture {
    let directory: URL
    let pki: DevelopmentPKI
    let agenciesFile: URL
    let storePath: String
    let signer: PayloadSigner
    let checkpointSigner: AuditCheckpointSigner

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pki = try DevelopmentPKI.create(at: directory.appendingPathComponent("pki"))
        agenciesFile = directory.appendingPathComponent("agencies.yaml")
        try Data("agencies:\n  dukcapil:\n    name: Dukcapil\n".utf8).write(to: agenciesFile)
        let files = try pki.issue(agency: Agency(id: "dukcapil", displayName: "Dukcapil"))
        signer = try PayloadSigner(key: PrivateKey(pem: Data(contentsOf: files.key)),
                                   certificate: Certificate(pem: Data(contentsOf: files.certificate)))
        let broker = try pki.issueBroker(name: "test")
        checkpointSigner = try AuditCheckpointSigner(keyFile: broker.key, certificateFile: broker.certificate, chainFile: broker.chain)
        storePath = directory.appendingPathComponent("gerbang.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The trust material of the fixture's PKI.
    func trust() throws -> AuditTrustMaterial {
        try AuditTrustMaterial.load(pkiDirectory: pki.directory, agenciesFile: agenciesFile)
    }

    /// A signed event.
    func signedEvent(number: Int) throws -> [UInt8] {
        let json = """
            {"specversion":"1.0","type":"population.death.registered","source":"urn:gerbang:agency:dukcapil",\
            "id":"event-\(number)","time":"2026-11-29T07:00:00Z","datacontenttype":"application/json",\
            "data":{"nik":"3204051708880005","n":\(number)}}
            """
        return try signer.sign(event: Array(json.utf8))
    }

    /// Writes a trail: `events` accepted events (two subscriptions each), every delivery of
    /// subscription `a` acknowledged, the first of `b` retried then dead-lettered, one rejection,
    /// one admin action, a checkpoint after the first half and one at the end. Returns the
    /// number of records.
    @discardableResult
    func writeTrail(events: Int = 6) async throws -> Int64 {
        let store = try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: storePath))
        let now = Date()
        for number in 1...events {
            let body = try signedEvent(number: number)
            _ = try await store.append(NewEvent(source: "urn:gerbang:agency:dukcapil", id: "event-\(number)",
                                                type: "population.death.registered", body: body, acceptedAt: now,
                                                subscriptions: [SubscriptionID("a"), SubscriptionID("b")]))
            if number == events / 2 { try await checkpoint(store) }
        }
        let claimedA = try await store.claim(subscription: SubscriptionID("a"), consumer: ConsumerID("c1"), limit: 100,
                                             ordering: .acceptance, leaseDeadline: now.addingTimeInterval(60), now: now)
        _ = try await store.acknowledge(claimedA.map(\.id), by: ConsumerID("c1"), now: now)
        let claimedB = try await store.claim(subscription: SubscriptionID("b"), consumer: ConsumerID("c2"), limit: 1,
                                             ordering: .acceptance, leaseDeadline: now.addingTimeInterval(60), now: now)
        let first = try #require(claimedB.first)
        _ = try await store.scheduleRetry(first.id, by: ConsumerID("c2"), retryAt: now,
                                          failure: DeliveryFailure(reason: "consumer.unavailable", detail: "down"), now: now)
        _ = try await store.deadLetter(first.id, by: ConsumerID("c2"),
                                       failure: DeliveryFailure(reason: "delivery.max-attempts", detail: ""), now: now)
        try await store.recordAudit(.eventRejected(agency: "dukcapil", eventID: "bad-1", reason: "schema.violation",
                                                   code: "schema.keyword.required", at: now))
        _ = try await store.record(AdminAction(operatorName: "operator-1", role: "operator", action: "dead-letters.replay",
                                               arguments: "{\"subscription\":\"b\"}", requestedAt: now, outcome: "ok", detail: "1 replayed"))
        try await checkpoint(store)
        let head = try await store.auditHead()
        await store.close()
        return head.recordCount
    }

    /// Signs and stores a checkpoint of the current head.
    func checkpoint(_ store: SQLiteStore) async throws {
        let head = try await store.auditHead()
        try await store.appendAuditCheckpoint(checkpointSigner.sign(recordCount: head.recordCount, headHash: head.hash, at: Date()))
    }

    /// Verifies the store (with signatures).
    func verifyStore(from: Int64? = nil, to: Int64? = nil) throws -> AuditVerificationReport {
        try AuditVerifier(trust: trust()).verify(SQLiteAuditSource(path: storePath), from: from, to: to)
    }

    /// Runs `body` on a writable connection to the store file (the tamperer).
    func tamper(_ body: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: storePath)
        try queue.write(body)
        try queue.close()
    }
}

extension Database {
    /// What a tamperer who controls the store does: edits record `index`'s entry and re-hashes
    /// it and every record after it up to `last`, so that the chain is consistent again (only
    /// checkpoints, witnesses and signatures can tell).
    func rewriteRecord(_ index: Int64, rechainingThrough last: Int64, edit: (inout AuditEntry) throws -> Void) throws {
        var previous = try auditBlob("hash", of: index - 1)
        for current in index...last {
            var encoding = try auditBlob("encoding", of: current)
            if current == index {
                var (_, entry) = try AuditEncoding.decode(encoding)
                try edit(&entry)
                encoding = AuditEncoding.encode(entry, index: current)
            }
            previous = AuditChain.link(previous: previous, encoding: encoding)
            try execute(sql: "UPDATE audit_record SET encoding = ?, hash = ? WHERE idx = ?",
                        arguments: [Data(encoding), Data(previous), current])
        }
    }

    /// The blob `column` of audit record `index` (fails the test when absent).
    func auditBlob(_ column: String, of index: Int64) throws -> [UInt8] {
        guard let data = try Data.fetchOne(self, sql: "SELECT \(column) FROM audit_record WHERE idx = ?", arguments: [index]) else {
            throw AuditError(.store, "no record \(index)")
        }
        return [UInt8](data)
    }
}

extension AuditFixture {
    /// The store's files (database, WAL) as they are now.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: storePath + suffix) {
            files[suffix] = try Data(contentsOf: URL(fileURLWithPath: storePath + suffix))
        }
        return files
    }

    /// Puts back a ``snapshot()`` (and drops the shared-memory index, rebuilt on open).
    func restore(_ files: [String: Data]) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        for (suffix, data) in files { try data.write(to: URL(fileURLWithPath: storePath + suffix)) }
    }

    /// The sequence number of the event that the `event.accepted` record `index` covers.
    func sequence(ofRecord index: Int64) throws -> Int64 {
        let queue = try DatabaseQueue(path: storePath)
        defer { try? queue.close() }
        let (_, entry) = try AuditEncoding.decode(try queue.read { try $0.auditBlob("encoding", of: index) })
        guard entry.kind == .eventAccepted, let sequence = entry.text("sequence").flatMap({ Int64($0) }) else {
            throw AuditError(.store, "record \(index) is not an accepted event's record")
        }
        return sequence
    }
}
