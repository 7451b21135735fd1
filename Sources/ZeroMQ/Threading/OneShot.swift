import Foundation

/// A value that one thread publishes once and other threads wait for (a tiny blocking future).
///
/// `@unchecked Sendable` is safe because `value` is only read and written while `condition` is
/// locked, and `Value` is `Sendable`.
final class OneShot<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    init() {}

    /// Publishes the value; later calls are ignored (the first value wins).
    func fulfil(_ newValue: Value) {
        condition.lock()
        defer { condition.unlock() }
        guard value == nil else { return }
        value = newValue
        condition.broadcast()
    }

    /// Blocks the calling thread until the value is published, then returns it.
    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }

    /// The value if already published.
    var published: Value? {
        condition.lock()
        defer { condition.unlock() }
        return value
    }
}
