import GMP

extension BrokerLoop {
    /// Puts a flow-control rejection (overloaded, rate-limited) on the audit trail without
    /// holding up the loop: the REJECTED is already sent, the record follows in the next
    /// group-commit batch. The event is not parsed (that is the load being shed), so the record
    /// carries no event id.
    func auditFlowRejection(_ reason: ReasonCode, agency: String) {
        let pipeline = services.pipeline
        Task {
            await pipeline.recordRejection(GMPMessage.Rejected(tag: 0, reason: reason), event: [], agency: agency)
        }
    }
}
