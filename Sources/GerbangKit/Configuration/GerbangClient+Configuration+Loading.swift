import Foundation
import Trust
import Yams
import ZeroMQ

extension GerbangClient.Configuration {
    /// Reads a configuration from a YAML file (format: ``load(yaml:baseDirectory:origin:)``); relative
    /// paths in it are resolved against `baseDirectory` (default: the current directory).
    public static func load(file path: String, baseDirectory: String? = nil) throws(GerbangClientError) -> Self {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GerbangClientError(.configuration, "\(path): cannot be read")
        }
        return try load(yaml: text, baseDirectory: baseDirectory, origin: path)
    }

    /// Reads a configuration from YAML text:
    ///
    /// ```yaml
    /// endpoint: tcp://127.0.0.1:5560      # default
    /// failover-endpoints: []              # other nodes of the cluster, tried in turn after a session ends
    /// agency: dukcapil                    # required
    /// adapter: csv-inbox                  # required
    /// adapter-version: 1.0.0              # default 0.1.0
    /// data-directory: data                # a gerbangd --dev data folder: key files default into it
    /// broker-public-key-file: data/curve/broker.pub      # or broker-public-key: <Z85>
    /// curve-secret-key-file: data/curve/agencies/dukcapil.key
    /// signing:
    ///   key-file: data/pki/agencies/dukcapil.key.pem
    ///   certificate-file: data/pki/agencies/dukcapil.cert.pem
    ///   chain-file: data/pki/agencies/dukcapil.chain.pem   # optional (x5c)
    /// subscriptions: []                   # default: all the routes give
    /// concurrency: 16
    /// connect-timeout-ms: 10000
    /// reconnect: {initial-ms: 100, max-ms: 10000}
    /// publish-timeout-ms: 30000
    /// max-unanswered-publishes: 1000
    /// max-queued-publishes: 100000
    /// close-timeout-ms: 5000
    /// zmtp-heartbeat-ms: 0                # 0 / absent: off
    /// outbox: data/outbox/dukcapil.sqlite # absent: no outbox
    /// event-source: urn:gerbang:agency:dukcapil:csv-inbox
    /// ```
    ///
    /// Unknown keys are refused. The environment variables `GERBANG_ENDPOINT` and
    /// `GERBANG_DATA_DIRECTORY` override `endpoint` and `data-directory` (used by `make run`).
    public static func load(yaml: String, baseDirectory: String? = nil, origin: String = "configuration") throws(GerbangClientError) -> Self {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                throw GerbangClientError(.configuration, "\(origin): expected a YAML mapping")
            }
            node = composed
        } catch let error as GerbangClientError {
            throw error
        } catch {
            throw GerbangClientError(.configuration, "\(origin): \(error)")
        }
        return try load(node: node, baseDirectory: baseDirectory, origin: origin)
    }

    /// Reads a configuration from a composed YAML mapping (e.g. the `gerbang:` section of an
    /// adapter's file); format as in ``load(yaml:baseDirectory:origin:)``.
    public static func load(node: Node, baseDirectory: String? = nil, origin: String = "configuration") throws(GerbangClientError) -> Self {
        let file: ClientConfigurationFile
        do {
            guard let mapping = node.mapping else {
                throw GerbangClientError(.configuration, "\(origin): expected a YAML mapping")
            }
            let unknown = mapping.keys.compactMap(\.string).filter { !ClientConfigurationFile.keys.contains($0) }
            if let first = unknown.sorted().first {
                throw GerbangClientError(.configuration, "\(origin): unknown key `\(first)`")
            }
            file = try YAMLDecoder().decode(ClientConfigurationFile.self, from: node)
        } catch let error as GerbangClientError {
            throw error
        } catch {
            throw GerbangClientError(.configuration, "\(origin): \(error)")
        }
        return try Self(file: file, baseDirectory: baseDirectory ?? FileManager.default.currentDirectoryPath,
                        environment: ProcessInfo.processInfo.environment, origin: origin)
    }

    /// Builds the configuration of a parsed file, reading the key files it names.
    init(file: ClientConfigurationFile, baseDirectory: String, environment: [String: String], origin: String) throws(GerbangClientError) {
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
        }
        let dataDirectory = (environment["GERBANG_DATA_DIRECTORY"] ?? file.dataDirectory).map(resolve)
        func path(_ explicit: String?, _ development: String, _ what: String) throws(GerbangClientError) -> String {
            if let explicit { return resolve(explicit) }
            if let dataDirectory { return (dataDirectory as NSString).appendingPathComponent(development) }
            throw GerbangClientError(.configuration, "\(origin): \(what) is missing (or set data-directory)")
        }
        let agency = file.agency
        let brokerKey: CurvePublicKey
        if let text = file.brokerPublicKey {
            brokerKey = try Self.publicKey(text, origin: "\(origin): broker-public-key")
        } else {
            let keyPath = try path(file.brokerPublicKeyFile, "curve/broker.pub", "broker-public-key-file")
            brokerKey = try Self.publicKey(try Self.read(keyPath), origin: keyPath)
        }
        let secretPath = try path(file.curveSecretKeyFile, "curve/agencies/\(agency).key", "curve-secret-key-file")
        let keyPair: CurveKeyPair
        do {
            keyPair = try CurveKeyPair(secretKey: CurveSecretKey(z85: try Self.read(secretPath)))
        } catch let error as GerbangClientError {
            throw error
        } catch {
            throw GerbangClientError(.configuration, "\(secretPath): not a Z85 CURVE secret key")
        }
        let signing = file.signing
        let keyFile = try path(signing?.keyFile, "pki/agencies/\(agency).key.pem", "signing.key-file")
        let certificateFile = try path(signing?.certificateFile, "pki/agencies/\(agency).cert.pem", "signing.certificate-file")
        var chainFile = signing?.chainFile.map(resolve)
        if chainFile == nil, signing?.keyFile == nil, let dataDirectory {
            chainFile = (dataDirectory as NSString).appendingPathComponent("pki/agencies/\(agency).chain.pem")
        }
        let signer = try PayloadSigner.load(keyFile: keyFile, certificateFile: certificateFile, chainFile: chainFile)

        self.init(endpoint: environment["GERBANG_ENDPOINT"] ?? file.endpoint ?? "tcp://127.0.0.1:5560",
                  brokerPublicKey: brokerKey, agency: agency, adapterName: file.adapter,
                  curveKeyPair: keyPair, signer: signer)
        if let endpoints = file.failoverEndpoints { failoverEndpoints = endpoints }
        if let version = file.adapterVersion { adapterVersion = version }
        if let subscriptions = file.subscriptions { self.subscriptions = subscriptions }
        if let concurrency = file.concurrency { self.concurrency = max(concurrency, 1) }
        if let value = file.connectTimeoutMs { connectTimeout = .milliseconds(max(value, 1)) }
        if let reconnect = file.reconnect {
            reconnectBackoff = ReconnectBackoff(
                initial: .milliseconds(max(reconnect.initialMs ?? 100, 1)),
                maximum: .milliseconds(max(reconnect.maxMs ?? 10_000, 1)))
        }
        if let value = file.publishTimeoutMs { publishTimeout = .milliseconds(max(value, 1)) }
        if let value = file.maxUnansweredPublishes { maxUnansweredPublishes = max(value, 1) }
        if let value = file.maxQueuedPublishes { maxQueuedPublishes = max(value, 1) }
        if let value = file.closeTimeoutMs { closeTimeout = .milliseconds(max(value, 0)) }
        if let value = file.zmtpHeartbeatMs, value > 0 { zmtpHeartbeatInterval = .milliseconds(value) }
        outboxPath = file.outbox.map(resolve)
        if let source = file.eventSource { eventSource = source }
    }

    private static func read(_ path: String) throws(GerbangClientError) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GerbangClientError(.configuration, "\(path): cannot be read")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func publicKey(_ text: String, origin: String) throws(GerbangClientError) -> CurvePublicKey {
        do {
            return try CurvePublicKey(z85: text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw GerbangClientError(.configuration, "\(origin): not a Z85 CURVE public key")
        }
    }
}
