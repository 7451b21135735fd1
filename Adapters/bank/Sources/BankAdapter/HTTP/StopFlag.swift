import Synchronization

/// A flag set once to stop a thread. `Sendable`: an `Atomic`.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)

    /// True once ``set()`` was called.
    var isSet: Bool { value.load(ordering: .acquiring) }

    /// Sets the flag; returns whether it was already set.
    func set() -> Bool { value.exchange(true, ordering: .acquiringAndReleasing) }
}
