import Foundation
import GerbangKit
import Logging
import Trust

/// Delivers events to an agency's webhook: each one POSTed in structured mode
/// (`Content-Type: application/cloudevents+json`, the signed event as the broker stored it, so
/// the receiver can verify the agency's signature), one connection per event, bounded by a timeout.
///
/// | the webhook answers | the delivery |
/// |---|---|
/// | 2xx | ack |
/// | 408, 429, 5xx (honouring `Retry-After` seconds) | retry |
/// | no connection, timeout, an unreadable answer | retry with the route's backoff |
/// | any other status | reject (`webhook.http-<status>`, dead letters) |
///
/// `Sendable`: immutable values and a `Sendable` TLS context.
public struct WebhookClient: Sendable {
    /// The webhook.
    public let endpoint: WebhookEndpoint
    /// Verifies an `https` webhook's server certificate (nil for `http`).
    public let tls: TLSContext?
    /// The longest a delivery may take (connect, send, answer), in milliseconds.
    public let timeoutMilliseconds: Int

    /// A client for `endpoint`; `tls` is required for an `https` endpoint.
    public init(endpoint: WebhookEndpoint, tls: TLSContext?, timeoutMilliseconds: Int = 10_000) {
        self.endpoint = endpoint
        self.tls = tls
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// POSTs `event` (signed CloudEvents JSON) and says what to answer the broker. Runs the
    /// blocking exchange on a thread of its own, not on the concurrency pool.
    public func deliver(_ event: [UInt8], eventID: String) async -> DeliveryOutcome {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.outcome(of: self.post(event, eventID: eventID)))
            }
        }
    }

    /// The broker answer for a webhook exchange's result.
    public static func outcome(of result: Result<HTTPResponse, WebhookError>) -> DeliveryOutcome {
        switch result {
        case .success(let response):
            switch response.status {
            case 200..<300:
                return .ack
            case 408, 429, 500..<600:
                let delay = response.headers["retry-after"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                    .map { Duration.seconds(min(max($0, 0), 3_600)) }
                return .retry(after: delay, reason: "webhook.http-\(response.status)", message: "the webhook answered \(response.status)")
            default:
                return .reject(reason: "webhook.http-\(response.status)", message: "the webhook refused the event with \(response.status)")
            }
        case .failure(let error):
            return .retry(after: nil, reason: error.reason.rawValue, message: error.message)
        }
    }

    /// The blocking exchange: connect, POST, read the answer.
    func post(_ event: [UInt8], eventID: String) -> Result<HTTPResponse, WebhookError> {
        let stream: any ByteStream
        do {
            let descriptor = try TCPSocket.connect(host: endpoint.host, port: endpoint.port, timeoutMilliseconds: timeoutMilliseconds)
            if endpoint.isTLS {
                guard let tls else { return .failure(WebhookError(.tls, "no TLS configuration for an https webhook")) }
                stream = try TLSConnection.connect(descriptor: descriptor, serverName: endpoint.host, context: tls)
            } else {
                stream = PlainConnection(descriptor: descriptor)
            }
        } catch let error as SocketError {
            return .failure(WebhookError(.unreachable, error.description))
        } catch let error as TLSError {
            return .failure(WebhookError(error.reason == .timeout ? .timeout : .tls, error.description))
        } catch {
            return .failure(WebhookError(.unreachable, "\(error)"))
        }
        var head = "POST \(endpoint.target) HTTP/1.1\r\nHost: \(endpoint.host):\(endpoint.port)\r\n"
        head += "Content-Type: application/cloudevents+json; charset=utf-8\r\nContent-Length: \(event.count)\r\n"
        head += "User-Agent: gerbang-http-gateway\r\nConnection: close\r\nce-id: \(Self.headerSafe(eventID))\r\n\r\n"
        let deadline = ContinuousClock.now + .milliseconds(timeoutMilliseconds)
        do {
            try stream.writeAll(Array(head.utf8) + event)
            var received: [UInt8] = []
            while true {
                guard ContinuousClock.now < deadline else { return .failure(WebhookError(.timeout, "no answer within \(timeoutMilliseconds) ms")) }
                let chunk = try stream.readBytes(maximumCount: 16_384)
                do {
                    if let response = try HTTPResponseParser.parse(received + chunk, atEnd: chunk.isEmpty) { return .success(response) }
                } catch {
                    return .failure(WebhookError(.badResponse, error.description))
                }
                received += chunk
            }
        } catch {
            return .failure(WebhookError(error.timedOut ? .timeout : .unreachable, error.message))
        }
    }

    /// `text` without characters that could break a header line.
    static func headerSafe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
    }
}
