import Foundation

/// A dedicated operating-system thread for blocking libzmq work.
///
/// **The threading rule of this module.** A ``Socket`` belongs to exactly one thread: the one that
/// created it uses it and lets it go. Blocking calls — ``Poller/poll(timeout:)``, a blocking
/// ``Socket/receive(into:flags:)``, a send that waits on a high-water mark — run only on threads
/// that the module owns (the ZAP handler, monitors) or that the caller owns, such as an `IOThread`
/// or the main thread of a command-line tool. They never run on Swift's cooperative thread pool,
/// whose few threads would otherwise be stalled for every task in the process. From async code,
/// use ``run(name:_:)`` to hop onto a fresh `IOThread` and await the result.
///
/// The typical server shape is one `IOThread` that creates its sockets (a ROUTER plus an inproc
/// PAIR that other threads signal through a ``Waker``) and loops over a ``Poller``.
///
/// `IOThread` is `Sendable`: its only mutable state is the completion signal, which is
/// lock-protected; any thread may ``join()`` it.
public final class IOThread: Sendable {
    /// The name given to the OS thread (visible in debuggers and `top -H`).
    public let name: String
    private let finished = OneShot<Void>()
    private let identity = OneShot<ObjectIdentifier>()

    private init(name: String) { self.name = name }

    /// Starts `body` on a new thread and returns at once. The thread ends when `body` returns.
    ///
    /// - Parameters:
    ///   - name: the OS thread name (the first 15 bytes are visible on Linux).
    ///   - stackSize: the thread's stack size in bytes (default 1 MiB).
    ///   - body: the work; it creates, uses and drops its own sockets.
    @discardableResult
    public static func start(
        name: String, stackSize: Int = 1 << 20, _ body: @escaping @Sendable () -> Void
    ) -> IOThread {
        let ioThread = IOThread(name: name)
        let thread = Thread { [ioThread] in
            ioThread.identity.fulfil(ObjectIdentifier(Thread.current))
            nameCurrentThread(name)
            body()
            ioThread.finished.fulfil(())
        }
        thread.stackSize = stackSize
        thread.start()
        return ioThread
    }

    /// Names the calling OS thread (Linux keeps at most 15 bytes), so that `top -H` and debuggers
    /// show which owned thread is which.
    private static func nameCurrentThread(_ name: String) {
        Thread.current.name = String(decoding: name.utf8.prefix(15), as: UTF8.self)
    }

    /// Blocks until the thread's body has returned. Joining from the thread itself returns at once
    /// (it cannot wait for itself).
    public func join() {
        if identity.published == ObjectIdentifier(Thread.current) { return }
        finished.wait()
    }

    /// Whether the thread's body has returned.
    public var isFinished: Bool { finished.published != nil }

    /// Runs blocking `body` on a fresh `IOThread` and suspends the calling task (without blocking a
    /// cooperative thread) until it returns or throws.
    public static func run<Result: Sendable>(
        name: String = "gerbang.io", _ body: @escaping @Sendable () throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            start(name: name) {
                continuation.resume(with: Swift.Result { try body() })
            }
        }
    }
}

extension IOThread {
    /// Signals from a starting thread to the thread that started it: set-up succeeded or failed.
    final class SetUp: Sendable {
        fileprivate let outcome = OneShot<ZMQError?>()

        /// The thread is ready: its sockets exist and are bound or connected.
        func succeeded() { outcome.fulfil(nil) }

        /// The thread could not set itself up and is about to end.
        func failed(_ error: ZMQError) { outcome.fulfil(error) }
    }

    /// Starts a thread whose body first sets itself up (creates and binds/connects its sockets) and
    /// reports that through the ``SetUp`` it receives; waits for that report and rethrows a failure.
    /// The body must call `succeeded()` or `failed(_:)` before any long-running work.
    static func startAfterSetUp(
        name: String, _ body: @escaping @Sendable (SetUp) -> Void
    ) throws(ZMQError) -> IOThread {
        let setUp = SetUp()
        let thread = start(name: name) {
            body(setUp)
            setUp.failed(ZMQError(reason: .threadStartFailed, call: name, message: "ended before reporting set-up"))
        }
        if let error = setUp.outcome.wait() {
            thread.join()
            throw error
        }
        return thread
    }
}
