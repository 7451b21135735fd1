import Admin
import Foundation
import Store

extension AdminRequestHandler {
    /// `dlq.replay` / `dlq.purge`: a dry run lists what would change; otherwise the change is
    /// made, recorded in `admin_actions` and logged.
    func changeDeadLetters(_ request: AdminRequest, caller: AdminCaller) async throws(AdminError) -> AdminReply {
        var reply = AdminReply(kind: .response, requestID: request.requestID)
        let query = request.deadLetters ?? DeadLetterQuery()
        let filter = DeadLetterFilter(query, now: Date())
        if query.dryRun {
            let letters = try await store("dead letters") { store throws(StoreError) in try await store.deadLetters(matching: filter) }
            reply.deadLetters = letters.map { DeadLetterReport(delivery: DeliveryReport($0.delivery, unmask: false),
                                                               event: EventSummary($0.event, unmask: false)) }
            reply.count = letters.count
            return reply
        }
        let requestedAt = Date()
        do {
            let count = try await store(request.action.rawValue) { store throws(StoreError) in
                request.action == .dlqReplay
                    ? try await store.replayDeadLetters(matching: filter, now: Date())
                    : try await store.purgeDeadLetters(matching: filter)
            }
            let verb = request.action == .dlqReplay ? "replayed" : "purged"
            await record(request, caller: caller, at: requestedAt, outcome: "done", detail: "\(verb) \(count) dead letters")
            reply.count = count
            return reply
        } catch {
            await record(request, caller: caller, at: requestedAt, outcome: "failed", detail: error.description)
            throw error
        }
    }

    /// Records a refused state-changing request (the role does not allow it).
    func recordDenied(_ request: AdminRequest, caller: AdminCaller, reason: String) async {
        await record(request, caller: caller, at: Date(), outcome: "denied", detail: reason)
    }

    /// Appends to `admin_actions` and logs at `notice` (arguments only, never payloads).
    private func record(_ request: AdminRequest, caller: AdminCaller, at time: Date, outcome: String, detail: String) async {
        let arguments = String(decoding: AdminJSON.encode(request.deadLetters ?? DeadLetterQuery()), as: UTF8.self)
        logger.notice("admin action", metadata: [
            "operator": "\(caller.name)", "role": "\(caller.role.rawValue)", "action": "\(request.action.rawValue)",
            "arguments": "\(arguments)", "outcome": "\(outcome)", "detail": "\(detail)"])
        guard let actionLog else { return }
        do {
            _ = try await actionLog.record(AdminAction(operatorName: caller.name, role: caller.role.rawValue,
                                                       action: request.action.rawValue, arguments: arguments,
                                                       requestedAt: time, outcome: outcome, detail: detail))
        } catch {
            logger.error("admin action not recorded", metadata: ["reason": "\(error.reason.rawValue)"])
        }
    }
}
