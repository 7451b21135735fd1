import Foundation

/// An append-only JSON-lines file of checkpoints: an external witness that a broker operator who
/// rewrites the store cannot rewrite too (when it lives on other storage, e.g. a WORM mount or
/// another host's share). Each line is ``AuditCheckpoint/witnessLine``; `gerbang audit verify
/// --witness FILE` checks every line against the chain like a stored checkpoint.
///
/// `Sendable`: holds only the path; each append opens, writes, fsyncs and closes the file.
public struct AuditWitnessFile: Sendable {
    /// The file.
    public let url: URL

    /// A witness file at `url` (created on first append).
    public init(url: URL) {
        self.url = url
    }

    /// Appends `checkpoint` as one line and fsyncs it.
    public func append(_ checkpoint: AuditCheckpoint) throws(AuditError) {
        do {
            if !FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                    throw AuditError(.configuration, "cannot create the witness file \(url.path)")
                }
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((checkpoint.witnessLine + "\n").utf8))
            try handle.synchronize()
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError(.configuration, "cannot append to the witness file \(url.path): \(error.localizedDescription)")
        }
    }

    /// Every checkpoint in the file, in file order.
    public func checkpoints() throws(AuditError) -> [AuditCheckpoint] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw AuditError(.archive, "cannot read the witness file \(url.path): \(error.localizedDescription)")
        }
        struct Line: Decodable {
            var count: Int64
            var head: String
            var time: Int64
            var jws: String
        }
        var result: [AuditCheckpoint] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            guard let parsed = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)),
                  let head = AuditChain.bytes(hex: parsed.head) else {
                throw AuditError(.archive, "\(url.path) line \(number + 1) is not a checkpoint line")
            }
            result.append(AuditCheckpoint(recordCount: parsed.count, headHash: head, timeMilliseconds: parsed.time, jws: parsed.jws))
        }
        return result
    }
}
