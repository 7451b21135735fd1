extension BrokerConfiguration {
    /// Paths of the configuration files the broker reads. `Sendable`: strings.
    public struct Paths: Sendable, Hashable {
        /// The agencies and their CURVE public keys. Default `Config/agencies.yaml`.
        public var agencies: String
        /// The routes and subscriptions. Default `Config/routes.yaml`.
        public var routes: String
        /// The schema catalogue. Default `Config/schemas`.
        public var schemas: String
        /// The PKI folder (`root-ca.cert.pem`, `intermediate-ca.cert.pem`, `agencies/`, `crl/`).
        /// Default: none, i.e. `<dataDirectory>/pki`.
        public var pki: String?
        /// The broker's CURVE secret key file (Z85). Default: none, i.e. `<dataDirectory>/curve/broker.key`.
        public var brokerSecretKey: String?
        /// The operators of the admin endpoint, their roles and keys. Default `Config/operators.yaml`.
        public var operators: String = "Config/operators.yaml"

        /// Creates paths; every argument defaults to the documented default.
        public init(
            agencies: String = "Config/agencies.yaml", routes: String = "Config/routes.yaml",
            schemas: String = "Config/schemas", pki: String? = nil, brokerSecretKey: String? = nil
        ) {
            self.agencies = agencies
            self.routes = routes
            self.schemas = schemas
            self.pki = pki
            self.brokerSecretKey = brokerSecretKey
        }
    }

    /// Store settings (see `docs/store.md` for their meaning). `Sendable`: numbers.
    public struct StoreSettings: Sendable, Hashable {
        /// The storage engine (`store.backend`).
        public enum Backend: String, Sendable, Hashable, CaseIterable {
            /// One SQLite file in the data directory, for a single broker (default).
            case sqlite
            /// A PostgreSQL database at ``StoreSettings/postgresURL``, shared by several brokers.
            case postgres
        }

        /// The storage engine. Default ``Backend/sqlite``.
        public var backend = Backend.sqlite
        /// With the `postgres` backend, the database:
        /// `postgres://user[:password]@host[:port]/database[?sslmode=disable]` (required then).
        public var postgresURL: String?
        /// With the `postgres` backend, connections of the read pool (the writer has its own).
        /// Default 4.
        public var postgresPoolSize = 4
        /// The SQLite file name inside the data directory. Default `gerbang.sqlite`.
        public var fileName: String
        /// Most operations per group-commit transaction. Default 512.
        public var maxBatchSize: Int
        /// Longest wait for a batch to fill, milliseconds. Default 1.
        public var maxBatchWaitMilliseconds: Int
        /// De-duplication window on (`source`, `id`), seconds. Default 86,400 (24 h).
        public var deduplicationWindowSeconds: Int
        /// Retention of fully acknowledged events, seconds. Default 604,800 (7 days).
        public var retentionSeconds: Int
        /// Whether claims, ACKs and lease changes are fsynced like appends. Default `false`
        /// (they only need to survive a process crash; see `docs/store.md`).
        public var fsyncDeliveryTransitions = false
        /// How long a write waits for a lock held by another process on the database file
        /// (SQLite's busy timeout, set through GRDB's `busyMode`) before it fails with
        /// `store.locked` and the publishes it carried are answered REJECTED `store.unavailable`,
        /// milliseconds. Default 5,000.
        public var busyTimeoutMilliseconds = 5_000

        /// Creates settings; every argument defaults to the documented default.
        public init(
            fileName: String = "gerbang.sqlite", maxBatchSize: Int = 512, maxBatchWaitMilliseconds: Int = 1,
            deduplicationWindowSeconds: Int = 86_400, retentionSeconds: Int = 604_800
        ) {
            self.fileName = fileName
            self.maxBatchSize = maxBatchSize
            self.maxBatchWaitMilliseconds = maxBatchWaitMilliseconds
            self.deduplicationWindowSeconds = deduplicationWindowSeconds
            self.retentionSeconds = retentionSeconds
        }
    }

    /// Message and session limits (GMP section 8). `Sendable`: integers.
    public struct Limits: Sendable, Hashable {
        /// Largest frame GMP accepts, bytes; a larger one is answered ERROR
        /// `protocol.frame-too-large`. Default 1,048,576.
        public var maxFrameBytes: Int
        /// Largest frame libzmq receives at all (`ZMQ_MAXMSGSIZE`), bytes; a larger frame makes
        /// libzmq drop the connection without an answer. 0 = twice `maxFrameBytes`. Default 0.
        public var maxTransportFrameBytes: Int
        /// Largest event, bytes (REJECTED `event.too-large`). Default 262,144.
        public var maxEventBytes: Int
        /// Most events in one PUBLISH. Default 256.
        public var maxEventsPerPublish: Int
        /// Most subscriptions in one HELLO. Default 64.
        public var maxSubscriptions: Int
        /// Largest credit honoured (larger CREDIT is clamped). Default 1,000.
        public var maxCredit: Int
        /// Most events being processed (verified, validated, written) at once; beyond it
        /// REJECTED `flow.overloaded`. Default 10,000.
        public var maxPendingPublishes: Int
        /// How far an event's `time` may lie in the future, seconds (REJECTED `event.clock-skew`).
        /// Default 300.
        public var maxClockSkewSeconds: Int
        /// How far an event's `time` may lie in the past, seconds; 0 = no limit (adapters
        /// republish after outages). Default 0.
        public var maxEventAgeSeconds: Int
        /// Least time between two ERRORs to one connection, milliseconds; ERRORs in between are
        /// dropped (GMP 9.2). Default 1,000.
        public var errorIntervalMilliseconds: Int
        /// Events per second one agency may publish on average (all its sessions together);
        /// beyond it REJECTED `flow.rate-limited`. 0 = no limit. Default 0.
        public var agencyPublishRate: Int
        /// The burst above the average rate one agency may publish at once. Default 1,000.
        public var agencyPublishBurst: Int
        /// Messages the broker holds for one connection whose peer does not read (its ZeroMQ
        /// queue is full); beyond it the session ends. Default 10,000.
        public var maxOutboundPerConnection: Int
        /// Per-agency publish rates that replace ``agencyPublishRate`` and ``agencyPublishBurst``
        /// for the agencies named (`limits.agency-rates`). Default: none.
        public var agencyRates: [String: AgencyPublishRate] = [:]
        /// How long an adapter connection may carry no session (before its first HELLO, or after
        /// its session ended) before the broker closes it, milliseconds (`session.hello-timeout`);
        /// 0 = never. Default 30,000.
        public var helloTimeoutMilliseconds = 30_000

        /// The publish rate limit of `agency`: its entry in ``agencyRates``, else the default.
        public func publishRate(of agency: String) -> AgencyPublishRate {
            agencyRates[agency] ?? AgencyPublishRate(rate: agencyPublishRate, burst: agencyPublishBurst)
        }

        /// Creates limits; every argument defaults to the documented default.
        public init(
            maxFrameBytes: Int = 1_048_576, maxEventBytes: Int = 262_144, maxEventsPerPublish: Int = 256,
            maxSubscriptions: Int = 64, maxCredit: Int = 1_000, maxPendingPublishes: Int = 10_000,
            maxClockSkewSeconds: Int = 300, maxEventAgeSeconds: Int = 0, errorIntervalMilliseconds: Int = 1_000,
            agencyPublishRate: Int = 0, agencyPublishBurst: Int = 1_000,
            maxOutboundPerConnection: Int = 10_000, maxTransportFrameBytes: Int = 0
        ) {
            self.maxTransportFrameBytes = maxTransportFrameBytes
            self.maxOutboundPerConnection = maxOutboundPerConnection
            self.agencyPublishRate = agencyPublishRate
            self.agencyPublishBurst = agencyPublishBurst
            self.errorIntervalMilliseconds = errorIntervalMilliseconds
            self.maxClockSkewSeconds = maxClockSkewSeconds
            self.maxEventAgeSeconds = maxEventAgeSeconds
            self.maxFrameBytes = maxFrameBytes
            self.maxEventBytes = maxEventBytes
            self.maxEventsPerPublish = maxEventsPerPublish
            self.maxSubscriptions = maxSubscriptions
            self.maxCredit = maxCredit
            self.maxPendingPublishes = maxPendingPublishes
        }

        /// The `ZMQ_MAXMSGSIZE` in force: `maxTransportFrameBytes`, or twice `maxFrameBytes`
        /// when it is 0; never below `maxFrameBytes`.
        public var effectiveTransportFrameBytes: Int {
            max(maxFrameBytes, maxTransportFrameBytes == 0 ? 2 * maxFrameBytes : maxTransportFrameBytes)
        }
    }

    /// GMP heartbeats. `Sendable`: integers.
    public struct Heartbeat: Sendable, Hashable {
        /// Interval, milliseconds. Default 5,000.
        public var intervalMilliseconds: Int
        /// Intervals without traffic before the peer is gone. Default 3.
        public var liveness: Int

        /// Creates heartbeat settings.
        public init(intervalMilliseconds: Int = 5_000, liveness: Int = 3) {
            self.intervalMilliseconds = intervalMilliseconds
            self.liveness = liveness
        }
    }

    /// Delivery timers. `Sendable`: integers.
    public struct Delivery: Sendable, Hashable {
        /// How often the broker expires leases, promotes due retries and looks for new ready
        /// deliveries for idle consumers, milliseconds. Default 200.
        public var tickMilliseconds: Int
        /// The smallest difference between the wall clock's and the monotonic clock's progress
        /// between two ticks that counts as a wall-clock jump (the broker then moves every lease
        /// deadline and retry time by the jump, see `docs/broker.md`), milliseconds; 0 = never.
        /// Default 2,000.
        public var clockJumpThresholdMilliseconds: Int

        /// Creates delivery settings.
        public init(tickMilliseconds: Int = 200, clockJumpThresholdMilliseconds: Int = 2_000) {
            self.tickMilliseconds = tickMilliseconds
            self.clockJumpThresholdMilliseconds = clockJumpThresholdMilliseconds
        }
    }
}
