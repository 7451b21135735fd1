import Trust
import ZeroMQ

extension GerbangClient {
    /// Everything a ``GerbangClient`` needs: where the broker is, who the adapter is, its keys,
    /// and the limits of its behaviour. `Sendable`: a value type of `Sendable` parts.
    ///
    /// Build it in code with ``init(endpoint:brokerPublicKey:agency:adapterName:curveKeyPair:signer:)``
    /// and adjust the other properties, or read it from YAML with
    /// ``load(yaml:baseDirectory:origin:)`` / ``load(file:baseDirectory:)`` (see `docs/writing-an-adapter.md` for the
    /// file format). Every default below is documented and deliberate.
    public struct Configuration: Sendable {
        /// The broker's adapter endpoint (`adapter-endpoint` in `gerbang.yaml`).
        /// Default `tcp://127.0.0.1:5560`.
        public var endpoint: String
        /// Other nodes of the same cluster (several `gerbangd` on one PostgreSQL store,
        /// `docs/deployment.md`), all with the same broker key: each new connection after a
        /// session ended (broker silent, gone, refused) goes to the next endpoint of
        /// [``endpoint``] + these, round robin, and the unanswered events are published there
        /// again. Default none: always ``endpoint``.
        public var failoverEndpoints: [String] = []
        /// The broker's CURVE public key (`<data>/curve/broker.pub`).
        public var brokerPublicKey: CurvePublicKey
        /// The agency the adapter speaks for; must be the agency of ``curveKeyPair`` and of the
        /// signing certificate.
        public var agency: String
        /// The adapter's name within its agency, as in `Config/routes.yaml` (an identifier).
        public var adapterName: String
        /// The adapter's software version, sent in HELLO (a label). Default `0.1.0`.
        public var adapterVersion: String
        /// The agency's CURVE key pair (`<data>/curve/agencies/<agency>.key` in development).
        public var curveKeyPair: CurveKeyPair
        /// Signs events given to ``GerbangClient/publish(_:)-(CloudEvent)``: the agency's signing key,
        /// certificate and optional chain. `nil`: only pre-signed bytes can be published.
        public var signer: PayloadSigner?
        /// The subscriptions wanted in HELLO; empty (default) = every subscription the routes give
        /// this adapter.
        public var subscriptions: [String]
        /// How many deliveries the adapter processes at once: the CREDIT it sends (clamped by the
        /// broker's max credit). Default 16.
        public var concurrency: UInt32
        /// How long one connection attempt waits for WELCOME before it starts again.
        /// Default 10 s (`docs/protocol.md`, 4.1).
        public var connectTimeout: Duration
        /// The wait between connection attempts.
        /// Default 100 ms doubling to 10 s, with jitter.
        public var reconnectBackoff: ReconnectBackoff
        /// How long ``GerbangClient/publish(signed:)`` waits for ACCEPTED or REJECTED, across
        /// reconnects. Default 30 s.
        public var publishTimeout: Duration
        /// Most events sent and not yet answered; more wait in the client. Default 1,000
        /// (`docs/protocol.md`, section 5).
        public var maxUnansweredPublishes: Int
        /// Most events the client holds at once, waiting to be sent or answered; a publish beyond
        /// it fails at once with ``GerbangClientError/Reason/queueFull``. Default 100,000.
        public var maxQueuedPublishes: Int
        /// How long ``GerbangClient/close()`` waits for the answers of outstanding publishes before
        /// it says BYE. Default 5 s.
        public var closeTimeout: Duration
        /// ZeroMQ's own ZMTP heartbeat interval on the connection (detects dead TCP connections;
        /// GMP heartbeats, whose interval the broker fixes in WELCOME, detect dead sessions).
        /// Default `nil`: off.
        public var zmtpHeartbeatInterval: Duration?
        /// The SQLite file of the publisher outbox; `nil` (default) = no outbox. See
        /// ``PublisherOutbox``.
        public var outboxPath: String?
        /// The `source` of events built by ``GerbangClient/publish(_:id:subject:partitionKey:time:correlationID:causationID:)``.
        /// Default `urn:gerbang:agency:<agency>:<adapterName>`.
        public var eventSource: String

        /// A configuration with the required values; every other property has its default.
        public init(
            endpoint: String = "tcp://127.0.0.1:5560",
            brokerPublicKey: CurvePublicKey,
            agency: String,
            adapterName: String,
            curveKeyPair: CurveKeyPair,
            signer: PayloadSigner? = nil
        ) {
            self.endpoint = endpoint
            self.brokerPublicKey = brokerPublicKey
            self.agency = agency
            self.adapterName = adapterName
            self.adapterVersion = "0.1.0"
            self.curveKeyPair = curveKeyPair
            self.signer = signer
            self.subscriptions = []
            self.concurrency = 16
            self.connectTimeout = .seconds(10)
            self.reconnectBackoff = ReconnectBackoff()
            self.publishTimeout = .seconds(30)
            self.maxUnansweredPublishes = 1_000
            self.maxQueuedPublishes = 100_000
            self.closeTimeout = .seconds(5)
            self.zmtpHeartbeatInterval = nil
            self.outboxPath = nil
            self.eventSource = AgencyIdentity.urn(agency) + ":" + adapterName
        }
    }
}
