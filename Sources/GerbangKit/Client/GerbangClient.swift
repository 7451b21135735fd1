import Foundation
import Logging
import Synchronization
import ZeroMQ

/// A connection of one agency adapter to the Gerbang broker over GMP/1 (`docs/protocol.md`),
/// with async/await: ``publish(signed:)`` and friends return the broker's verdict, ``subscribe()``
/// yields deliveries to ``Delivery/ack()`` or refuse.
///
/// ```swift
/// let client = try await GerbangClient.connect(.load(file: "Config/adapters/dukcapil.yaml"))
/// let receipt = try await client.publish(deathRegistered, subject: certificateNumber)
/// for await delivery in try client.subscribe() { …; try await delivery.ack() }
/// await client.close()
/// ```
///
/// **Threads.** The ZeroMQ socket lives on one ``IOThread`` the client owns (blocking `zmq_poll`
/// never runs on Swift's cooperative pool). Callers hand it work through a mutex-guarded mailbox
/// and a ``Waker``; it answers through continuations and the delivery stream. Everything queued
/// since its last turn goes out together, so concurrent `publish` calls share one PUBLISH.
///
/// **Sessions.** The client connects (CURVE), says HELLO and keeps the session alive with
/// heartbeats; when the session ends (BYE, ERROR, silence, a broken connection) it reconnects with
/// ``Configuration/reconnectBackoff``, says HELLO again (the same subscriptions), restores its
/// credit and sends again every event the broker had not answered — the broker's de-duplication
/// by (`source`, `id`) answers a repeat as a duplicate, so nothing is stored twice.
///
/// `Sendable`: every stored property is immutable and `Sendable` (the mailbox and delivery gate
/// are mutex-guarded, the waker and context are thread-safe); all mutable session state lives on
/// the I/O thread.
public final class GerbangClient: Sendable {
    /// The configuration the client runs with.
    public let configuration: Configuration
    let logger: Logger
    let mailbox: ClientMailbox
    let outbox: PublisherOutbox?
    private let context: Context
    private let thread: IOThread
    let deliveryGate = Mutex(DeliveryGate())

    /// Which delivery stream is open (one at a time).
    struct DeliveryGate {
        var generation = 0
        var isOpen = false
    }

    /// Starts a client: opens the outbox (when configured) and starts the I/O thread, which
    /// connects in the background. Publishes made before the session opens wait for it (up to
    /// ``Configuration/publishTimeout``). Use ``connect(_:logger:timeout:)`` to wait for the
    /// session.
    ///
    /// - Parameter logger: the client logs session changes at `info`, refusals at `notice`, and
    ///   never event payloads.
    public init(configuration: Configuration, logger: Logger = Logger(label: "gerbang.kit")) throws(GerbangClientError) {
        self.configuration = configuration
        self.logger = logger
        do {
            context = try Context()
            let wakeEndpoint = "inproc://gerbangkit-wake-\(UUID().uuidString)"
            mailbox = ClientMailbox(waker: try Waker(context: context, endpoint: wakeEndpoint))
            outbox = try configuration.outboxPath.map { path throws(GerbangClientError) in try PublisherOutbox(path: path) }
            let started = StartSignal()
            let (context, mailbox, outbox) = (context, mailbox, outbox)
            thread = IOThread.start(name: "gerbangkit.io") {
                let loop: ClientLoop
                do {
                    loop = try ClientLoop(configuration: configuration, logger: logger, context: context,
                                          mailbox: mailbox, wakeEndpoint: wakeEndpoint, outbox: outbox)
                } catch {
                    started.report(error)
                    return
                }
                started.report(nil)
                loop.run()
            }
            if let error = started.wait() {
                _ = mailbox.shutDown()
                throw GerbangClientError(.configuration, "cannot start the client's I/O thread: \(error)")
            }
        } catch let error as GerbangClientError {
            throw error
        } catch {
            throw GerbangClientError(.configuration, "cannot start the client: \(error)")
        }
    }

    /// Starts a client and waits until the broker opened a session (at most `timeout`, default
    /// ``Configuration/connectTimeout``). A refused session (ERROR `auth.*`,
    /// `route.unknown-subscription`, …) throws ``GerbangClientError/Reason/sessionRefused`` at
    /// once; the client is closed again on failure.
    public static func connect(_ configuration: Configuration, logger: Logger = Logger(label: "gerbang.kit"),
                               timeout: Duration? = nil) async throws(GerbangClientError) -> GerbangClient {
        let client = try GerbangClient(configuration: configuration, logger: logger)
        do {
            _ = try await client.waitForSession(timeout: timeout ?? configuration.connectTimeout)
        } catch {
            await client.close()
            throw error
        }
        return client
    }

    /// Waits until a session is open (now or after the next WELCOME) and returns what the broker
    /// granted; throws ``GerbangClientError/Reason/connectTimeout`` after `timeout`.
    public func waitForSession(timeout: Duration) async throws(GerbangClientError) -> SessionInfo {
        let deadline = ContinuousClock.now + timeout
        let result = await withCheckedContinuation { continuation in
            if !mailbox.post(.waitForSession(deadline: deadline, continuation)) {
                continuation.resume(returning: .failure(GerbangClientError(.closed, "the client is closed")))
            }
        }
        return try result.get()
    }

    /// Closes the client: waits (at most ``Configuration/closeTimeout``) for the answers of
    /// outstanding publishes, says BYE, ends the delivery stream and stops the I/O thread.
    /// Publishes still unanswered fail with ``GerbangClientError/Reason/closed`` (with an outbox,
    /// they are sent again by the next client). Calling it again returns at once.
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            if !mailbox.post(.close(continuation)) { continuation.resume() }
        }
    }

    deinit {
        _ = mailbox.post(.close(nil))
    }
}
