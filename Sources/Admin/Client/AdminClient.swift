import Foundation
import ZeroMQ

/// A connection to the admin endpoint of `gerbangd`: a CURVE DEALER that sends
/// ``AdminRequest``s and receives ``AdminReply`` frames.
///
/// Not `Sendable`: it owns a socket; create and use it on one thread (the CLI's main thread).
public final class AdminClient {
    private let credentials: OperatorCredentials
    private let context: Context
    private let socket: Socket
    private let timeoutMilliseconds: Int32
    private var nextRequest = 1

    /// Connects (libzmq connects in the background; the first answer proves the connection).
    ///
    /// - Parameters:
    ///   - timeoutMilliseconds: how long ``request(_:)`` waits for an answer.
    ///   - receiveQueue: frames libzmq may hold for this client (`ZMQ_RCVHWM`); a tail that reads
    ///     slower than the broker produces has its lines dropped by the broker beyond it.
    public init(credentials: OperatorCredentials, timeoutMilliseconds: Int32 = 5_000, receiveQueue: Int32 = 1_000) throws(AdminError) {
        self.credentials = credentials
        self.timeoutMilliseconds = timeoutMilliseconds
        do {
            context = try Context()
            socket = try Socket(.dealer, context: context, defaults: SocketDefaults(lingerMilliseconds: 0))
            try socket.set(.receiveHighWaterMark, receiveQueue)
            try socket.set(.sendTimeoutMilliseconds, timeoutMilliseconds)
            try socket.makeCurveClient(keyPair: credentials.keyPair, serverKey: credentials.serverKey)
            try socket.connect(credentials.endpoint)
        } catch {
            throw AdminError(.unreachable, "cannot connect to \(credentials.endpoint): \(error)")
        }
    }

    /// Sends `request` and returns its response; a failed response is thrown as its
    /// ``AdminError``. Tail lines that arrive first are skipped.
    public func request(_ request: AdminRequest) throws(AdminError) -> AdminReply {
        var request = request
        request.requestID = String(nextRequest)
        nextRequest += 1
        try send(request)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutMilliseconds))
        while true {
            guard let reply = try receive(timeoutMilliseconds: remaining(until: deadline)) else {
                throw unreachable()
            }
            guard reply.kind == .response, reply.requestID == request.requestID else { continue }
            if let error = reply.error { throw error }
            return reply
        }
    }

    /// Sends a request without waiting (e.g. `tail.stop`).
    public func send(_ request: AdminRequest) throws(AdminError) {
        do {
            try socket.send(AdminJSON.encode(request))
        } catch {
            throw unreachable()
        }
    }

    /// The next frame, or nil after `timeoutMilliseconds` (−1: wait forever).
    public func receive(timeoutMilliseconds: Int32) throws(AdminError) -> AdminReply? {
        do {
            try socket.set(.receiveTimeoutMilliseconds, timeoutMilliseconds)
            let frames = try socket.receiveMultipart(maximumFrames: 4)
            guard let last = frames.last else { return nil }
            do {
                return try AdminJSON.decode(AdminReply.self, from: last.bytes)
            } catch {
                throw AdminError(.protocolError, "the broker's answer is not an admin reply: \(error.message)")
            }
        } catch let error as AdminError {
            throw error
        } catch let error as ZMQError where error.wouldBlock {
            return nil
        } catch {
            throw AdminError(.unreachable, "receive from \(credentials.endpoint) failed: \(error)")
        }
    }

    private func remaining(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = deadline - ContinuousClock.now
        let milliseconds = left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(1, milliseconds))
    }

    /// The error for a broker that does not answer: which endpoint, which key, and the likely causes.
    private func unreachable() -> AdminError {
        AdminError(.unreachable, """
            no answer from the admin endpoint \(credentials.endpoint) within \(timeoutMilliseconds) ms \
            (operator key \(credentials.keyPath), public \(credentials.keyPair.publicKey.z85); \
            broker key from \(credentials.serverKeySource)). Is gerbangd running with this admin-endpoint, \
            is the broker key right, and is this operator's public key in Config/operators.yaml?
            """)
    }
}
