// Numeric field rules shared by the encoder and the decoder (`docs/protocol.md`, per command).

extension GMPMessage.Welcome {
    /// Every WELCOME number except the session id must be at least 1.
    func validateNumbers() throws(GMPProtocolError) {
        let mustBePositive: [(String, UInt64)] = [
            ("heartbeat interval", UInt64(heartbeatIntervalMilliseconds)),
            ("heartbeat liveness", UInt64(heartbeatLiveness)),
            ("max frame bytes", UInt64(maxFrameBytes)),
            ("max event bytes", UInt64(maxEventBytes)),
            ("max events per PUBLISH", UInt64(maxEventsPerPublish)),
            ("max credit", UInt64(maxCredit)),
            ("lease", UInt64(leaseMilliseconds)),
        ]
        for (field, value) in mustBePositive where value == 0 {
            throw GMPProtocolError(.protocolInvalidField, frame: 0, "WELCOME \(field) must be at least 1")
        }
    }
}

extension GMPMessage.Deliver {
    /// The attempt and the lease must be at least 1.
    func validateNumbers() throws(GMPProtocolError) {
        if attempt == 0 {
            throw GMPProtocolError(.protocolInvalidField, frame: 0, "DELIVER attempt must be at least 1")
        }
        if leaseMilliseconds == 0 {
            throw GMPProtocolError(.protocolInvalidField, frame: 0, "DELIVER lease must be at least 1")
        }
    }
}

extension GMPMessage.Accepted {
    /// Bit 0 of the ACCEPTED flags byte.
    static let duplicateFlag: UInt8 = 0x01
}

extension GMPMessage.Nack.Disposition {
    /// The disposition byte of a retryable NACK.
    static let retryByte: UInt8 = 1
    /// The disposition byte of a permanent NACK.
    static let permanentByte: UInt8 = 2
}
