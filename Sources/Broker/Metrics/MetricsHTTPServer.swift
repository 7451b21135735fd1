#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Logging
import Sockets
import Store
import Synchronization
import ZeroMQ

/// Serves `GET /metrics` (Prometheus text format) over HTTP/1.0 on its own thread, one short
/// connection at a time. Any other path is 404. Requests larger than 8 KiB or slower than 2 s
/// are dropped.
///
/// `Sendable`: the thread handle, a stop flag and the port; the socket lives on the thread.
final class MetricsHTTPServer: Sendable {
    let port: UInt16
    private let stop = StopSignal()
    private let thread: IOThread

    /// Binds `host:port` (on the metrics thread, which then owns the socket) and starts serving
    /// `metrics` with the queue depths of `store` for every subscription of the routes in force.
    init(host: String, port: UInt16, metrics: BrokerMetrics, store: any EventStore, routes: RoutesInForce,
         logger: Logger) throws(BrokerError) {
        let stop = stop
        let started = StartBox()
        let ready = DispatchSemaphore(value: 0)
        thread = IOThread.start(name: "gerbangd.metrics") {
            let listener: TCPListener
            do throws(TCPListenerError) {
                listener = try TCPListener(host: host, port: port, backlog: 16)
            } catch {
                started.result.withLock { $0 = .failure(BrokerError(.socket, "metrics: \(error.message)")) }
                ready.signal()
                return
            }
            started.result.withLock { $0 = .success(listener.port) }
            ready.signal()
            while !stop.isSet {
                guard let connection = listener.accept(timeoutMilliseconds: 200) else { continue }
                Self.serve(connection, metrics: metrics, store: store, routes: routes, logger: logger)
                close(connection)
            }
        }
        ready.wait()
        switch started.result.withLock({ $0 }) {
        case .success(let bound): self.port = bound
        case .failure(let error): throw error
        case nil: throw BrokerError(.socket, "metrics: the server thread did not start")
        }
    }

    /// Stops accepting and waits for the thread.
    func shutdown() {
        stop.set()
        thread.join()
    }

    private static func serve(_ connection: Int32, metrics: BrokerMetrics, store: any EventStore, routes: RoutesInForce,
                              logger: Logger) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        _ = setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1_024)
        while request.count < 8_192 && !request.suffix(4).elementsEqual([13, 10, 13, 10]) && !request.suffix(2).elementsEqual([10, 10]) {
            let count = buffer.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            request += buffer[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        let response: String
        if line.hasPrefix("GET /metrics ") || line == "GET /metrics" {
            let body = render(metrics: metrics, store: store, routes: routes, logger: logger)
            response = "HTTP/1.0 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        } else {
            response = "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        }
        var bytes = Array(response.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Renders the metrics with the store's queue depths (waits at most 5 s for them).
    private static func render(metrics: BrokerMetrics, store: any EventStore, routes: RoutesInForce, logger: Logger) -> String {
        let result = RenderBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            var queues: [QueueStats] = []
            do throws(StoreError) {
                queues = try await store.queueStats(
                    subscriptions: routes.current.subscriptions.map { SubscriptionID($0.id) }, now: Date())
            } catch {
                logger.warning("metrics: queue stats failed", metadata: ["reason": "\(error.reason.rawValue)"])
            }
            let storeWrites = await store.writeStatistics()
            result.text.withLock { $0 = metrics.render(queues: queues, storeWrites: storeWrites) }
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
        return result.text.withLock { $0 } ?? metrics.render(queues: [])
    }
}

/// Hands the rendered text from the task to the HTTP thread. `Sendable`: a `Mutex`.
private final class RenderBox: Sendable {
    let text = Mutex<String?>(nil)
}

/// The metrics thread's start-up outcome: the bound port or the error. `Sendable`: a `Mutex`.
private final class StartBox: Sendable {
    let result = Mutex<Result<UInt16, BrokerError>?>(nil)
}
