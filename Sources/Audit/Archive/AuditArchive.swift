import Foundation

/// A self-contained, single-file export of part of the audit trail: JSON lines with a header
/// (format, range, the hash before the first record), the trust material (root, intermediate,
/// agency and broker certificates, CRLs, agencies file), every record (each accepted event's
/// record followed by an `event` line with its bytes) and every checkpoint
/// (`docs/audit.md`, "Archive format"). `gerbang audit verify --archive FILE` checks it with
/// nothing else.
///
/// Not `Sendable`: holds a loaded archive for one verification.
public final class AuditArchive: AuditSource {
    /// The format identifier in the header.
    public static let format = "gerbang-audit-archive/1"
    /// The anchor: the first archived index and the hash before it.
    public let archiveAnchor: AuditAnchor
    /// The trust material carried.
    public let trust: AuditTrustMaterial?
    let storedRecords: [AuditRecord]
    let storedCheckpoints: [AuditCheckpoint]
    let eventBodies: [Int64: [UInt8]]

    /// The highest sequence number of the accepted events whose bytes the archive carries.
    public var lastEventSequence: Int64? { eventBodies.keys.max() }

    /// Reads an archive file (at most `maximumBytes`, default 4 GiB). Fails with `audit.archive`.
    public init(contentsOf url: URL, maximumBytes: Int = 4 << 30) throws(AuditError) {
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            guard size <= maximumBytes else { throw AuditError(.archive, "\(url.path) is larger than \(maximumBytes) bytes") }
            data = try Data(contentsOf: url)
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError(.archive, "cannot read \(url.path): \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        var anchor: AuditAnchor?
        var trust: AuditTrustMaterial?
        var records: [AuditRecord] = []
        var checkpoints: [AuditCheckpoint] = []
        var bodies: [Int64: [UInt8]] = [:]
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            lineNumber += 1
            let parsed: AuditArchiveLine
            do {
                parsed = try decoder.decode(AuditArchiveLine.self, from: Data(line))
            } catch {
                throw AuditError(.archive, "line \(lineNumber) is not an archive line: \(error)")
            }
            switch parsed.type {
            case "header":
                guard parsed.format == Self.format, let first = parsed.firstIndex,
                      let previous = parsed.previousHash.flatMap(AuditChain.bytes(hex:)) else {
                    throw AuditError(.archive, "line \(lineNumber): not a \(Self.format) header")
                }
                anchor = AuditAnchor(firstIndex: first, previousHash: previous, archive: url.lastPathComponent)
            case "trust":
                trust = parsed.trust
            case "record":
                guard let index = parsed.index, let kind = parsed.kind, let time = parsed.time, let encoding = parsed.encoding,
                      let hash = parsed.hash.flatMap(AuditChain.bytes(hex:)) else {
                    throw AuditError(.archive, "line \(lineNumber): incomplete record")
                }
                records.append(AuditRecord(index: index, kind: kind, timeMilliseconds: time, encoding: [UInt8](encoding), hash: hash))
            case "event":
                guard let sequence = parsed.sequence, let body = parsed.body else {
                    throw AuditError(.archive, "line \(lineNumber): incomplete event")
                }
                bodies[sequence] = [UInt8](body)
            case "checkpoint":
                guard let count = parsed.count, let head = parsed.head.flatMap(AuditChain.bytes(hex:)), let time = parsed.time,
                      let jws = parsed.jws else {
                    throw AuditError(.archive, "line \(lineNumber): incomplete checkpoint")
                }
                checkpoints.append(AuditCheckpoint(recordCount: count, headHash: head, timeMilliseconds: time, jws: jws))
            default:
                throw AuditError(.archive, "line \(lineNumber): unknown line type \"\(parsed.type)\"")
            }
        }
        guard let anchor else { throw AuditError(.archive, "\(url.path) has no header line") }
        self.archiveAnchor = anchor
        self.trust = trust
        // Sorted by index as stored lines say; a moved line is still caught by its encoding's index.
        self.storedRecords = records
        self.storedCheckpoints = checkpoints
        self.eventBodies = bodies
    }

    /// The archive's anchor.
    public func anchor() throws(AuditError) -> AuditAnchor? { archiveAnchor }

