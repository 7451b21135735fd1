import Foundation

/// Reads a routes file from disk into a ``RouteTable``.
///
/// `Sendable`: a value type of `Sendable` fields; each ``load()`` reads the file anew.
public struct RouteTableLoader: Sendable {
    /// The default location, relative to the working directory.
    public static let defaultPath = "Config/routes.yaml"

    /// The file's path, as it appears in errors.
    public var path: String
    /// The agencies and types to check against, and the limits.
    public var options: RoutesOptions

    /// A loader of the file at `path`.
    public init(path: String = RouteTableLoader.defaultPath, options: RoutesOptions = RoutesOptions()) {
        self.path = path
        self.options = options
    }

    /// Reads and parses the file.
    ///
    /// - Throws: `routes.unreadable` when the file cannot be read or is not UTF-8,
    ///   `routes.too-large` beyond ``RoutesOptions/maxFileBytes``, otherwise the parser's error
    ///   with its line and column.
    public func load() throws(RoutesError) -> RouteTable {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= options.maxFileBytes else {
                throw RoutesError(.tooLarge, "the routes file is \(size) bytes, more than \(options.maxFileBytes)", file: path)
            }
            data = try Data(contentsOf: url)
        } catch let error as RoutesError {
            throw error
        } catch {
            throw RoutesError(.unreadable, "cannot read the routes file: \(error.localizedDescription)", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RoutesError(.unreadable, "the routes file is not UTF-8", file: path)
        }
        return try RouteTable(yaml: text, file: path, options: options)
    }
}
