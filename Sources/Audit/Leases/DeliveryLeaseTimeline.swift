/// Every delivery's leases as the audit trail records them (`delivery.claimed`,
/// `delivery.outcome`, `delivery.released`, written with `audit.record-claims`), and the check
/// that matters for several nodes on one store: **no delivery was in flight at two nodes at
/// once** (`docs/deployment.md`, "Evidence").
///
/// The times are sound for that check: a claim's record is timed after the claim committed, an
/// outcome's and a release's before theirs, and a lease without either ends at its deadline at
/// the earliest (it becomes ready only when some node expires it at or after the deadline). So an
/// interval never starts earlier or ends later than the lease really did, and two intervals
/// that overlap show two nodes really holding the delivery together (on clocks in sync).
///
/// `Sendable`: a value type.
public struct DeliveryLeaseTimeline: Sendable {
    /// Two leases of one delivery, at different nodes, that overlap in time.
    public struct Overlap: Sendable, Hashable {
        /// The earlier lease.
        public var first: DeliveryLease
        /// The later one.
        public var second: DeliveryLease
    }

    /// Every claimed lease, in the order of the claims' records.
    public private(set) var leases: [DeliveryLease] = []
    /// Records of these kinds that did not have their fields in the expected order (none in a
    /// trail written by the broker).
    public private(set) var malformedRecords = 0

    /// Reads the leases from entries in index order (other kinds are skipped).
    ///
    /// A release ends the consumer's unsettled leases. It is matched by time, not by record
    /// order (a claim and its consumer's release, written by two tasks, may be recorded in either
    /// order): the first release at or after the lease's start, else — the session ended while
    /// the claim was committing, and that release took the delivery back — the latest release
    /// before it, which ends the lease where it starts.
    public init(_ entries: some Sequence<AuditEntry>) {
        var claimed: [LeaseKey: Int] = [:]
        var releases: [String: [Int64]] = [:]
        for entry in entries {
            switch entry.kind {
            case .deliveryClaimed: readClaim(entry, into: &claimed)
            case .deliveryOutcome: readOutcome(entry, claimed: claimed)
            case .deliveryReleased:
                guard let consumer = entry.fields.first, consumer.name == "consumer" else {
                    malformedRecords += 1
                    continue
                }
                releases[consumer.text, default: []].append(entry.timeMilliseconds)
            default: continue
            }
        }
        for index in leases.indices where leases[index].ending == "deadline" {
            guard let times = releases[leases[index].consumer]?.sorted(), let last = times.last else { continue }
            let release = times.first { $0 >= leases[index].startMilliseconds } ?? last
            let end = max(leases[index].startMilliseconds, release)
            if end < leases[index].endMilliseconds {
                leases[index].endMilliseconds = end
                leases[index].ending = "released"
            }
        }
    }

    /// Which lease an outcome settles.
    private struct LeaseKey: Hashable {
        var consumer: String
        var delivery: Int64
        var attempt: Int64
    }

    /// Leases of one delivery held at two different nodes at the same time.
    public func overlapsAcrossNodes() -> [Overlap] {
        var overlaps: [Overlap] = []
        for (_, leases) in Dictionary(grouping: leases, by: \.delivery) where leases.count > 1 {
            let ordered = leases.sorted { $0.startMilliseconds < $1.startMilliseconds }
            for (offset, first) in ordered.enumerated() {
                for second in ordered[(offset + 1)...] where second.node != first.node && first.overlaps(second) {
                    overlaps.append(Overlap(first: first, second: second))
                }
            }
        }
        return overlaps.sorted { ($0.first.delivery, $0.first.startMilliseconds) < ($1.first.delivery, $1.first.startMilliseconds) }
    }

    /// Deliveries claimed twice with the same attempt number (each claim increments it, so this
    /// means two claims that did not see each other).
    public func repeatedAttempts() -> [(delivery: Int64, attempt: Int64)] {
        var seen: Set<[Int64]> = []
        var repeated: [(delivery: Int64, attempt: Int64)] = []
        for lease in leases where !seen.insert([lease.delivery, lease.attempt]).inserted {
            repeated.append((lease.delivery, lease.attempt))
        }
        return repeated
    }

    // MARK: Reading

    private mutating func readClaim(_ entry: AuditEntry, into claimed: inout [LeaseKey: Int]) {
        guard let consumer = entry.fields.first, consumer.name == "consumer", (entry.fields.count - 1) % 5 == 0 else {
            malformedRecords += 1
            return
        }
        let node = String(consumer.text.prefix { $0 != "/" })
        for group in stride(from: 1, to: entry.fields.count, by: 5) {
            let fields = entry.fields[group..<group + 5]
            guard fields.map(\.name) == ["subscription", "sequence", "delivery", "attempt", "lease-deadline"],
                  let delivery = Int64(fields[group + 2].text), let attempt = Int64(fields[group + 3].text),
                  let deadline = Int64(fields[group + 4].text) else {
                malformedRecords += 1
                continue
            }
            claimed[LeaseKey(consumer: consumer.text, delivery: delivery, attempt: attempt)] = leases.count
            leases.append(DeliveryLease(delivery: delivery, attempt: attempt, consumer: consumer.text, node: node,
                                        startMilliseconds: entry.timeMilliseconds, deadlineMilliseconds: deadline,
                                        endMilliseconds: max(entry.timeMilliseconds, deadline), ending: "deadline"))
        }
    }

    private mutating func readOutcome(_ entry: AuditEntry, claimed: [LeaseKey: Int]) {
        guard entry.fields.count >= 3, entry.fields[0].name == "consumer", entry.fields[1].name == "outcome",
              (entry.fields.count - 3) % 4 == 0 else {
            malformedRecords += 1
            return
        }
        for group in stride(from: 3, to: entry.fields.count, by: 4) {
            guard entry.fields[group + 2].name == "delivery", entry.fields[group + 3].name == "attempt",
                  let delivery = Int64(entry.fields[group + 2].text), let attempt = Int64(entry.fields[group + 3].text) else {
                malformedRecords += 1
                continue
            }
            // An outcome without a recorded claim (the broker dead-lettered it at the claim) ends nothing.
            guard let index = claimed[LeaseKey(consumer: entry.fields[0].text, delivery: delivery, attempt: attempt)] else {
                continue
            }
            leases[index].endMilliseconds = entry.timeMilliseconds
            leases[index].ending = entry.fields[1].text
        }
    }
}
