import Foundation
@testable import HTTPGateway
import Sockets
import Synchronization

/// An agency's webhook for the tests: plain HTTP on 127.0.0.1, answering the scripted statuses in
/// turn (the last one from then on) and recording every request body.
final class WebhookReceiver: Sendable {
    let port: UInt16
    private let state: Mutex<State>
    private let stopping = Atomic<Bool>(false)

    private struct State {
        var statuses: [Int]
        var received: [(status: Int, body: [UInt8])] = []
    }

    init(statuses: [Int]) throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        port = listener.port
        state = Mutex(State(statuses: statuses))
        let transfer = UncheckedListener(listener)
        Thread.detachNewThread { [self] in
            let listener = transfer.listener
            while !stopping.load(ordering: .acquiring) {
                guard let descriptor = listener.accept(timeoutMilliseconds: 100) else { continue }
                serve(PlainConnection(descriptor: descriptor))
            }
        }
    }

    private func serve(_ connection: PlainConnection) {
        TCPSocket.setTimeouts(connection.descriptor, milliseconds: 5_000)
        var received: [UInt8] = []
        for _ in 0..<1_000 {
            guard let chunk = try? connection.readBytes(maximumCount: 16_384), !chunk.isEmpty else { return }
            received += chunk
            guard case .complete(let request) = try? HTTPRequestParser.parse(received, maxHeadBytes: 16_384, maxBodyBytes: 1 << 20) else { continue }
            let status = state.withLock { state in
                let status = state.statuses.count > 1 ? state.statuses.removeFirst() : state.statuses[0]
                state.received.append((status, request.body))
                return status
            }
            let headers = HTTPHeaders(status == 503 ? [("Retry-After", "1")] : [])
            try? connection.writeAll(HTTPResponse(status: status, headers: headers).serialized())
            return
        }
    }

    /// The requests so far: the status each was answered with and its body.
    var received: [(status: Int, body: [UInt8])] { state.withLock { $0.received } }

    func stop() { stopping.store(true, ordering: .releasing) }
}

/// Moves the listener to the receiver's thread. `@unchecked Sendable`: only that thread uses it
/// after the hand-over.
private final class UncheckedListener: @unchecked Sendable {
    let listener: TCPListener
    init(_ listener: TCPListener) { self.listener = listener }
}
