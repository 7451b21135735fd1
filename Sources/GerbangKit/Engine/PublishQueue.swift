/// A FIFO of publish requests waiting to be sent, with cheap removal from the front and
/// re-insertion at the front (events to send again after a reconnect). Not `Sendable`: owned by
/// the client's I/O thread.
struct PublishQueue {
    private var items: [PublishRequest] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }

    mutating func append(_ request: PublishRequest) {
        items.append(request)
    }

    /// Removes and returns up to `limit` requests from the front.
    mutating func popFirst(_ limit: Int) -> ArraySlice<PublishRequest> {
        let end = min(items.count, head + limit)
        let slice = items[head..<end]
        head = end
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 4_096 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return slice
    }

    /// Puts `requests` back in front, in their order.
    mutating func prepend(_ requests: some Collection<PublishRequest>) {
        guard !requests.isEmpty else { return }
        items = Array(requests) + items[head...]
        head = 0
    }

    /// Whether any waiting request satisfies `predicate`.
    func contains(where predicate: (PublishRequest) -> Bool) -> Bool {
        items[head...].contains(where: predicate)
    }

    /// Removes the requests for which `shouldRemove` is true and returns them.
    mutating func removeAll(where shouldRemove: (PublishRequest) -> Bool) -> [PublishRequest] {
        var kept: [PublishRequest] = []
        var removed: [PublishRequest] = []
        for request in items[head...] {
            if shouldRemove(request) { removed.append(request) } else { kept.append(request) }
        }
        items = kept
        head = 0
        return removed
    }

    /// Removes and returns everything.
    mutating func removeAll() -> [PublishRequest] {
        defer { items.removeAll(); head = 0 }
        return Array(items[head...])
    }

    /// Replaces each request by `transform(request)`.
    mutating func update(_ transform: (inout PublishRequest) -> Void) {
        for index in head..<items.count { transform(&items[index]) }
    }
}
