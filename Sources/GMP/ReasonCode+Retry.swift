extension ReasonCode {
    /// Whether sending the same thing again can succeed. `Sendable`: a plain enum.
    public enum RetryAdvice: String, Hashable, Sendable {
        /// A transient condition: retry later, with backoff.
        case retry = "yes"
        /// The same input fails again; fix the event, the configuration or the peer.
        case doNotRetry = "no"
        /// Reconnect and start a new session (HELLO) before trying again.
        case reconnect = "reconnect"
        /// Not a failure.
        case notAFailure = "n/a"
    }

    /// Whether retrying can help, as documented in the reason code table of `docs/protocol.md`.
    public var retryAdvice: RetryAdvice {
        switch self {
        case .flowRateLimited, .flowOverloaded, .storeUnavailable, .brokerInternal:
            .retry
        case .sessionShuttingDown, .sessionHeartbeatTimeout, .sessionDisconnected, .sessionHelloTimeout, .protocolHelloRequired:
            .reconnect
        case .eventDuplicate, .sessionClosed:
            .notAFailure
        case .authUnknownKey, .authAgencyMismatch, .signatureMissing, .signatureInvalid,
            .signatureAgencyMismatch, .signatureCertificateInvalid, .routeNotPermitted,
            .routeUnknownSubscription, .schemaUnknownType, .schemaViolation, .eventTooLarge,
            .eventMalformed, .eventClockSkew, .protocolBadMagic, .protocolUnsupportedVersion,
            .protocolUnknownCommand, .protocolUnexpectedCommand, .protocolMalformedFrame,
            .protocolMissingFrame, .protocolTooManyFrames, .protocolFrameTooLarge,
            .protocolEmptyBatch, .protocolBatchTooLarge, .protocolFieldTooLong,
            .protocolInvalidUTF8, .protocolInvalidField, .unrecognized:
            .doNotRetry
        }
    }
}
