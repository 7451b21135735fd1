import Foundation
import ZeroMQ

/// A list that several threads append to and read (ZAP requests seen, monitor events).
///
/// `@unchecked Sendable` is safe: `items` is only touched while `lock` is held, and the elements
/// are `Sendable`.
final class Recorder<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Item] = []

    func append(_ item: Item) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var all: [Item] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }

    /// Blocks the calling (owned, non-cooperative) thread until an item matches or `timeout`
    /// passes; polls every 10 ms.
    func waitForItem(timeout: Duration, matching predicate: (Item) -> Bool) -> Item? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let item = all.first(where: predicate) { return item }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return all.first(where: predicate)
    }
}

extension Recorder where Item == MonitorEvent {
    /// Records every monitor event of `socket`, appended on the monitor thread itself (not on the
    /// cooperative pool, which other tests may keep busy), so a test thread can wait for one.
    convenience init(monitoring socket: Socket, _ kinds: MonitorEvent.Kinds = .all) throws(ZMQError) {
        self.init()
        try socket.monitor(kinds) { [self] event in append(event) }
    }
}
