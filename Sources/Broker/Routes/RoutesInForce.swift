import Routing
import Synchronization

/// The routes in force, shared by the publish pipeline (tasks) and the loop thread, replaced as a
/// whole on reload (SIGHUP) only when the new file is valid.
///
/// `Sendable`: the `RoutesReloader` lives in a `Mutex`; readers copy the immutable `RouteTable`
/// out under the lock.
public final class RoutesInForce: Sendable {
    private let reloader: Mutex<RoutesReloader>

    /// Loads the routes for the first time (a broker never starts without valid routes).
    public init(loader: RouteTableLoader) throws(RoutesError) {
        reloader = Mutex(try RoutesReloader(loader: loader))
    }

    /// The routes in force now.
    public var current: RouteTable { reloader.withLock { $0.current } }

    /// Reads the file again; a refused file leaves the routes in force unchanged. The file is
    /// read and parsed outside the lock, so publishes are not held up by a reload. Call it from
    /// one place at a time (gerbangd: its serial signal queue), or reloads may adopt out of order.
    public func reload() -> RoutesReloadOutcome {
        let loader = reloader.withLock { $0.loader }
        let loaded = Result { () throws(RoutesError) in try loader.load() }
        return reloader.withLock { $0.adopt(loaded) }
    }
}
