/// The routes in force and their reload with fallback: a reload that fails keeps the previous
/// routes (the broker calls ``reload()`` on SIGHUP and logs the outcome).
///
/// The first load must succeed (``init(loader:)`` throws): a broker never starts without routes.
/// Afterwards ``current`` only ever changes to a table that parsed and validated completely.
///
/// `Sendable`: a value type; the owner (e.g. the broker's actor) serialises ``reload()`` calls
/// and hands ``current`` (an immutable ``RouteTable``) to whoever routes events.
public struct RoutesReloader: Sendable {
    /// Reads the file.
    public let loader: RouteTableLoader
    /// The routes in force.
    public private(set) var current: RouteTable
    /// How many reloads have replaced the routes since the first load.
    public private(set) var generation: Int = 0

    /// Loads the file for the first time.
    ///
    /// - Throws: the file's first problem, with its line and column.
    public init(loader: RouteTableLoader) throws(RoutesError) {
        self.loader = loader
        self.current = try loader.load()
    }

    /// Reads the file again. On success the new routes replace ``current``; on failure
    /// ``current`` is left as it was and the error (with its line number) is returned.
    public mutating func reload() -> RoutesReloadOutcome {
        adopt(Result { () throws(RoutesError) in try loader.load() })
    }

    /// Adopts the result of a load done elsewhere, with the same fallback as ``reload()``.
    ///
    /// Lets an owner that keeps the reloader under a lock read and parse the file
    /// (`loader.load()`) outside the lock, and hold the lock only to swap the table.
    public mutating func adopt(_ loaded: Result<RouteTable, RoutesError>) -> RoutesReloadOutcome {
        let table: RouteTable
        switch loaded {
        case .success(let loadedTable): table = loadedTable
        case .failure(let error): return .refused(error)
        }
        guard table != current else { return .unchanged }
        let changes = RouteTableChanges(from: current, to: table)
        current = table
        generation += 1
        return .reloaded(table, changes)
    }
}
