import Foundation

import GerbangJSON

extension PayloadSigner {
    /// Signs an event: returns it with its `gerbangjws` attribute set (replacing any earlier
    /// signature), serialised compactly with members in their original order.
    ///
    /// - Parameter maximumBytes: the largest event accepted (default 1 MiB).
    public func sign(event bytes: [UInt8], maximumBytes: Int = 1 << 20) throws(TrustError) -> [UInt8] {
        var event = try EventSignature.object(of: bytes, maximumBytes: maximumBytes)
        guard event["source"]?.stringValue != nil else {
            throw TrustError(.malformedEvent, "the event has no string `source` attribute")
        }
        let jws = try sign(EventSignature.payload(of: event))
        event[EventSignature.attribute] = .string(jws)
        return JSONValue.object(event).serializedBytes()
    }
}

extension SignatureVerifier {
    /// Verifies a signed event: its `gerbangjws` signature over the canonical event, the signer's
    /// chain, and that the signer's agency is the agency named by the event's `source`.
    ///
    /// - Parameters:
    ///   - time: the verification time; nil means now.
    ///   - maximumBytes: the largest event accepted (default 1 MiB).
    public func verify(event bytes: [UInt8], at time: Date? = nil, maximumBytes: Int = 1 << 20) -> Verdict {
        let event: JSONObject
        let payload: [UInt8]
        do {
            event = try EventSignature.object(of: bytes, maximumBytes: maximumBytes)
            payload = try EventSignature.payload(of: event)
        } catch {
            return .rejected(error)
        }
        guard let signature = event[EventSignature.attribute] else {
            return .rejected(TrustError(.unsigned, "the event has no `\(EventSignature.attribute)` attribute"))
        }
        guard let jws = signature.stringValue else {
            return .rejected(TrustError(.malformedJWS, "`\(EventSignature.attribute)` must be a string"))
        }
        let claimed = event["source"]?.stringValue.flatMap(AgencyIdentity.agencyID(source:))
        return verify(jws: jws, payload: payload, claimedAgency: claimed, at: time)
    }
}
