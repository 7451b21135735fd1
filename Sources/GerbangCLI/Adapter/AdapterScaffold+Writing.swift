import Foundation

extension AdapterScaffold {
    /// Writes ``files`` under `root` (creating folders); refuses to overwrite unless `force`.
    /// Returns the paths written.
    @discardableResult
    public func write(to root: URL, force: Bool = false) throws(AdapterScaffoldError) -> [String] {
        let manager = FileManager.default
        for file in files where !force && manager.fileExists(atPath: root.appendingPathComponent(file.path).path) {
            throw AdapterScaffoldError(.fileExists, "\(file.path) exists already (use --force to overwrite)")
        }
        for file in files {
            let url = root.appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            } catch {
                throw AdapterScaffoldError(.writeFailed, "\(file.path): \(error.localizedDescription)")
            }
        }
        return files.map(\.path)
    }

    /// Inserts ``packageSnippet`` into the `Package.swift` at `url`, before
    /// ``packageMarker``. Refuses when the marker is missing or the targets are declared already.
    public func apply(toPackageAt url: URL) throws(AdapterScaffoldError) {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw AdapterScaffoldError(.packageNotEditable, "\(url.path) cannot be read")
        }
        guard !text.contains("name: \"\(libraryTarget)\"") else {
            throw AdapterScaffoldError(.packageNotEditable, "\(url.path) declares \(libraryTarget) already")
        }
        guard let range = text.range(of: Self.packageMarker) else {
            throw AdapterScaffoldError(.packageNotEditable, "\(url.path) has no `\(Self.packageMarker.trimmingCharacters(in: .whitespaces))` line; add the printed targets by hand")
        }
        let edited = text.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: packageSnippet)
        do {
            try Data(edited.utf8).write(to: url)
        } catch {
            throw AdapterScaffoldError(.writeFailed, "\(url.path): \(error.localizedDescription)")
        }
    }
}
