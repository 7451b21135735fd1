import Logging
import ZeroMQ

/// Helpers shared by the tests. Every socket binds to 127.0.0.1 on an ephemeral port, and every
/// blocking call has a timeout of a few seconds at most.
enum TestSockets {
    /// Receive timeout for test sockets: long enough for a loaded 2-core machine, short enough that
    /// a failing test ends quickly.
    static let receiveTimeoutMilliseconds: Int32 = 3000

    /// Defaults for test sockets: no linger, so closing never waits on undelivered messages.
    static let defaults = SocketDefaults(lingerMilliseconds: 0, routerSendTimeoutMilliseconds: 1000)

    /// A logger that keeps the expected ZAP denials and malformed-request warnings out of the
    /// test output.
    static var quietLogger: Logger {
        var logger = Logger(label: "test.zeromq")
        logger.logLevel = .critical
        return logger
    }

    /// A socket with the test receive timeout.
    static func make(_ type: SocketType, _ context: Context) throws(ZMQError) -> Socket {
        let socket = try Socket(type, context: context, defaults: defaults)
        try socket.set(.receiveTimeoutMilliseconds, receiveTimeoutMilliseconds)
        return socket
    }

    /// A socket bound to an ephemeral loopback port, and the endpoint to connect to.
    static func bound(_ type: SocketType, _ context: Context) throws(ZMQError) -> (Socket, String) {
        let socket = try make(type, context)
        let endpoint = try socket.bind("tcp://127.0.0.1:*")
        return (socket, endpoint)
    }

    /// The error `body` throws, or `nil` if it succeeds. (Closures infer `any Error`, so a
    /// foreign error is wrapped rather than lost.)
    static func error(_ body: () throws -> Void) -> ZMQError? {
        do {
            try body()
            return nil
        } catch let error as ZMQError {
            return error
        } catch {
            return ZMQError(reason: .system, call: "test", message: "unexpected error \(error)")
        }
    }
}

extension [UInt8] {
    /// The UTF-8 bytes of `text`.
    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
}
