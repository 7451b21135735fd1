import Catalogue
import Envelope
import GMP
import Trust

extension PublishPipeline {
    /// `event.malformed` (or `event.too-large`) with the JSON or envelope code (`docs/protocol.md` 11.2).
    static func rejection(tag: UInt64, envelope error: EnvelopeError) -> GMPMessage.Rejected {
        if error.reason == .tooLarge {
            return .init(tag: tag, reason: .eventTooLarge, specificCode: error.reason.rawValue, message: clip(error.message))
        }
        if let json = error.jsonError {
            return .init(tag: tag, reason: .eventMalformed, specificCode: json.reason.rawValue,
                         message: clip(json.message), location: "byte \(json.offset)")
        }
        return .init(tag: tag, reason: .eventMalformed, specificCode: error.reason.rawValue, message: clip(error.message),
                     location: error.attribute.map { "/\($0)" } ?? "")
    }

    /// The `signature.*` category of a trust failure, with the trust code as the specific code.
    static func rejection(tag: UInt64, trust error: TrustError) -> GMPMessage.Rejected {
        let reason: ReasonCode = switch error.reason {
        case .unsigned: .signatureMissing
        case .agencyMismatch, .sourceNotAgency: .signatureAgencyMismatch
        case .expired, .notYetValid, .revoked, .unknownCA, .keyUsage, .basicConstraints, .pathLength, .crlMissing,
             .crlInvalid, .chainInvalid, .noAgency, .agencyAmbiguous, .unknownAgency, .unknownSigner:
            .signatureCertificateInvalid
        case .malformedEvent: .eventMalformed
        case .configuration, .internalError: .brokerInternal
        default: .signatureInvalid
        }
        let location = reason == .signatureAgencyMismatch ? "/source" : "/gerbangjws"
        return .init(tag: tag, reason: reason, specificCode: error.reason.rawValue, message: clip(error.message),
                     location: location)
    }

    /// `schema.unknown-type` or `schema.violation` with `schema.keyword.<keyword>`.
    static func rejection(tag: UInt64, schema error: EventValidationError, more: Int) -> GMPMessage.Rejected {
        let suffix = more > 0 ? " (and \(more) more)" : ""
        switch error.reason {
        case .unknownType, .unknownVersion, .invalidDataSchema:
            return .init(tag: tag, reason: .schemaUnknownType, specificCode: "schema.unknown-type",
                         message: clip(error.message), location: error.instanceLocation.isEmpty ? "/type" : error.instanceLocation)
        case .notAnEvent:
            return .init(tag: tag, reason: .eventMalformed, specificCode: error.reason.rawValue, message: clip(error.message))
        case .violation, .nikMismatch:
            let keyword = error.keyword.lowercased().filter { $0.isLetter || $0.isNumber }
            let code = error.reason == .nikMismatch ? error.reason.rawValue
                : (keyword.isEmpty ? "schema.violation" : "schema.keyword.\(keyword)")
            return .init(tag: tag, reason: .schemaViolation, specificCode: code,
                         message: clip("\(error.keywordLocation): \(error.message)\(suffix)"),
                         location: clip(error.instanceLocation, to: 1_024))
        }
    }

    /// Keeps a text within a GMP text field's limit (on a character boundary).
    static func clip(_ text: String, to limit: Int = 4_096) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        for character in text {
            if result.utf8.count + character.utf8.count > limit { break }
            result.append(character)
        }
        return result
    }
}
