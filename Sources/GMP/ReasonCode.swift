/// The registry of GMP reason codes: the one list of stable, machine-readable reasons that the
/// broker and adapters put on the wire (in REJECTED, ERROR and BYE) and in logs and metrics.
/// `Sendable`: a plain enum.
///
/// A code is `category.name`. The category is the layer that decided; the name says what it
/// decided. Codes of other layers (`json.duplicate-key`, `envelope.missing-attribute`,
/// `trust.revoked`, `schema.unknown-type`, …) are not in this registry: REJECTED carries them in
/// its *specific code* field next to the GMP category code (see `docs/protocol.md`).
///
/// The table in `docs/protocol.md`, "Reason codes", documents every case with its meaning and
/// whether retrying can help; a test keeps the two in step.
public enum ReasonCode: String, Hashable, Sendable, CaseIterable {
    // MARK: Authentication (CURVE / ZAP, HELLO)
    /// The CURVE public key is not in `Config/agencies.yaml`; the ZAP handler refuses the
    /// connection, so the adapter sees a failed handshake, never a GMP message.
    case authUnknownKey = "auth.unknown-key"
    /// HELLO names an agency other than the one its CURVE key authenticates.
    case authAgencyMismatch = "auth.agency-mismatch"

    // MARK: Message signature (trust layer)
    /// The event carries no signature attribute.
    case signatureMissing = "signature.missing"
    /// The signature is malformed, uses a forbidden algorithm, or does not verify.
    case signatureInvalid = "signature.invalid"
    /// The CURVE agency, the certificate's agency and the event's `source` do not all agree.
    case signatureAgencyMismatch = "signature.agency-mismatch"
    /// The signer's certificate is not acceptable: expired, not yet valid, revoked, unknown CA,
    /// wrong key usage.
    case signatureCertificateInvalid = "signature.certificate-invalid"

    // MARK: Routes
    /// The agency may not publish events of this type.
    case routeNotPermitted = "route.not-permitted"
    /// HELLO asks for a subscription that `Config/routes.yaml` does not give this adapter.
    case routeUnknownSubscription = "route.unknown-subscription"

    // MARK: Schema
    /// No schema is registered for the event's `type` (and `dataschema`).
    case schemaUnknownType = "schema.unknown-type"
    /// The event's `data` violates its schema.
    case schemaViolation = "schema.violation"

    // MARK: Event
    /// The event frame exceeds the broker's maximum event size.
    case eventTooLarge = "event.too-large"
    /// The event frame is not a valid CloudEvents JSON envelope.
    case eventMalformed = "event.malformed"
    /// The event's `time` lies further in the future or past than the configured skew allows.
    case eventClockSkew = "event.clock-skew"
    /// Not a rejection: the (`source`, `id`) pair was already accepted within the de-duplication
    /// window; the event is answered ACCEPTED with the duplicate flag. Used in logs and metrics.
    case eventDuplicate = "event.duplicate"

    // MARK: Flow control
    /// The publishing agency exceeds its configured rate.
    case flowRateLimited = "flow.rate-limited"
    /// The broker has more publishes pending than it is configured to hold.
    case flowOverloaded = "flow.overloaded"

    // MARK: Store
    /// The store cannot write durably now (disk full, database locked, I/O error).
    case storeUnavailable = "store.unavailable"

    // MARK: Broker
    /// An unexpected failure inside the broker while handling this event.
    case brokerInternal = "broker.internal"

    // MARK: Session
    /// Normal end of a session (BYE).
    case sessionClosed = "session.closed"
    /// The broker is shutting down (BYE from the broker).
    case sessionShuttingDown = "session.shutting-down"
    /// The peer sent nothing for `liveness` heartbeat intervals and is considered gone.
    case sessionHeartbeatTimeout = "session.heartbeat-timeout"
    /// The connection carrying the session was closed (the broker's socket monitor saw it go).
    case sessionDisconnected = "session.disconnected"
    /// The connection carried no session for the broker's HELLO timeout (it never said HELLO, or
    /// its session ended and no new HELLO came); the broker closed it. Logs and metrics only.
    case sessionHelloTimeout = "session.hello-timeout"

    // MARK: Protocol (decoder and session state)
    /// Frame 0 does not start with the signature `GMP`.
    case protocolBadMagic = "protocol.bad-magic"
    /// The version byte names a protocol version the receiver does not speak.
    case protocolUnsupportedVersion = "protocol.unsupported-version"
    /// The command byte is not a command of this version.
    case protocolUnknownCommand = "protocol.unknown-command"
    /// A known command sent by the wrong role (e.g. DELIVER from an adapter).
    case protocolUnexpectedCommand = "protocol.unexpected-command"
    /// A command other than HELLO, HEARTBEAT, BYE or ERROR on a connection without a session.
    case protocolHelloRequired = "protocol.hello-required"
    /// A frame has the wrong length for its layout: truncated, or with trailing bytes.
    case protocolMalformedFrame = "protocol.malformed-frame"
    /// The message has fewer frames than its command requires.
    case protocolMissingFrame = "protocol.missing-frame"
    /// The message has more frames than the limit or than its command allows.
    case protocolTooManyFrames = "protocol.too-many-frames"
    /// A frame exceeds the maximum frame size.
    case protocolFrameTooLarge = "protocol.frame-too-large"
    /// A PUBLISH without any event.
    case protocolEmptyBatch = "protocol.empty-batch"
    /// A PUBLISH with more events than the maximum batch.
    case protocolBatchTooLarge = "protocol.batch-too-large"
    /// A text field is longer than its maximum.
    case protocolFieldTooLong = "protocol.field-too-long"
    /// A text field is not valid UTF-8.
    case protocolInvalidUTF8 = "protocol.invalid-utf8"
    /// A field's value is outside its allowed set (syntax of an identifier, a zero where at least
    /// one is required, unknown flag bits, an unknown disposition).
    case protocolInvalidField = "protocol.invalid-field"

    /// Stands for a code this version of the registry does not know. Receivers decode unknown
    /// but well-formed codes to this case instead of failing, so that a newer peer can add codes.
    case unrecognized = "unrecognized"

    /// The category: the part before the first dot (`"protocol"` for `protocol.bad-magic`).
    public var category: Substring {
        rawValue.prefix { $0 != "." }
    }
}
