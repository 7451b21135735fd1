import Catalogue
import Envelope
import Foundation
import GMP
import Logging
import Routing
import Store
import Trust

/// The publish pipeline of one event (`docs/protocol.md`, section 5): size → envelope →
/// signature and agency binding → publish permission → schema → durable append (which also
/// decides duplicates) → ACCEPTED. Each refusal is a REJECTED with its GMP reason code and the
/// deciding layer's specific code.
///
/// `Sendable`: every stored property is an immutable `Sendable` value or a `Sendable` service
/// (the verifier, the registry and the store are safe to call from many tasks at once). The
/// broker calls ``process(tag:event:agency:)`` from tasks off its socket thread.
public final class PublishPipeline: Sendable {
    let verifier: SignatureVerifier
    let registry: SchemaRegistry
    let routes: RoutesInForce
    let store: any EventStore
    let maxEventBytes: Int
    let clockSkew: ClockSkewPolicy
    let logger: Logger

    /// Creates a pipeline.
    public init(verifier: SignatureVerifier, registry: SchemaRegistry, routes: RoutesInForce, store: any EventStore,
                maxEventBytes: Int, clockSkew: ClockSkewPolicy, logger: Logger) {
        self.clockSkew = clockSkew
        self.verifier = verifier
        self.registry = registry
        self.routes = routes
        self.store = store
        self.maxEventBytes = maxEventBytes
        self.logger = logger
    }

    /// Runs the pipeline for one event published by `agency` (the CURVE User-Id) and returns its
    /// answer: ACCEPTED (after the write is durable) or REJECTED.
    public func process(tag: UInt64, event bytes: [UInt8], agency: String) async -> GMPMessage {
        await processObserved(tag: tag, event: bytes, agency: agency, observe: false).answer
    }

    /// The outcome of the checks before the store.
    enum CheckOutcome {
        /// Passed: append this.
        case store(NewEvent)
        /// Refused.
        case reject(GMPMessage.Rejected)
    }

    /// The CPU-bound checks; the event to append, or the rejection.
    func check(tag: UInt64, event bytes: [UInt8], agency: String) -> CheckOutcome {
        guard bytes.count <= maxEventBytes else {
            return .reject(GMPMessage.Rejected(tag: tag, reason: .eventTooLarge,
                                  message: "the event has \(bytes.count) bytes; the limit is \(maxEventBytes)"))
        }
        let event: CloudEvent
        do {
            event = try CloudEvent(parsing: bytes, limits: EnvelopeLimits(maxEventBytes: maxEventBytes))
        } catch {
            return .reject(Self.rejection(tag: tag, envelope: error))
        }
        if let rejected = clockSkew.check(event, tag: tag, now: Date()) {
            return .reject(rejected)
        }
        let verdict = verifier.verify(event)
        if let error = verdict.error {
            return .reject(Self.rejection(tag: tag, trust: error))
        }
        guard verdict.agency?.id == agency else {
            return .reject(GMPMessage.Rejected(tag: tag, reason: .signatureAgencyMismatch, specificCode: "",
                                  message: "the event is signed for `\(verdict.agency?.id ?? "?")` but the connection is `\(agency)`",
                                  location: "/source"))
        }
        let routes = routes.current
        guard routes.mayPublish(agency: agency, type: event.type) else {
            return .reject(GMPMessage.Rejected(tag: tag, reason: .routeNotPermitted, specificCode: "",
                                  message: "`\(agency)` may not publish `\(event.type)`", location: "/type"))
        }
        let validation = registry.validate(event)
        if let first = validation.errors.first {
            return .reject(Self.rejection(tag: tag, schema: first, more: validation.errors.count - 1))
        }
        if validation.entry == nil {
            return .reject(GMPMessage.Rejected(tag: tag, reason: .schemaUnknownType, specificCode: "schema.unknown-type",
                                  message: "no schema for `\(event.type)`", location: "/type"))
        }
        let subscriptions = routes.subscriptions(matching: event.routingAttributes(agency: agency)).map { SubscriptionID($0.id) }
        return .store(NewEvent(
            source: event.source, id: event.id, type: event.type, subject: event.subject,
            partitionKey: event.partitionkey, time: event.time, body: bytes, acceptedAt: Date(),
            subscriptions: subscriptions))
    }
}
