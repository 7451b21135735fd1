import Envelope
import Foundation
import Trust

/// Walks an audit trail and names the first broken record (`docs/audit.md`, "What verify checks").
///
/// For every record in order: the index is the next one (no gap), the encoding decodes and
/// carries that index, the stored kind and time agree with it, and SHA-256(previous hash ||
/// encoding) is the stored hash; every accepted event's bytes (kept by sequence number, see
/// ``AuditEntry/eventAccepted(sequence:source:id:type:body:acceptedAt:)``) are present and have
/// the SHA-256 its record carries. With trust material it also checks every accepted event's
/// agency signature (at its acceptance time) and that the record's source, id and type are the
/// event's, and every checkpoint's signature (the broker certificate's chain to a root, at the
/// checkpoint's time). Every checkpoint's head hash must be the chain's hash at its record count;
/// a checkpoint covering more records than the chain holds means the tail was truncated.
///
/// Not `Sendable`: one verification at a time (it holds a chain verifier and counters).
public struct AuditVerifier {
    /// Records read per page.
    public static let pageSize = 1_000
    let chains: ChainVerifier?
    let signatures: SignatureVerifier?

    /// A verifier; without `trust`, signatures are not checked (only the chain and checkpoint heads).
    public init(trust: AuditTrustMaterial?) throws(AuditError) {
        if let trust {
            let chains = try trust.chainVerifier()
            self.chains = chains
            self.signatures = SignatureVerifier(chains: chains)
        } else {
            self.chains = nil
            self.signatures = nil
        }
    }

    /// Verifies records `from...to` of `source` (default: all) and every checkpoint.
    ///
    /// With `from` after the anchor, the chain is entered at the stored hash of record `from - 1`
    /// (noted in the report: the records before it are not checked). `witnessed` checkpoints (from
    /// witness files) are checked like stored ones.
    public func verify(_ source: some AuditSource, from: Int64? = nil, to: Int64? = nil,
                       witnessed: [AuditCheckpoint] = []) throws(AuditError) -> AuditVerificationReport {
        let anchor = try source.anchor() ?? .genesis
        var report = AuditVerificationReport(anchor: anchor)
        let start = max(from ?? anchor.firstIndex, anchor.firstIndex)
        let end = to ?? .max
        var previous = anchor.previousHash
        if start > anchor.firstIndex {
            guard let before = try source.records(from: start - 1, to: start - 1, limit: 1).first else {
                report.finding = AuditFinding(index: start - 1, kind: nil, reason: .recordMissing,
                                              message: "record \(start - 1), the link into --from \(start), is not in the trail")
                return report
            }
            previous = before.hash
            report.notes.append("entered the chain at record \(start) with the stored hash of record \(start - 1); earlier records not checked")
        }
        if from != nil, let requested = from, requested < anchor.firstIndex {
            report.notes.append("records before \(anchor.firstIndex) were archived to \(anchor.archive.isEmpty ? "an earlier archive" : anchor.archive)")
        }
        let checkpoints = try source.checkpoints() + witnessed
        let checkpointCounts = Set(checkpoints.map(\.recordCount))
        var hashesAtCheckpoints: [Int64: [UInt8]] = [:]
        hashesAtCheckpoints[start - 1] = previous

        var expected = start
        walk: while expected <= end {
            let page = try source.records(from: expected, to: end, limit: Self.pageSize)
            if page.isEmpty { break }
            for record in page {
                if let finding = try check(record, expected: expected, previous: previous, source: source, report: &report) {
                    report.finding = finding
                    break walk
                }
                previous = record.hash
                if checkpointCounts.contains(record.index) { hashesAtCheckpoints[record.index] = record.hash }
                report.firstIndex = report.firstIndex ?? record.index
                report.lastIndex = record.index
                report.recordsChecked += 1
                expected += 1
            }
        }
        report.headHash = report.lastIndex == nil ? nil : previous
        let walkedToEnd = report.finding == nil && to == nil
        if let finding = checkCheckpoints(checkpoints, hashes: hashesAtCheckpoints, start: start,
                                          lastChecked: expected - 1, walkedToEnd: walkedToEnd, report: &report),
           finding.index < (report.finding?.index ?? .max) {
            report.finding = finding
        }
        return report
    }

    /// The finding for one record, nil when it links correctly.
    func check(_ record: AuditRecord, expected: Int64, previous: [UInt8], source: some AuditSource,
               report: inout AuditVerificationReport) throws(AuditError) -> AuditFinding? {
        guard record.index == expected else {
            return AuditFinding(index: expected, kind: nil, reason: .recordMissing,
                                message: "record \(expected) is missing; the next stored record is \(record.index)")
        }
        let decoded: (index: Int64, entry: AuditEntry)
        do {
            decoded = try AuditEncoding.decode(record.encoding)
        } catch {
            return AuditFinding(index: expected, kind: record.kind, reason: .malformedRecord, message: error.message)
        }
        guard decoded.index == expected else {
            return AuditFinding(index: expected, kind: decoded.entry.kind.rawValue, reason: .indexMismatch,
                                message: "the record stored at index \(expected) is record \(decoded.index) (moved or swapped)")
        }
        let kind = decoded.entry.kind.rawValue
        guard record.kind == kind, record.timeMilliseconds == decoded.entry.timeMilliseconds else {
            return AuditFinding(index: expected, kind: kind, reason: .columnMismatch,
                                message: "stored kind/time (\(record.kind), \(record.timeMilliseconds)) differ from the encoding (\(kind), \(decoded.entry.timeMilliseconds))")
        }
        let hash = AuditChain.link(previous: previous, encoding: record.encoding)
        guard hash == record.hash else {
            return AuditFinding(index: expected, kind: kind, reason: .hashMismatch,
                                message: "SHA-256(previous hash || encoding) is \(AuditChain.hex(hash)) but the stored hash is \(AuditChain.hex(record.hash)): the record or its hash was changed")
        }
        guard decoded.entry.kind == .eventAccepted else { return nil }
        let body: [UInt8]
        switch try eventBody(of: decoded.entry, in: source) {
        case .bytes(let bytes): body = bytes
        case .finding(let reason, let message): return AuditFinding(index: expected, kind: kind, reason: reason, message: message)
        }
        report.eventBodiesChecked += 1
        if let signatures {
            if let problem = checkEventSignature(decoded.entry, body: body, verifier: signatures) {
                return AuditFinding(index: expected, kind: kind, reason: .eventSignature, message: problem)
            }
            report.eventSignaturesChecked += 1
        }
        return nil
    }

