import Envelope

extension PayloadSigner {
    /// Signs `event`: returns it with its `gerbangjws` attribute set (replacing any earlier
    /// signature); every other member keeps its place and text.
    public func sign(_ event: CloudEvent) throws(TrustError) -> CloudEvent {
        var signed = event
        signed.signature = try sign(EventSignature.payload(of: event))
        return signed
    }

    /// Signs event bytes: parses and validates the event, signs it, and returns it serialised
    /// compactly with members in their original order.
    public func sign(event bytes: [UInt8], limits: EnvelopeLimits = .default) throws(TrustError) -> [UInt8] {
        try sign(EventSignature.event(of: bytes, limits: limits)).serializedBytes()
    }
}
