import Envelope

/// Parses the input as one structured-mode CloudEvent (`CloudEvent(parsing:limits:)`, default
/// limits), then computes its signing payload.
///
/// Checks: parsing throws only `EnvelopeError`; a parsed event serialises to bytes that parse to
/// the same event and serialise to the same bytes.
@discardableResult
public func fuzzEnvelope(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    let event: CloudEvent
    do {
        event = try CloudEvent(parsing: data)
    } catch {
        _ = error.description
        return .rejected
    }
    let serialized = event.serializedBytes()
    do {
        let reparsed = try CloudEvent(parsing: serialized)
        fuzzInvariant(reparsed == event, "an event changes in a serialise/parse round trip")
        fuzzInvariant(reparsed.serializedBytes() == serialized, "an event's serialisation is not stable")
    } catch {
        fuzzInvariant(false, "a serialised event does not parse: \(error.reason.rawValue)")
    }
    do {
        _ = try event.signingPayload()
    } catch {
        _ = error.description
    }
    return .accepted
}
