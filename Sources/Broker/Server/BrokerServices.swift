import Catalogue
import Foundation
import Logging
import Routing
import Store
import Trust
import ZeroMQ

/// Everything the broker loop uses besides its sockets, loaded once at start. `Sendable`:
/// immutable values and `Sendable` services.
struct BrokerServices: Sendable {
    let configuration: BrokerConfiguration
    let routes: RoutesInForce
    let curveKeys: AgencyCurveKeys
    let brokerKeyPair: CurveKeyPair
    let store: any EventStore
    let verifier: SignatureVerifier
    let pipeline: PublishPipeline
    let metrics: BrokerMetrics
    /// Observations for the admin endpoint's tails (`admin.tail-buffer`).
    let tail: TailFeed
    /// Signs audit checkpoints (nil when `audit.enabled` is false).
    let auditCheckpointer: AuditCheckpointer?

    /// Loads keys, routes, trust, catalogue and opens the store (creating development files
    /// first in development mode).
    static func load(_ configuration: BrokerConfiguration, logger: Logger) async throws(BrokerError) -> BrokerServices {
        func configurationStep<T>(_ body: () throws(BrokerConfigurationError) -> T) throws(BrokerError) -> T {
            do {
                return try body()
            } catch {
                throw BrokerError(.configuration, error.description)
            }
        }
        if configuration.developmentMode {
            try configurationStep { () throws(BrokerConfigurationError) in
                try DevelopmentBootstrap.run(configuration, logger: logger)
            }
        }
        let brokerKeyPair = try configurationStep { () throws(BrokerConfigurationError) in
            try CurveKeyFile.readKeyPair(secretKeyPath: configuration.brokerSecretKeyPath)
        }
        let curveKeys = try configurationStep { () throws(BrokerConfigurationError) in
            try AgencyCurveKeys.load(agenciesPath: configuration.paths.agencies,
                                     generatedDirectory: configuration.developmentMode ? configuration.agencyCurveKeyDirectory : nil)
        }
        let verifier = try loadVerifier(configuration, logger: logger)
        let registry: SchemaRegistry
        do {
            registry = try SchemaRegistry(directory: configuration.paths.schemas)
        } catch {
            throw BrokerError(.catalogue, "\(configuration.paths.schemas): \(error)")
        }
        let knownAgencies = Set(verifier.chains.configuration.agencies.agencies.keys)
        if let unknown = configuration.limits.agencyRates.keys.sorted().first(where: { !knownAgencies.contains($0) }) {
            throw BrokerError(.configuration, "limits.agency-rates: `\(unknown)` is not an agency of \(configuration.paths.agencies)")
        }
        let routes: RoutesInForce
        do {
            let options = RoutesOptions(knownAgencies: knownAgencies,
                                        knownTypes: Set(registry.types))
            routes = try RoutesInForce(loader: RouteTableLoader(path: configuration.paths.routes, options: options))
        } catch {
            throw BrokerError(.configuration, error.description)
        }
        let store = try await openStore(configuration, logger: logger)
        let auditCheckpointer = try await startAuditCheckpointer(configuration, store: store, logger: logger)
        let pipeline = PublishPipeline(verifier: verifier, registry: registry, routes: routes, store: store,
                                       maxEventBytes: configuration.limits.maxEventBytes,
                                       clockSkew: ClockSkewPolicy(maxFutureSeconds: configuration.limits.maxClockSkewSeconds,
                                                                  maxAgeSeconds: configuration.limits.maxEventAgeSeconds),
                                       logger: logger)
        return BrokerServices(configuration: configuration, routes: routes, curveKeys: curveKeys,
                              brokerKeyPair: brokerKeyPair, store: store, verifier: verifier, pipeline: pipeline,
                              metrics: BrokerMetrics(), tail: TailFeed(capacity: configuration.admin.tailBuffer),
                              auditCheckpointer: auditCheckpointer)
    }

    /// The signature verifier over the PKI folder: root as trust anchor, the issuing CA as
    /// intermediate, `agencies/*.cert.pem` as known signers, `crl/` for revocation.
    private static func loadVerifier(_ configuration: BrokerConfiguration, logger: Logger) throws(BrokerError) -> SignatureVerifier {
        let pki = DevelopmentPKI(directory: URL(fileURLWithPath: configuration.pkiDirectory))
        do {
            var known: [Certificate] = []
            let files = (try? FileManager.default.contentsOfDirectory(atPath: pki.agenciesDirectory.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".cert.pem") {
                known += try Certificate.load(contentsOf: pki.agenciesDirectory.appendingPathComponent(file))
            }
            let trust = TrustConfiguration(
                trustAnchors: try Certificate.load(contentsOf: pki.rootCertificateURL),
                intermediates: try Certificate.load(contentsOf: pki.intermediateCertificateURL),
                knownCertificates: known,
                crlDirectory: pki.crlDirectory,
                agencies: try AgencyDirectory(contentsOf: URL(fileURLWithPath: configuration.paths.agencies)))
            return try SignatureVerifier(configuration: trust, logger: logger)
        } catch {
            throw BrokerError(.trust, "\(pki.directory.path): \(error)")
        }
    }
}
