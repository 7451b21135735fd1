import Foundation

/// A value guarded by a lock (the `Synchronization` module's `Mutex` needs macOS 15; Gerbang
/// supports macOS 14).
///
/// `@unchecked Sendable`: every access to `value` happens inside `lock`, so no two threads touch
/// it at once; `Value` is `Sendable`, so what leaves the lock is safe to use anywhere.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
