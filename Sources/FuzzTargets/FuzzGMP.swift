import GMP

/// Limits small enough that short fuzz inputs reach every limit check of the decoder.
private let tightLimits = GMPLimits(maxFrames: 8, maxFrameBytes: 64, maxEventsPerPublish: 2, maxSubscriptions: 2)

/// Decodes the input as one GMP/1 multipart message (`GMPMessage(decoding:limits:from:)`).
///
/// Layout: see ``FuzzFrames``. Options byte: bits 0–1 the sender (1 adapter, 2 broker, else
/// none), bit 2 tight limits (8 frames, 64-byte frames, 2 events, 2 subscriptions) instead of the
/// defaults.
///
/// Checks: decoding throws only `GMPProtocolError`; a decoded message encodes, and its encoding
/// decodes to the same message.
@discardableResult
public func fuzzGMP(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    let options = data.first ?? 0
    let sender: GMPRole? = switch options & 0b11 {
    case 1: .adapter
    case 2: .broker
    default: nil
    }
    let limits = options & 0b100 != 0 ? tightLimits : .default
    let frames = FuzzFrames.split(data.dropFirst())
    let message: GMPMessage
    do {
        message = try GMPMessage(decoding: frames, limits: limits, from: sender)
    } catch {
        _ = error.description
        return .rejected
    }
    _ = message.description
    let encoded: [[UInt8]]
    do {
        encoded = try message.encode()
    } catch {
        fuzzInvariant(false, "a decoded \(message.command.name) does not encode: \(error.reason.rawValue)")
        return .accepted
    }
    do {
        let decodedAgain = try GMPMessage(decoding: encoded, limits: .default)
        fuzzInvariant(decodedAgain == message, "\(message.command.name) changes in an encode/decode round trip")
    } catch {
        fuzzInvariant(false, "an encoded \(message.command.name) does not decode: \(error.reason.rawValue)")
    }
    return .accepted
}