    /// An accepted event's bytes, or what is wrong with them.
    enum EventBody {
        case bytes([UInt8])
        case finding(AuditFinding.Reason, String)
    }

    /// The bytes an `event.accepted` record covers: carried in the record (records written before
    /// event bodies were kept apart), or read from `source` by sequence number and checked
    /// against the record's SHA-256.
    func eventBody(of entry: AuditEntry, in source: some AuditSource) throws(AuditError) -> EventBody {
        if let carried = entry.bytes(AuditEntry.legacyEventField) { return .bytes(carried) }
        guard let digest = entry.bytes(AuditEntry.eventDigestField), let sequence = entry.text("sequence").flatMap({ Int64($0) }) else {
            return .finding(.malformedRecord, "the accepted event's record has no `\(AuditEntry.eventDigestField)` or `sequence` field")
        }
        guard let stored = try source.eventBody(sequence: sequence) else {
            return .finding(.eventBodyMissing, "the bytes of event \(sequence) are in neither the store nor the archive")
        }
        guard AuditEntry.eventDigest(stored) == digest else {
            return .finding(.eventBodyMismatch, "the stored bytes of event \(sequence) do not have the SHA-256 its record carries (\(AuditChain.hex(digest))): the event was changed")
        }
        return .bytes(stored)
    }

    /// Checks the agency signature of an accepted event at its acceptance time; a problem, or nil.
    func checkEventSignature(_ entry: AuditEntry, body: [UInt8], verifier: SignatureVerifier) -> String? {
        let acceptedAt = Date(timeIntervalSince1970: Double(entry.timeMilliseconds) / 1_000)
        let verdict = verifier.verify(event: body, at: acceptedAt)
        if let error = verdict.error { return "the agency signature does not verify: \(error.reason.rawValue): \(error.message)" }
        guard let event = try? CloudEvent(parsing: body, limits: EnvelopeLimits(maxEventBytes: body.count)) else { return "the event cannot be parsed" }
        for (name, value) in [("source", event.source), ("id", event.id), ("type", event.type)] where entry.text(name) != value {
            return "the record's \(name) \"\(entry.text(name) ?? "")\" is not the event's \"\(value)\""
        }
        return nil
    }

    /// Checks every checkpoint: signature, head hash at its count, coverage; the earliest finding.
    func checkCheckpoints(_ checkpoints: [AuditCheckpoint], hashes: [Int64: [UInt8]], start: Int64, lastChecked: Int64,
                          walkedToEnd: Bool, report: inout AuditVerificationReport) -> AuditFinding? {
        var earliest: AuditFinding?
        func keep(_ finding: AuditFinding) {
            if finding.index < (earliest?.index ?? .max) { earliest = finding }
        }
        var lastIntact: Int64?
        for checkpoint in checkpoints.sorted(by: { $0.recordCount < $1.recordCount }) {
            let time = Date(timeIntervalSince1970: Double(checkpoint.timeMilliseconds) / 1_000)
            let when = time.formatted(.iso8601)
            if let chains, let problem = AuditCheckpointVerification.problem(with: checkpoint, chains: chains) {
                keep(AuditFinding(index: checkpoint.recordCount, kind: "checkpoint", reason: .checkpointSignature,
                                  message: "the checkpoint of \(when) over \(checkpoint.recordCount) records: \(problem)"))
                continue
            }
            if let hash = hashes[checkpoint.recordCount] {
                if hash != checkpoint.headHash {
                    keep(AuditFinding(index: checkpoint.recordCount, kind: "checkpoint", reason: .checkpointMismatch,
                                      message: "the checkpoint of \(when) signed head \(AuditChain.hex(checkpoint.headHash)) for \(checkpoint.recordCount) records, the chain's hash there is \(AuditChain.hex(hash)): history was rewritten \(lastIntact.map { "after record \($0) (the last checkpoint that matches)" } ?? "at or before this record")"))
                    continue
                }
                lastIntact = checkpoint.recordCount
                report.checkpointsChecked += 1
            } else if checkpoint.recordCount > lastChecked, walkedToEnd {
                keep(AuditFinding(index: lastChecked + 1, kind: nil, reason: .recordMissing,
                                  message: "the checkpoint of \(when) covers \(checkpoint.recordCount) records but the chain ends at record \(lastChecked): the tail was truncated"))
            } else if checkpoint.recordCount < start {
                report.notes.append("checkpoint of \(when) over \(checkpoint.recordCount) records is before the checked range")
            }
        }
        return earliest
    }
}
