import CZeroMQ

/// The one error type of the `ZeroMQ` module.
///
/// An error either comes from a libzmq call (then ``errno`` is the value libzmq reported, ``call``
/// names the C function and ``message`` is libzmq's `zmq_strerror` text) or from a check the binding
/// makes itself (then ``errno`` is `0` and ``call`` names the Swift API that refused).
/// ``reason`` is the stable, machine-readable classification to switch on.
///
/// `ZMQError` is `Sendable`: it is an immutable value.
public struct ZMQError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable reason codes (`rawValue` is what logs and other modules may match on).
    public enum Reason: String, Sendable, CaseIterable {
        /// `EAGAIN`: a non-blocking call would block, or the send/receive timeout expired.
        /// On a ROUTER this is back-pressure: the peer's high-water mark is reached.
        case wouldBlock = "zmq.would-block"
        /// `EHOSTUNREACH`: a ROUTER has no connected peer with that routing id (gone or never there).
        case hostUnreachable = "zmq.host-unreachable"
        /// `ETERM`: the context is being terminated.
        case contextTerminated = "zmq.context-terminated"
        /// `EADDRINUSE`: the endpoint is already bound.
        case addressInUse = "zmq.address-in-use"
        /// `EINVAL`: invalid argument (unknown option, malformed endpoint, wrong value size).
        case invalidArgument = "zmq.invalid-argument"
        /// `EMSGSIZE`: a message is larger than the socket accepts.
        case messageTooLarge = "zmq.message-too-large"
        /// `EFSM`: the call is not valid in the socket's current state.
        case invalidState = "zmq.invalid-state"
        /// `ENOTSUP`: the socket type does not support the call.
        case notSupported = "zmq.not-supported"
        /// Any other errno; see ``ZMQError/errno`` and ``ZMQError/message``.
        case system = "zmq.system"
        /// The binding refused to bind or connect a CURVE server socket because the context's ZAP
        /// handler is not running (libzmq 4.3 would then admit every CURVE client).
        case zapHandlerRequired = "zmq.zap-handler-required"
        /// ``Context/startZAPHandler(logger:authorizer:)`` was called twice on one context.
        case zapHandlerAlreadyRunning = "zmq.zap-handler-already-running"
        /// A CURVE key is not 32 bytes / 40 Z85 characters.
        case invalidCurveKey = "zmq.invalid-curve-key"
        /// Z85 text or data of an invalid length, or text with a character outside the alphabet.
        case invalidZ85 = "zmq.invalid-z85"
        /// A multipart message had more frames than the receiver's limit (the frames were drained).
        case tooManyFrames = "zmq.too-many-frames"
        /// A thread the binding owns could not be started or set up.
        case threadStartFailed = "zmq.thread-start-failed"
    }

    /// The machine-readable classification.
    public let reason: Reason
    /// The errno libzmq reported, or `0` when the binding itself refused.
    public let errno: Int32
    /// The failed C function (`"zmq_bind"`) or the refusing Swift API (`"Socket.bind"`).
    public let call: String
    /// Human-readable explanation (libzmq's `zmq_strerror` text for C failures).
    public let message: String

    /// Whether this is `EAGAIN`: retry later (non-blocking call) or treat as back-pressure/timeout.
    public var wouldBlock: Bool { reason == .wouldBlock }

    /// An error for a failed libzmq call, classified from its errno.
    public init(errno: Int32, call: String) {
        self.errno = errno
        self.call = call
        self.message = String(cString: zmq_strerror(errno))
        self.reason = Self.reason(forErrno: errno)
    }

    /// An error raised by the binding's own checks (``errno`` is `0`).
    public init(reason: Reason, call: String, message: String) {
        self.reason = reason
        self.errno = 0
        self.call = call
        self.message = message
    }

    public var description: String {
        errno == 0
            ? "\(reason.rawValue): \(call): \(message)"
            : "\(reason.rawValue): \(call) failed: \(message) (errno \(errno))"
    }

    private static func reason(forErrno errno: Int32) -> Reason {
        switch errno {
        case c_gerbang_zmq_eagain(): return .wouldBlock
        case c_gerbang_zmq_ehostunreach(): return .hostUnreachable
        case c_gerbang_zmq_eterm(): return .contextTerminated
        case c_gerbang_zmq_eaddrinuse(): return .addressInUse
        case c_gerbang_zmq_einval(): return .invalidArgument
        case c_gerbang_zmq_emsgsize(): return .messageTooLarge
        case c_gerbang_zmq_efsm(): return .invalidState
        case c_gerbang_zmq_enotsup(): return .notSupported
        default: return .system
        }
    }
}
