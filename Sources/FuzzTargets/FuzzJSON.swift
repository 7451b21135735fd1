import GerbangJSON

/// Parses the input as one JSON text (`JSONParser.parse`, default options).
///
/// Checks: parsing throws only `JSONParseError`; a parsed value serialises to text that parses
/// back to the same value; when the value has an RFC 8785 canonical form, that form parses and is
/// its own canonical form.
@discardableResult
public func fuzzJSON(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    let value: JSONValue
    do {
        value = try JSONParser.parse(data)
    } catch {
        _ = error.description
        return .rejected
    }
    let serialized = value.serializedBytes()
    do {
        let reparsed = try JSONParser.parse(serialized)
        fuzzInvariant(reparsed == value, "a value changes in a serialise/parse round trip")
    } catch {
        fuzzInvariant(false, "serialised JSON does not parse: \(error.reason.rawValue)")
    }
    let canonical: [UInt8]
    do {
        canonical = try value.canonicalBytes()
    } catch {
        _ = error.description
        return .accepted
    }
    do {
        let reparsed = try JSONParser.parse(canonical)
        fuzzInvariant((try? reparsed.canonicalBytes()) == canonical, "the canonical form is not its own canonical form")
    } catch {
        fuzzInvariant(false, "canonical JSON does not parse: \(error.reason.rawValue)")
    }
    return .accepted
}
