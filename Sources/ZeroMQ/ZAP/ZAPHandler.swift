import Logging

/// The ZAP handler of one context (ZeroMQ RFC 27): a REP socket bound to
/// `inproc://zeromq.zap.01`, served on a thread it owns.
///
/// libzmq sends it one request per handshake of a socket with a security mechanism:
/// `version "1.0", request id, domain, address, routing id, mechanism, credentials…`
/// and expects `version, request id, status code, status text, user id, metadata`.
/// Status `200` admits the peer, `400` refuses it, `500` reports a malformed request.
///
/// `Sendable`: its socket lives on the handler thread only; the other state is a lock-protected
/// stop flag and the thread handle.
final class ZAPHandler: Sendable {
    /// The endpoint RFC 27 fixes for the handler.
    static let endpoint = "inproc://zeromq.zap.01"
    /// How often the handler thread checks for ``stop()`` between requests.
    static let stopCheckIntervalMilliseconds: Int32 = 100

    private let thread: IOThread
    private let stopRequested: LockedValue<Bool>

    private init(thread: IOThread, stopRequested: LockedValue<Bool>) {
        self.thread = thread
        self.stopRequested = stopRequested
    }

    /// Binds the handler socket on a new thread and returns once it is bound (or throws why not).
    static func start(
        handle: ContextHandle, logger: Logger, authorizer: @escaping ZAPAuthorizer
    ) throws(ZMQError) -> ZAPHandler {
        let stopRequested = LockedValue(false)
        let thread = try IOThread.startAfterSetUp(name: "zmq.zap") { setUp in
            let socket: Socket
            do throws(ZMQError) {
                socket = try Socket(.rep, handle: handle, context: nil, defaults: SocketDefaults(lingerMilliseconds: 0))
                try socket.set(.receiveTimeoutMilliseconds, stopCheckIntervalMilliseconds)
                try socket.bind(endpoint)
            } catch {
                setUp.failed(error)
                return
            }
            setUp.succeeded()
            serve(socket, stopRequested: stopRequested, logger: logger, authorizer: authorizer)
        }
        return ZAPHandler(thread: thread, stopRequested: stopRequested)
    }

    /// Asks the handler thread to end and waits for it (at most one stop-check interval plus the
    /// request in progress).
    func stop() {
        stopRequested.withLock { $0 = true }
        thread.join()
    }

    private static func serve(
        _ socket: Socket, stopRequested: LockedValue<Bool>, logger: Logger, authorizer: ZAPAuthorizer
    ) {
        while !stopRequested.current {
            let frames: [[UInt8]]
            do throws(ZMQError) {
                frames = try socket.receiveMultipart(maximumFrames: 16).map(\.bytes)
            } catch where error.wouldBlock {
                continue
            } catch {
                if error.reason == .contextTerminated { return }
                logger.warning("ZAP handler receive failed", metadata: ["error": "\(error)"])
                continue
            }
            let reply = Self.reply(to: frames, logger: logger, authorizer: authorizer)
            do throws(ZMQError) {
                try socket.send(multipart: reply)
            } catch {
                logger.warning("ZAP handler reply failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Builds the reply frames for one request.
    static func reply(to frames: [[UInt8]], logger: Logger, authorizer: ZAPAuthorizer) -> [[UInt8]] {
        let requestID = frames.count > 1 ? frames[1] : []
        func answer(_ status: String, _ text: String, userID: String = "") -> [[UInt8]] {
            [Array("1.0".utf8), requestID, Array(status.utf8), Array(text.utf8), Array(userID.utf8), []]
        }
        guard frames.count >= 6, frames[0] == Array("1.0".utf8) else {
            logger.warning("ZAP handler: malformed request", metadata: ["frames": "\(frames.count)"])
            return answer("500", "malformed ZAP request")
        }
        let text = { (index: Int) in String(decoding: frames[index], as: UTF8.self) }
        let mechanism = text(5)
        var clientKey: CurvePublicKey?
        if mechanism == "CURVE" {
            guard frames.count == 7, let key = try? CurvePublicKey(bytes: frames[6]) else {
                logger.warning("ZAP handler: CURVE request without a 32-byte key")
                return answer("500", "malformed CURVE credentials")
            }
            clientKey = key
        }
        let request = ZAPRequest(
            domain: text(2), address: text(3), routingID: frames[4], mechanism: mechanism,
            clientPublicKey: clientKey)
        let metadata: Logger.Metadata = [
            "domain": "\(request.domain)", "address": "\(request.address)",
            "mechanism": "\(mechanism)", "key": "\(clientKey?.z85 ?? "-")",
        ]
        switch authorizer(request) {
        case .allow(let userID):
            logger.debug("ZAP allow", metadata: metadata.merging(["user-id": "\(userID)"]) { $1 })
            return answer("200", "OK", userID: userID)
        case .deny(let reason):
            logger.notice("ZAP deny", metadata: metadata.merging(["reason": "\(reason)"]) { $1 })
            return answer("400", reason)
        }
    }
}