    /// Records in file order within `from...to` (the verifier checks that they are consecutive).
    public func records(from: Int64, to: Int64, limit: Int) throws(AuditError) -> [AuditRecord] {
        guard let start = storedRecords.firstIndex(where: { $0.index >= from }) else { return [] }
        return Array(storedRecords[start...].prefix { $0.index <= to }.prefix(limit))
    }

    /// The checkpoints carried.
    public func checkpoints() throws(AuditError) -> [AuditCheckpoint] { storedCheckpoints }

    /// The bytes of an accepted event carried by an `event` line.
    public func eventBody(sequence: Int64) throws(AuditError) -> [UInt8]? { eventBodies[sequence] }

    // MARK: Writing

    /// Writes records `from...to` of `source` (clamped to what it holds), the checkpoints within
    /// that range, and `trust` to `url` (replaced atomically). Returns the anchor and last index.
    @discardableResult
    public static func export(from source: some AuditSource, range: ClosedRange<Int64>?, trust: AuditTrustMaterial,
                              sourceDescription: String, to url: URL) throws(AuditError) -> (anchor: AuditAnchor, lastIndex: Int64?) {
        let sourceAnchor = try source.anchor() ?? .genesis
        let first = max(range?.lowerBound ?? sourceAnchor.firstIndex, sourceAnchor.firstIndex)
        let last = range?.upperBound ?? .max
        var previous = sourceAnchor.previousHash
        if first > sourceAnchor.firstIndex {
            guard let before = try source.records(from: first - 1, to: first - 1, limit: 1).first else {
                throw AuditError(.archive, "record \(first - 1) (the link into record \(first)) is not in the store")
            }
            previous = before.hash
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw AuditError(.archive, "cannot create \(temporary.path)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lastWritten: Int64?
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            func write(_ line: AuditArchiveLine) throws {
                var data = try encoder.encode(line)
                data.append(UInt8(ascii: "\n"))
                try handle.write(contentsOf: data)
            }
            var header = AuditArchiveLine(type: "header")
            header.format = Self.format
            header.createdAt = Date().formatted(.iso8601)
            header.firstIndex = first
            header.previousHash = AuditChain.hex(previous)
            header.source = sourceDescription
            try write(header)
            var trustLine = AuditArchiveLine(type: "trust")
            trustLine.trust = trust
            try write(trustLine)
            var next = first
            while next <= last {
                let page = try source.records(from: next, to: last, limit: AuditVerifier.pageSize)
                guard let tail = page.last else { break }
                for record in page {
                    var line = AuditArchiveLine(type: "record")
                    line.index = record.index
                    line.kind = record.kind
                    line.time = record.timeMilliseconds
                    line.encoding = Data(record.encoding)
                    line.hash = AuditChain.hex(record.hash)
                    try write(line)
                    if let sequence = eventSequence(of: record), let body = try source.eventBody(sequence: sequence) {
                        var event = AuditArchiveLine(type: "event")
                        event.sequence = sequence
                        event.body = Data(body)
                        try write(event)
                    }
                }
                lastWritten = tail.index
                next = tail.index + 1
            }
            for checkpoint in try source.checkpoints() where checkpoint.recordCount >= first && checkpoint.recordCount <= (lastWritten ?? first - 1) {
                var line = AuditArchiveLine(type: "checkpoint")
                line.count = checkpoint.recordCount
                line.head = AuditChain.hex(checkpoint.headHash)
                line.time = checkpoint.timeMilliseconds
                line.jws = checkpoint.jws
                try write(line)
            }
            try handle.synchronize()
        } catch let error as AuditError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw AuditError(.archive, "cannot write \(url.path): \(error.localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw AuditError(.archive, "cannot rename \(temporary.path) to \(url.path): errno \(errno)")
        }
        return (AuditAnchor(firstIndex: first, previousHash: previous, archive: url.lastPathComponent), lastWritten)
    }

    /// The sequence number of an `event.accepted` record whose bytes are kept apart (nil for
    /// other records, and for older records that carry the bytes themselves).
    static func eventSequence(of record: AuditRecord) -> Int64? {
        guard record.kind == AuditRecordKind.eventAccepted.rawValue,
              let (_, entry) = try? AuditEncoding.decode(record.encoding),
              entry.bytes(AuditEntry.legacyEventField) == nil else { return nil }
        return entry.text("sequence").flatMap { Int64($0) }
    }
}
