import Foundation
import Synchronization

/// The simulated core-banking side of a state bank's bansos channel: the HTTP API of
/// ``TransferRequest`` / ``TransferResponse``, with configurable latency and outages.
///
/// - `POST /v1/transfers`: after the latency, a share ``Configuration/failureRate`` of calls is
///   answered 503 with `Retry-After`; an account number failing its Luhn check digit is refused
///   `account-not-found` (422), dormant and closed accounts likewise; otherwise the transfer
///   settles (200) with a transaction id. The reference is the idempotency key: a settled or
///   refused reference gets the same answer again; the same reference with another account or
///   amount is refused `duplicate-reference-mismatch`.
/// - `GET /v1/stats`: ``Statistics`` as JSON. `GET /health`: 200.
///
/// `Sendable`: configuration constants and `Mutex`-guarded state.
public final class BankSimulator: Sendable {
    /// What the simulator does.
    public let configuration: Configuration
    private let state: Mutex<State>

    private struct State {
        var random: SplitMix64
        var ledger: [String: (request: TransferRequest, response: TransferResponse, status: Int)] = [:]
        var statistics = Statistics()
        var nextTransaction = 1
    }

    /// Creates a simulator.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        state = Mutex(State(random: SplitMix64(seed: configuration.seed ?? UInt64.random(in: 0...UInt64.max))))
    }

    /// The counters so far.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// Answers one request (blocks for the simulated latency on transfers).
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        switch (request.method, request.target) {
        case ("POST", "/v1/transfers"): return transfer(request)
        case ("GET", "/v1/stats"): return json(200, statistics)
        case ("GET", "/health"): return HTTPResponse(status: 200, body: Array("ok\n".utf8))
        case (_, "/v1/transfers"), (_, "/v1/stats"), (_, "/health"):
            return json(405, TransferResponse(status: "invalid", code: "http.method-not-allowed", message: "method not allowed"))
        default:
            return json(404, TransferResponse(status: "invalid", code: "http.not-found", message: "no such resource"))
        }
    }

    private func transfer(_ request: HTTPRequest) -> HTTPResponse {
        let (delay, outage) = state.withLock { state -> (Int, Bool) in
            state.statistics.requests += 1
            let jitter = configuration.latencyJitterMilliseconds > 0
                ? Int(state.random.next() % UInt64(configuration.latencyJitterMilliseconds + 1)) : 0
            let outage = Double(state.random.next() >> 11) / Double(1 << 53) < configuration.failureRate
            return (configuration.latencyMilliseconds + jitter, outage)
        }
        if delay > 0 { usleep(UInt32(delay) * 1_000) }
        guard let transfer = try? JSONDecoder().decode(TransferRequest.self, from: Data(request.body)),
              transfer.amount >= 1, !transfer.reference.isEmpty, transfer.reference.count <= 64 else {
            state.withLock { $0.statistics.invalid += 1 }
            return json(400, TransferResponse(status: "invalid", code: "transfer.malformed",
                                              message: "the body is not a transfer (reference, accountNumber, amount >= 1, beneficiaryName)"))
        }
        if outage {
            state.withLock { $0.statistics.unavailable += 1 }
            return json(503, TransferResponse(status: "unavailable", code: "core-banking.unavailable",
                                              message: "core banking is not reachable, try again later"),
                        headers: [("Retry-After", String(configuration.retryAfterSeconds))])
        }
        return state.withLock { state -> HTTPResponse in
            if let previous = state.ledger[transfer.reference] {
                guard previous.request == transfer else {
                    state.statistics.refused += 1
                    return json(422, TransferResponse(status: "refused", code: "duplicate-reference-mismatch",
                                                      message: "the reference was used for another account or amount"))
                }
                state.statistics.repeated += 1
                return json(previous.status, previous.response)
            }
            let (status, response) = decide(transfer, state: &state)
            state.ledger[transfer.reference] = (transfer, response, status)
            return json(status, response)
        }
    }

    private func decide(_ transfer: TransferRequest, state: inout State) -> (Int, TransferResponse) {
        func refuse(_ code: String, _ message: String) -> (Int, TransferResponse) {
            state.statistics.refused += 1
            return (422, TransferResponse(status: "refused", code: code, message: message))
        }
        if !AccountNumber.isValid(transfer.accountNumber) {
            return refuse("account-not-found", "no account with this number (check digit)")
        }
        if configuration.closedAccounts.contains(transfer.accountNumber) {
            return refuse("account-closed", "the account is closed")
        }
        if configuration.dormantAccounts.contains(transfer.accountNumber) {
            return refuse("account-dormant", "the account is dormant; the holder must reactivate it at a branch")
        }
        state.statistics.settled += 1
        let now = Date()
        let day = Self.dayFormatter.string(from: now)
        let serial = String(state.nextTransaction)
        state.nextTransaction += 1
        let id = "\(configuration.transactionPrefix)-\(day)-\(String(repeating: "0", count: max(0, 6 - serial.count)))\(serial)"
        return (200, TransferResponse(status: "settled", transactionId: id, settledAt: Self.timestamp(now)))
    }

    private func json(_ status: Int, _ value: some Encodable, headers: [(String, String)] = []) -> HTTPResponse {
        let body = (try? JSONEncoder().encode(value)).map(Array.init) ?? []
        return HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    private static var dayFormatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd"
        formatter.timeZone = TimeZone(identifier: "Asia/Jakarta")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "Asia/Jakarta")
        return formatter.string(from: date)
    }
}
