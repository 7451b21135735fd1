import Envelope
import Foundation

extension SignatureVerifier {
    /// Verifies a signed event: its `gerbangjws` signature over the canonical event, the signer's
    /// chain, and that the signer's agency is the agency named by the event's `source`
    /// (see `AgencyIdentity`).
    ///
    /// - Parameter time: the verification time; nil means now (and allows the chain cache).
    public func verify(_ event: CloudEvent, at time: Date? = nil) -> Verdict {
        guard let value = event.object[EventSignature.attribute] else {
            return .rejected(TrustError(.unsigned, "the event has no `\(EventSignature.attribute)` attribute"))
        }
        guard let jws = value.stringValue else {
            return .rejected(TrustError(.malformedJWS, "`\(EventSignature.attribute)` must be a string"))
        }
        let payload: [UInt8]
        do {
            payload = try EventSignature.payload(of: event)
        } catch {
            return .rejected(error)
        }
        return verify(jws: jws, payload: payload, claimedAgency: AgencyIdentity.agencyID(source: event.source), at: time)
    }

    /// Parses, validates and verifies event bytes (see `verify(_:at:)`); an invalid event is
    /// `trust.malformed-event`.
    public func verify(event bytes: [UInt8], at time: Date? = nil, limits: EnvelopeLimits = .default) -> Verdict {
        do {
            return verify(try EventSignature.event(of: bytes, limits: limits), at: time)
        } catch {
            return .rejected(error)
        }
    }
}
