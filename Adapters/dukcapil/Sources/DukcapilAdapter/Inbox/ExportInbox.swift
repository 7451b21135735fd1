import Foundation

/// The folders of the population registry's drop box.
///
/// - `inbox`: the registry places its CSV exports here (write as `*.part` or elsewhere, then
///   rename to `*.csv`: a file is only taken once its size and modification time stayed the
///   same for one poll);
/// - `done`: each export moves here once every row has its verdict;
/// - `rejects`: `<export>.rejects.csv` for each export with rejected rows.
///
/// `Sendable`: a value type of paths.
public struct ExportInbox: Sendable, Hashable {
    /// The folder watched for `*.csv` exports.
    public var inbox: URL
    /// Where processed exports go.
    public var done: URL
    /// Where the rejects files go.
    public var rejects: URL

    /// Creates the layout; `done` and `rejects` default to siblings of `inbox` named `done` and `rejects`.
    public init(inbox: URL, done: URL? = nil, rejects: URL? = nil) {
        self.inbox = inbox
        self.done = done ?? inbox.deletingLastPathComponent().appendingPathComponent("done")
        self.rejects = rejects ?? inbox.deletingLastPathComponent().appendingPathComponent("rejects")
    }

    /// Creates the three folders when missing.
    public func createFolders() throws {
        for folder in [inbox, done, rejects] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    /// The `*.csv` files in the inbox (hidden files skipped), by name, with their size and
    /// modification time.
    public func listExports() throws -> [(url: URL, signature: FileSignature)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: inbox.path)
        var files: [(url: URL, signature: FileSignature)] = []
        for name in names.sorted() where name.lowercased().hasSuffix(".csv") && !name.hasPrefix(".") {
            let url = inbox.appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            files.append((url, FileSignature(size: size, modified: modified)))
        }
        return files
    }

    /// Moves a processed export to `done/` (a name already there gets a numeric suffix).
    @discardableResult
    public func moveToDone(_ url: URL) throws -> URL {
        var target = done.appendingPathComponent(url.lastPathComponent)
        var counter = 1
        while FileManager.default.fileExists(atPath: target.path) {
            counter += 1
            let stem = url.deletingPathExtension().lastPathComponent
            target = done.appendingPathComponent("\(stem).\(counter).\(url.pathExtension)")
        }
        try FileManager.default.moveItem(at: url, to: target)
        return target
    }
}
