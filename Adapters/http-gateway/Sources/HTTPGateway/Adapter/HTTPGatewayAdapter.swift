import Envelope
import Foundation
import GerbangKit
import Logging
import Trust

/// The HTTP gateway for agencies that only speak HTTPS (Adapters/http-gateway/README.md).
///
/// - **In**: an HTTPS server (``GatewayServer``) takes CloudEvents by `POST /events` in
///   structured or binary mode from clients authenticated by mutual TLS with their agency
///   certificate, and publishes them (``EventIntake``), answering with the broker's verdict.
/// - **Out**: each event delivered for the agency's subscriptions is POSTed to its webhook
///   (``WebhookClient``); the webhook's answer decides ack, retry or reject.
///
/// One gateway serves one agency (its configuration's `gerbang.agency`): it holds that agency's
/// CURVE key and signing key, and signs what its authenticated clients post. The descriptor names
/// the default deployment (BPJS Kesehatan's membership system, adapter `kepesertaan`); the
/// configuration decides the agency, the adapter name and so the subscriptions.
///
/// `Sendable`: immutable values and `Sendable` references.
public struct HTTPGatewayAdapter: Adapter {
    public typealias Settings = HTTPGatewaySettings

    public static let descriptor = AdapterDescriptor(
        agency: "bpjs-kesehatan", name: "kepesertaan", version: "1.0.0",
        consumes: ["population.death.registered"], produces: ["health.insurance.membership.changed"]
    )

    let settings: HTTPGatewaySettings
    let tls: TLSContext
    let clientVerifier: ChainVerifier
    let webhook: WebhookClient

    public init(settings: Settings, context: AdapterContext) async throws {
        self.settings = settings
        let base = URL(fileURLWithPath: context.baseDirectory)
        func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL }
        let anchors = try Certificate.load(contentsOf: url(settings.trustAnchors))
        let intermediates = try settings.intermediates.map { try Certificate.load(contentsOf: url($0)) } ?? []
        let agencies = try AgencyDirectory(contentsOf: url(settings.agencies))
        let verifier = try ChainVerifier(
            configuration: TrustConfiguration(trustAnchors: anchors, intermediates: intermediates,
                                              crlDirectory: settings.crlDirectory.map(url), agencies: agencies),
            logger: context.logger)
        let serverChain = try Certificate.load(contentsOf: url(settings.serverCertificate))
            + (settings.serverChain.map { try Certificate.load(contentsOf: url($0)) } ?? [])
        let serverKey = try PrivateKey(pem: Array(Data(contentsOf: url(settings.serverKey))))
        clientVerifier = verifier
        tls = try TLSContext.server(certificateChain: serverChain, privateKey: serverKey, clientVerifier: verifier, logger: context.logger)
        guard let endpoint = WebhookEndpoint(url: settings.webhook) else { throw MappingError("gateway.configuration", "invalid webhook URL") }
        let webhookTLS = endpoint.isTLS
            ? try TLSContext.client(trustAnchors: Certificate.load(contentsOf: url(settings.webhookTrustAnchors ?? settings.trustAnchors)))
            : nil
        webhook = WebhookClient(endpoint: endpoint, tls: webhookTLS, timeoutMilliseconds: settings.webhookTimeoutMs)
    }

    /// Serves HTTPS until the task is cancelled (graceful shutdown), then stops accepting.
    public func run(context: AdapterContext) async throws {
        let intake = EventIntake(client: context.client, logger: context.logger)
        let metrics = context.metrics
        let server = try GatewayServer(host: settings.listenHost, port: settings.listenPort, tls: tls, limits: settings.limits,
                                       logger: context.logger) { request, peer in
            let response = intake.respond(to: request, peer: peer)
            metrics.increment(response.status < 300 ? .published : .publishFailed)
            return response
        }
        defer { server.shutdown() }
        context.logger.info("HTTPS gateway listening", metadata: [
            "address": "\(settings.listenHost):\(server.port)", "agency": "\(context.client.configuration.agency)", "webhook": "\(webhook.endpoint)",
        ])
        // The ready line scripts and tests wait for (stdout, key=value fields).
        FileHandle.standardOutput.write(Data("http-gateway ready address=\(settings.listenHost):\(server.port) agency=\(context.client.configuration.agency)\n".utf8))
        // Until cancelled (graceful shutdown): re-read the CRLs now and then, so that a revoked
        // client certificate is refused without a restart (a failed read keeps the CRLs in force).
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: .seconds(settings.crlReloadSeconds))
            } catch {
                break
            }
            try? clientVerifier.reloadCRLs()
        }
    }

    /// POSTs the delivered event to the agency's webhook.
    public func handle(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome {
        let outcome = await webhook.deliver(delivery.eventBytes, eventID: delivery.event.id)
        switch outcome {
        case .ack:
            context.logger.info("delivered to the webhook", metadata: ["type": "\(delivery.type)", "sequence": "\(delivery.sequence)"])
        case .retry(_, let reason, let message), .reject(let reason, let message):
            context.logger.info("webhook delivery failed", metadata: [
                "type": "\(delivery.type)", "sequence": "\(delivery.sequence)", "attempt": "\(delivery.attempt)", "reason": "\(reason)",
                "detail": "\(message)",
            ])
        }
        return outcome
    }
}
