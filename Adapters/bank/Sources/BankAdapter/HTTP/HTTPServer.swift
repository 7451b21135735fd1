#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Sockets
import Synchronization

/// A small HTTP/1.1 server for the bank simulator: one thread accepts, each connection is served
/// on a thread of its own (at most ``Limits/maxConnections`` at once; more wait in the listen
/// backlog), one request per connection (`Connection: close`).
///
/// Requests whose head or body exceed the limits are answered 413, malformed ones 400; a client
/// slower than ``Limits/readTimeoutSeconds`` is dropped.
///
/// `Sendable`: the port, a stop flag (`Atomic`) and semaphores; sockets live on the threads.
public final class HTTPServer: Sendable {
    /// Limits of the server. Every limit has a documented default.
    ///
    /// `Sendable`: a value type of integers.
    public struct Limits: Sendable, Hashable {
        /// Connections served at once. Default 64.
        public var maxConnections: Int
        /// Largest request head (line and headers). Default 16 KiB.
        public var maxHeadBytes: Int
        /// Largest request body. Default 64 KiB.
        public var maxBodyBytes: Int
        /// Longest wait for a request's bytes. Default 5 s.
        public var readTimeoutSeconds: Int

        /// Creates limits; every parameter defaults to the documented default.
        public init(maxConnections: Int = 64, maxHeadBytes: Int = 16_384, maxBodyBytes: Int = 65_536, readTimeoutSeconds: Int = 5) {
            self.maxConnections = maxConnections
            self.maxHeadBytes = maxHeadBytes
            self.maxBodyBytes = maxBodyBytes
            self.readTimeoutSeconds = readTimeoutSeconds
        }
    }

    /// The port the server listens on.
    public let port: UInt16
    private let stopping: StopFlag
    private let stopped: DispatchSemaphore

    /// Binds `host:port` (port 0 picks a free one) and serves `handler` until ``shutdown()``.
    /// `handler` runs on the connection's thread and may block (the simulator's latency).
    public init(host: String, port: UInt16, limits: Limits = Limits(),
                handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws(HTTPServerError) {
        let slots = DispatchSemaphore(value: limits.maxConnections)
        let started = DispatchSemaphore(value: 0)
        let startup = StartupResult()
        let stopping = StopFlag()
        let stopped = DispatchSemaphore(value: 0)
        self.stopping = stopping
        self.stopped = stopped
        let thread = Thread {
            // The listener is created and owned by this thread.
            let listener: TCPListener
            do throws(TCPListenerError) {
                listener = try TCPListener(host: host, port: port)
            } catch {
                startup.value.withLock { $0 = .failure(HTTPServerError(.socket, error.message)) }
                started.signal()
                stopped.signal()
                return
            }
            startup.value.withLock { $0 = .success(listener.port) }
            started.signal()
            while !stopping.isSet {
                guard let connection = listener.accept(timeoutMilliseconds: 200) else { continue }
                slots.wait()
                Thread.detachNewThread {
                    Self.serve(connection, limits: limits, handler: handler)
                    close(connection)
                    slots.signal()
                }
            }
            stopped.signal()
        }
        thread.name = "http-server.accept"
        thread.start()
        started.wait()
        switch startup.value.withLock({ $0 }) {
        case .success(let bound): self.port = bound
        case .failure(let error):
            _ = stopping.set()
            throw error
        case nil: throw HTTPServerError(.socket, "the server thread did not start")
        }
    }

    /// Stops accepting and waits for the accepting thread (connections in progress finish).
    public func shutdown() {
        guard !stopping.set() else { return }
        stopped.wait()
    }

    deinit { shutdown() }

    private static func serve(_ connection: Int32, limits: Limits, handler: @Sendable (HTTPRequest) -> HTTPResponse) {
        var timeout = timeval(tv_sec: limits.readTimeoutSeconds, tv_usec: 0)
        _ = setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        var response: HTTPResponse
        while true {
            do throws(HTTPRequestParser.Failure) {
                if case .complete(let request) = try HTTPRequestParser.parse(received, maxHeadBytes: limits.maxHeadBytes,
                                                                             maxBodyBytes: limits.maxBodyBytes) {
                    response = handler(request)
                    break
                }
            } catch {
                let status = error == .tooLarge ? 413 : 400
                response = HTTPResponse(status: status, headers: [("Content-Type", "application/json")],
                                        body: Array("{\"status\":\"invalid\",\"code\":\"\(error.rawValue)\"}".utf8))
                break
            }
            let count = buffer.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            received += buffer[0..<count]
        }
        var bytes = response.serialized()[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// The accepting thread's start-up outcome: the bound port or the error. `Sendable`: a `Mutex`.
private final class StartupResult: Sendable {
    let value = Mutex<Result<UInt16, HTTPServerError>?>(nil)
}
