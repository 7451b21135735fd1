extension BankSimulator {
    /// How the simulated bank behaves. Every setting has a documented default.
    ///
    /// `Sendable`: a value type.
    public struct Configuration: Sendable, Hashable {
        /// Minimum time a transfer takes. Default 20 ms.
        public var latencyMilliseconds: Int
        /// Extra time, uniformly random between 0 and this. Default 30 ms.
        public var latencyJitterMilliseconds: Int
        /// The share of transfer calls answered `503 unavailable` (a transient outage), 0-1.
        /// Default 0.2.
        public var failureRate: Double
        /// The `Retry-After` of a 503, in seconds. Default 1.
        public var retryAfterSeconds: Int
        /// Accounts that exist but are dormant (refused with `account-dormant`). Default none.
        public var dormantAccounts: Set<String>
        /// Accounts that are closed (refused with `account-closed`). Default none.
        public var closedAccounts: Set<String>
        /// Prefix of the bank's transaction ids. Default `BRI-BSK`.
        public var transactionPrefix: String
        /// Seed of the random outages and latencies; nil (default) = a random seed.
        public var seed: UInt64?

        /// Creates a configuration; every parameter defaults to the documented default.
        public init(
            latencyMilliseconds: Int = 20, latencyJitterMilliseconds: Int = 30, failureRate: Double = 0.2,
            retryAfterSeconds: Int = 1, dormantAccounts: Set<String> = [], closedAccounts: Set<String> = [],
            transactionPrefix: String = "BRI-BSK", seed: UInt64? = nil
        ) {
            self.latencyMilliseconds = latencyMilliseconds
            self.latencyJitterMilliseconds = latencyJitterMilliseconds
            self.failureRate = failureRate
            self.retryAfterSeconds = retryAfterSeconds
            self.dormantAccounts = dormantAccounts
            self.closedAccounts = closedAccounts
            self.transactionPrefix = transactionPrefix
            self.seed = seed
        }
    }

    /// Counters of what the simulator answered (`GET /v1/stats`).
    ///
    /// `Sendable`, `Codable`: a value type of integers.
    public struct Statistics: Sendable, Hashable, Codable {
        /// Transfer calls received.
        public var requests = 0
        /// Transfers credited (first time).
        public var settled = 0
        /// Calls for a reference already settled (answered with the first result).
        public var repeated = 0
        /// Calls answered 503 (injected outages).
        public var unavailable = 0
        /// Calls refused permanently (422).
        public var refused = 0
        /// Malformed calls (400).
        public var invalid = 0

        /// All zero.
        public init() {}
    }
}
