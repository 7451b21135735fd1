import Envelope

/// Where a Gerbang event carries its signature, and which bytes the signature covers.
///
/// The signature is the detached compact JWS in the CloudEvents extension attribute
/// `gerbangjws` (`CloudEvent.signatureAttribute`). Its payload is `CloudEvent.signingPayload()`:
/// the RFC 8785 canonical form of the whole event **without** that attribute (every other
/// attribute, `data` included), so member order and whitespace do not matter but every value
/// does. See docs/signing.md.
public enum EventSignature {
    /// The extension attribute holding the JWS.
    public static let attribute = CloudEvent.signatureAttribute

    /// Parses and validates event bytes (`trust.malformed-event` with the envelope's reason).
    static func event(of bytes: [UInt8], limits: EnvelopeLimits) throws(TrustError) -> CloudEvent {
        do {
            return try CloudEvent(parsing: bytes, limits: limits)
        } catch {
            throw TrustError(.malformedEvent, "not a valid event: \(error.description)")
        }
    }

    /// The signed bytes of `event`.
    static func payload(of event: CloudEvent) throws(TrustError) -> [UInt8] {
        do {
            return try event.signingPayload()
        } catch {
            throw TrustError(.malformedEvent, "the event has no RFC 8785 form: \(error.description)")
        }
    }
}
