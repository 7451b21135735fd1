import Foundation
import GerbangKit

/// A state bank's bansos disbursement channel: pays each `socialaid.disbursement.requested`
/// through the bank's transfer API (``CoreBankingClient``) and answers Kemensos with
/// `socialaid.disbursement.settled` or `socialaid.disbursement.failed`.
///
/// | the bank says | the adapter publishes | the delivery |
/// |---|---|---|
/// | settled | settled (the bank's transaction id) | ack |
/// | refused (unknown, closed or dormant account, …) | failed, `retryable: false` | reject (`bank.<code>`, dead letters) |
/// | unavailable (5xx, timeout, no connection) | nothing | retry after `Retry-After` or the route's backoff |
///
/// The transfer's reference is the disbursement id, which the bank treats as an idempotency
/// key: a redelivered request (after a crash or a lost answer) returns the first outcome and
/// never pays twice; the answer events have ids derived from it too (`settled-<id>`).
///
/// `Sendable`: immutable values and `Sendable` references.
public struct DisbursementChannelAdapter: Adapter {
    public typealias Settings = DisbursementChannelSettings

    public static let descriptor = AdapterDescriptor(
        agency: "bank-bri", name: "disbursement", version: "1.0.0",
        consumes: [DisbursementRequested.eventType],
        produces: [DisbursementSettled.eventType, DisbursementFailed.eventType]
    )

    /// The bank's API.
    public let bank: CoreBankingClient
    /// The provider this bank is.
    public let provider: String

    public init(settings: Settings, context: AdapterContext) async throws {
        bank = CoreBankingClient(baseURL: settings.bankAPI, timeout: .milliseconds(settings.timeoutMs))
        provider = settings.provider
        context.logger.info("paying through the bank's API", metadata: ["api": "\(settings.bankAPI)"])
    }

    public func handle(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome {
        let request: DisbursementRequested
        do {
            request = try delivery.decode(DisbursementRequested.self)
        } catch {
            throw MappingError("bank.undecodable", "\(error)")
        }
        guard request.paymentChannel.provider == provider else {
            return .reject(reason: "bank.other-provider", message: "the request is for \(request.paymentChannel.provider), not \(provider)")
        }
        let outcome: TransferOutcome
        if let account = request.paymentChannel.accountNumber {
            outcome = await bank.transfer(TransferRequest(reference: request.disbursementId, accountNumber: account,
                                                          amount: Int(request.amount), beneficiaryName: request.recipient.fullName))
        } else {
            outcome = .refused(code: "account-not-found", message: "the request has no account number")
        }
        switch outcome {
        case .settled(let transactionID, let settledAt):
            let settled = DisbursementSettled(
                disbursementId: request.disbursementId, beneficiaryId: request.beneficiaryId, programme: request.programme,
                amount: request.amount, provider: provider, providerReference: transactionID, settledAt: settledAt)
            return await answer(try OutgoingEvent(settled, id: "settled-\(request.disbursementId)", subject: request.disbursementId,
                                                  partitionKey: request.beneficiaryId, correlationID: request.disbursementId,
                                                  causationID: delivery.event.id),
                                then: .ack, context: context)
        case .refused(let code, let message):
            let failed = DisbursementFailed(
                disbursementId: request.disbursementId, beneficiaryId: request.beneficiaryId, programme: request.programme,
                amount: request.amount, provider: provider, failedAt: Date().formatted(.iso8601),
                failureReason: DisbursementFailed.FailureReason(rawValue: code) ?? .technicalError, retryable: false,
                detail: String(message.prefix(500)))
            context.logger.info("transfer refused by the bank", metadata: ["disbursement": "\(request.disbursementId)", "code": "\(code)"])
            return await answer(try OutgoingEvent(failed, id: "failed-\(request.disbursementId)", subject: request.disbursementId,
                                                  partitionKey: request.beneficiaryId, correlationID: request.disbursementId,
                                                  causationID: delivery.event.id),
                                then: .reject(reason: "bank.\(code)", message: message), context: context)
        case .unavailable(let retryAfter, let detail):
            context.logger.info("bank unavailable, retrying later", metadata: [
                "disbursement": "\(request.disbursementId)", "attempt": "\(delivery.attempt)", "detail": "\(detail)",
            ])
            return .retry(after: retryAfter, reason: "bank.unavailable", message: detail)
        }
    }

    /// Publishes the answer event, then settles the delivery with `outcome`; when the answer is
    /// not confirmed, the delivery is retried (the bank call is idempotent, the event id stable).
    private func answer(_ event: OutgoingEvent, then outcome: DeliveryOutcome, context: AdapterContext) async -> DeliveryOutcome {
        do {
            try await context.publish(event)
            return outcome
        } catch {
            return .retry(reason: "bank.answer-unconfirmed", message: "\(error)")
        }
    }
}
