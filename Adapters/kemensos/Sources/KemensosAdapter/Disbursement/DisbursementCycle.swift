import GerbangKit
import Logging

/// One disbursement cycle: for the period, a request for every eligible beneficiary that has
/// none yet (and again for requests the broker has not confirmed), published in batches.
///
/// The request's id is the disbursement id (`PKH-2026Q4-00000042`), so a request published
/// again after a crash is a duplicate the broker recognises; a beneficiary gets one request per
/// period however often the cycle runs.
///
/// `Sendable`: immutable values and `Sendable` references.
struct DisbursementCycle: Sendable {
    let register: BeneficiaryRegister
    let schedule: DisbursementSchedule
    let batchSize: Int

    /// Runs one cycle; returns how many requests the broker accepted.
    @discardableResult
    func run(context: AdapterContext) async throws -> Int {
        guard let period = schedule.resolvedPeriod() else { return 0 }
        let today = JakartaCalendar.day()
        let payBy = JakartaCalendar.day(plus: schedule.payWithinDays)
        let due = try register.prepareDisbursements(period: period.description, requestedOn: today) {
            period.disbursementID(programme: $0.programme, serial: $0.serial)
        }
        var accepted = 0
        var refused = 0
        var unconfirmed = 0
        var start = 0
        while start < due.count {
            let batch = due[start..<min(start + batchSize, due.count)]
            start += batchSize
            var events: [OutgoingEvent] = []
            for (disbursement, beneficiary) in batch {
                events.append(try request(disbursement, beneficiary, period: period, payBy: payBy))
            }
            for ((disbursement, _), result) in zip(batch, await context.publish(events)) {
                switch result {
                case .success:
                    try register.markRequested(disbursement.id)
                    accepted += 1
                case .failure(let error) where error.reason == .rejected && !error.isRetryable:
                    refused += 1
                    context.logger.error("disbursement request refused by the broker", metadata: [
                        "disbursement": "\(disbursement.id)", "error": "\(error)",
                    ])
                case .failure(let error):
                    unconfirmed += 1
                    context.logger.warning("disbursement request not confirmed; it is sent again next cycle", metadata: [
                        "disbursement": "\(disbursement.id)", "error": "\(error)",
                    ])
                }
            }
        }
        let statistics = try register.statistics()
        context.logger.info("disbursement cycle", metadata: [
            "period": "\(period)", "requested": "\(accepted)", "refused": "\(refused)", "unconfirmed": "\(unconfirmed)",
            "register": "\(statistics)",
        ])
        return accepted
    }

    private func request(_ disbursement: Disbursement, _ beneficiary: Beneficiary, period: DisbursementPeriod,
                         payBy: String) throws -> OutgoingEvent {
        let data = DisbursementRequested(
            disbursementId: disbursement.id,
            beneficiaryId: beneficiary.id,
            programme: Programme(rawValue: beneficiary.programme) ?? .pkh,
            period: period.description,
            recipient: PersonReference(nik: beneficiary.nik, fullName: beneficiary.fullName),
            amount: Int64(disbursement.amount),
            paymentChannel: PaymentChannel(provider: beneficiary.provider, accountNumber: beneficiary.accountNumber,
                                           kksCardNumber: beneficiary.kksCardNumber),
            requestedOn: disbursement.requestedOn,
            payBy: payBy
        )
        return try OutgoingEvent(data, id: disbursement.id, subject: disbursement.id, partitionKey: beneficiary.id,
                                 correlationID: disbursement.id)
    }
}
