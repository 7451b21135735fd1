import Dispatch
import Envelope
import GerbangKit
import Logging
import Synchronization
import Trust

/// Answers `POST /events`: reads the CloudEvent (structured or binary mode), checks that the
/// client's certificate agency is the agency this gateway publishes for and that the event's
/// `source` names it, signs the event with the agency's key (the gateway's ``GerbangClient``
/// signer; a `gerbangjws` sent by the client is replaced), publishes it and answers with the
/// broker's verdict (``PublishAnswer``).
///
/// `Sendable`: immutable values and `Sendable` references.
public struct EventIntake: Sendable {
    /// The path events are posted to.
    public static let path = "/events"

    let client: GerbangClient
    let limits: EnvelopeLimits
    let logger: Logger

    /// An intake publishing through `client` (whose agency and signer it uses).
    public init(client: GerbangClient, limits: EnvelopeLimits = .default, logger: Logger) {
        self.client = client
        self.limits = limits
        self.logger = logger
    }

    /// The answer to `request` from a client whose certificate chain is `peer`. Blocks the
    /// calling thread until the broker answered (at most the client's publish timeout).
    public func respond(to request: HTTPRequest, peer: VerifiedChain) -> HTTPResponse {
        let agency = peer.agency.id
        let event: CloudEvent
        let mode: CloudEventHTTPMode
        do {
            (event, mode) = try checkedEvent(request, agency: agency)
        } catch {
            logger.info("event refused", metadata: ["agency": "\(agency)", "status": "\(error.status)", "reason": "\(error.reason)"])
            return error.response
        }
        let signed: [UInt8]
        do {
            signed = try client.sign(event)
        } catch {
            return PublishAnswer.rejection(error).response
        }
        let client = self.client
        let result = Self.waitFor { () async -> Result<Receipt, GerbangClientError> in
            do throws(GerbangClientError) {
                return .success(try await client.publish(signed: signed))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let receipt):
            logger.info("event published", metadata: [
                "agency": "\(agency)", "type": "\(event.type)", "mode": "\(mode.rawValue)", "sequence": "\(receipt.sequence)",
                "duplicate": "\(receipt.duplicate)",
            ])
            return PublishAnswer.accepted(receipt, eventID: event.id)
        case .failure(let error):
            let rejection = PublishAnswer.rejection(error)
            logger.info("event rejected", metadata: ["agency": "\(agency)", "type": "\(event.type)", "status": "\(rejection.status)",
                                                     "reason": "\(rejection.reason)", "specific": "\(rejection.specificCode)"])
            return rejection.response
        }
    }

    /// The request's event, unsigned, after the path, method, agency and source checks.
    func checkedEvent(_ request: HTTPRequest, agency: String) throws(GatewayRejection) -> (CloudEvent, CloudEventHTTPMode) {
        guard request.path == Self.path else { throw GatewayRejection(.notFound, "events are posted to \(Self.path)") }
        guard request.method == "POST" else { throw GatewayRejection(.methodNotAllowed, "use POST") }
        guard agency == client.configuration.agency else {
            throw GatewayRejection(.agencyNotServed,
                                   "this gateway publishes for \(client.configuration.agency); the client certificate is \(agency)'s")
        }
        var (event, mode) = try CloudEventHTTPDecoder.event(from: request, limits: limits)
        guard AgencyIdentity.agencyID(source: event.source) == agency else {
            throw GatewayRejection(.sourceMismatch, "the event's source must name agency \(agency) (\(AgencyIdentity.urn(agency)) or /agencies/\(agency))",
                                   location: "source")
        }
        if event.signature != nil {
            do {
                try event.setAttribute(CloudEvent.signatureAttribute, to: nil)
            } catch {
                throw CloudEventHTTPDecoder.rejection(error)
            }
        }
        return (event, mode)
    }

    /// Runs `operation` on the concurrency pool and blocks this (non-pool) thread until it ends.
    static func waitFor<Value: Sendable>(_ operation: @escaping @Sendable () async -> Value) -> Value {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<Value>()
        Task {
            let value = await operation()
            box.value.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return box.value.withLock { $0! }
    }
}

/// The value an async operation hands to a waiting thread. `Sendable`: a `Mutex`.
private final class ResultBox<Value: Sendable>: Sendable {
    let value = Mutex<Value?>(nil)
}
