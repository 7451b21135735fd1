import Foundation
import Logging
import Trust

/// One client connection of the ``GatewayServer``: the TLS handshake (mutual), one request read
/// within the deadline, the handler's answer written, the connection closed.
///
/// Not `Sendable`: lives on the connection's thread.
struct GatewayConnection {
    let descriptor: Int32
    let tls: TLSContext
    let limits: GatewayServer.Limits
    let logger: Logger
    let handler: GatewayServer.Handler

    func serve() {
        let deadline = ContinuousClock.now + .milliseconds(limits.requestTimeoutMilliseconds)
        TCPSocket.setTimeouts(descriptor, milliseconds: limits.requestTimeoutMilliseconds)
        let connection: TLSConnection
        do {
            connection = try TLSConnection.accept(descriptor: descriptor, context: tls)
        } catch {
            logger.info("TLS handshake refused", metadata: ["reason": "\(error.reason.rawValue)", "error": "\(error.message)"])
            return
        }
        defer { connection.shutdown() }
        guard let peer = connection.peer else { return }
        let response: HTTPResponse
        switch readRequest(connection, deadline: deadline) {
        case .success(let request):
            response = handler(request, peer)
        case .failure(let rejection):
            logger.info("request refused", metadata: ["agency": "\(peer.agency.id)", "reason": "\(rejection.reason)"])
            response = rejection.response
        case nil:
            return
        }
        try? connection.writeAll(response.serialized())
    }

    /// The request, a rejection to answer, or nil when the connection is gone.
    private func readRequest(_ connection: TLSConnection, deadline: ContinuousClock.Instant) -> Result<HTTPRequest, GatewayRejection>? {
        var received: [UInt8] = []
        var sentContinue = false
        while true {
            do throws(HTTPParseError) {
                switch try HTTPRequestParser.parse(received, maxHeadBytes: limits.maxHeadBytes, maxBodyBytes: limits.maxBodyBytes) {
                case .complete(let request):
                    return .success(request)
                case .incomplete(let headComplete, let expectsContinue):
                    if headComplete, expectsContinue, !sentContinue {
                        sentContinue = true
                        guard (try? connection.writeAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))) != nil else { return nil }
                    }
                }
            } catch {
                let status = switch error.reason {
                case .headTooLarge: 431
                case .bodyTooLarge: 413
                case .unsupported: 501
                case .malformed, .truncated: 400
                }
                return .failure(GatewayRejection(status: status, reason: error.reason.rawValue, message: error.message))
            }
            guard ContinuousClock.now < deadline else {
                return .failure(GatewayRejection(.requestTimeout, "the request was not complete within \(limits.requestTimeoutMilliseconds) ms"))
            }
            do {
                let chunk = try connection.readBytes(maximumCount: 16_384)
                if chunk.isEmpty { return nil }
                received += chunk
            } catch {
                if error.timedOut {
                    return .failure(GatewayRejection(.requestTimeout, "the request was not complete within \(limits.requestTimeoutMilliseconds) ms"))
                }
                return nil
            }
        }
    }
}
