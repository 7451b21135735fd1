import GerbangJSON

extension CloudEvent {
    /// The event's compact JSON text: members in their order, numbers as their original text.
    /// Parsing it gives an identical event, and serialising that gives the same bytes.
    public func serializedBytes() -> [UInt8] { object.serializedBytes() }

    /// ``serializedBytes()`` as a `String`.
    public func serializedString() -> String { String(decoding: serializedBytes(), as: UTF8.self) }

    /// The bytes a signature covers: the RFC 8785 canonical form of the event object without
    /// its ``signatureAttribute`` member. Adding, changing or removing the signature leaves them unchanged.
    public func signingPayload() throws(EnvelopeError) -> [UInt8] {
        var unsigned = object
        unsigned[Self.signatureAttribute] = nil
        do {
            return try unsigned.canonicalBytes()
        } catch {
            throw EnvelopeError(reason: .notCanonicalizable, attribute: CloudEventAttribute.data,
                                message: "no RFC 8785 form: \(error.description)")
        }
    }
}
