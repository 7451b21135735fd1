import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Calls the bank's transfer API (`POST <base>/v1/transfers`, see ``TransferRequest``).
///
/// Timeouts, connection failures and 5xx answers are ``TransferOutcome/unavailable(retryAfter:detail:)``
/// (the request is idempotent by its reference, so trying again is safe); 422 and 400 answers are
/// ``TransferOutcome/refused(code:message:)``.
///
/// `Sendable`: immutable; `URLSession` is thread-safe.
public final class CoreBankingClient: Sendable {
    /// The API's base URL (e.g. `http://127.0.0.1:9580`).
    public let baseURL: URL
    /// The longest wait for one call. Default 10 s.
    public let timeout: Duration
    private let session: URLSession

    /// Creates a client.
    public init(baseURL: URL, timeout: Duration = .seconds(10)) {
        self.baseURL = baseURL
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        session = URLSession(configuration: configuration)
    }

    /// Sends one transfer and classifies the answer.
    public func transfer(_ transfer: TransferRequest) async -> TransferOutcome {
        var request = URLRequest(url: baseURL.appendingPathComponent("v1/transfers"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(transfer.reference, forHTTPHeaderField: "Idempotency-Key")
        do {
            request.httpBody = try JSONEncoder().encode(transfer)
        } catch {
            return .refused(code: "transfer.unencodable", message: "the transfer cannot be encoded")
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            return .unavailable(retryAfter: nil, detail: "the bank's API did not answer: \(error.localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse else {
            return .unavailable(retryAfter: nil, detail: "not an HTTP response")
        }
        let body = try? JSONDecoder().decode(TransferResponse.self, from: data)
        switch http.statusCode {
        case 200:
            guard let body, body.status == "settled", let id = body.transactionId, let at = body.settledAt else {
                return .unavailable(retryAfter: nil, detail: "a 200 answer without a settled transaction")
            }
            return .settled(transactionId: id, settledAt: at)
        case 400, 409, 422:
            return .refused(code: body?.code ?? "http.\(http.statusCode)", message: body?.message ?? "refused by the bank")
        default:
            let retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(Int.init).map { Duration.seconds($0) }
            return .unavailable(retryAfter: retryAfter, detail: "HTTP \(http.statusCode)\(body?.code.map { " \($0)" } ?? "")")
        }
    }
}
