import Synchronization
import ZeroMQ

/// The queue of ``ClientCommand``s from any task to the client's I/O thread. `Sendable`: a
/// `Mutex` guards the queue, and the ``Waker`` (itself `Sendable`) wakes the polling thread.
///
/// A post wakes the thread only when the queue was empty: otherwise a wake-up is already on its
/// way and the thread takes every queued command at once. That is how concurrent publishes end up
/// in one PUBLISH.
final class ClientMailbox: Sendable {
    private struct State {
        var commands: [ClientCommand] = []
        var isOpen = true
    }

    private let state = Mutex(State())
    private let waker: Waker

    init(waker: Waker) {
        self.waker = waker
    }

    /// Queues `command` and wakes the I/O thread; `false` when the client is closed.
    func post(_ command: ClientCommand) -> Bool {
        let shouldWake: Bool? = state.withLock { state in
            guard state.isOpen else { return nil }
            state.commands.append(command)
            return state.commands.count == 1
        }
        guard let shouldWake else { return false }
        if shouldWake { wake() }
        return true
    }

    /// Queues several commands with one wake-up; `false` (nothing queued) when closed.
    func post(contentsOf commands: [ClientCommand]) -> Bool {
        let shouldWake: Bool? = state.withLock { state in
            guard state.isOpen else { return nil }
            let wasEmpty = state.commands.isEmpty
            state.commands.append(contentsOf: commands)
            return wasEmpty
        }
        guard let shouldWake else { return false }
        if shouldWake { wake() }
        return true
    }

    /// Every queued command, oldest first; the queue is left empty.
    func takeAll() -> [ClientCommand] {
        state.withLock { state in
            defer { state.commands.removeAll(keepingCapacity: true) }
            return state.commands
        }
    }

    /// Refuses every later post and returns what is still queued.
    func shutDown() -> [ClientCommand] {
        state.withLock { state in
            state.isOpen = false
            defer { state.commands.removeAll() }
            return state.commands
        }
    }

    /// Whether posts are still accepted.
    var isOpen: Bool { state.withLock { $0.isOpen } }

    /// Wakes the I/O thread (a failure only means the thread is gone).
    func wake() {
        try? waker.wake()
    }
}
