import Admin
import Synchronization

/// What request tasks hand back to the admin thread: replies to send, and history replays of
/// tails. `Sendable`: a `Mutex`-guarded array; the admin thread takes it every turn.
final class AdminOutbox: Sendable {
    enum Item: Sendable {
        /// A response to send to a client.
        case reply(routingID: [UInt8], AdminReply)
        /// A tail's history replay is ready (lines oldest first).
        case history(routingID: [UInt8], lines: [TailLine], failure: AdminError?)
    }

    private let items = Mutex<[Item]>([])

    func post(_ item: Item) {
        items.withLock { $0.append(item) }
    }

    func takeAll() -> [Item] {
        items.withLock { items in
            defer { items.removeAll(keepingCapacity: true) }
            return items
        }
    }
}
