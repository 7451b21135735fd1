import Synchronization

/// A one-way stop flag shared between the signal handling and the loop thread. `Sendable`: an
/// `Atomic`.
final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Whether a stop was requested.
    var isSet: Bool { flag.load(ordering: .acquiring) }

    /// Requests the stop.
    func set() { flag.store(true, ordering: .releasing) }
}
