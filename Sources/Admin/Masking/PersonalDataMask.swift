import Foundation

/// Masks personal data for operators who may not see it (`docs/admin.md`, "Masking"):
///
/// - a NIK-like number (a run of exactly 16 digits) keeps its first 4 and last 2 digits:
///   `3201234567890101` → `3201**********01`;
/// - a name (a string under a key containing `name` or `nama`, any case) becomes its initials:
///   `Siti Aminah` → `S. A.`.
///
/// Stateless.
public enum PersonalDataMask {
    /// Masks every NIK-like digit run in `text`.
    public static func maskNIKs(in text: String) -> String {
        var result = ""
        var digits = ""
        func flush() {
            if digits.count == 16 {
                result += digits.prefix(4) + String(repeating: "*", count: 10) + digits.suffix(2)
            } else {
                result += digits
            }
            digits = ""
        }
        for character in text {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// `Siti Aminah` → `S. A.`.
    public static func initials(of name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
    }

    /// Whether a JSON key holds a name.
    public static func isNameKey(_ key: String) -> Bool {
        let lower = key.lowercased()
        return lower.contains("name") || lower.contains("nama")
    }

    /// A masked copy of a tail line (its subject).
    public static func mask(_ line: TailLine) -> TailLine {
        var line = line
        line.subject = line.subject.map(maskNIKs(in:))
        return line
    }

    /// A masked copy of an event summary (its subject).
    public static func mask(_ summary: EventSummary) -> EventSummary {
        var summary = summary
        summary.subject = summary.subject.map(maskNIKs(in:))
        return summary
    }

    /// The JSON text `body` with names as initials and NIKs masked everywhere (pretty-printed,
    /// keys sorted); non-JSON text gets its NIKs masked.
    public static func maskJSON(_ body: [UInt8], unmask: Bool) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
            let text = String(decoding: body, as: UTF8.self)
            return unmask ? text : maskNIKs(in: text)
        }
        let value = unmask ? object : mask(object, key: nil)
        guard let data = try? JSONSerialization.data(withJSONObject: value,
                                                     options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func mask(_ value: Any, key: String?) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            return dictionary.reduce(into: [String: Any]()) { $0[$1.key] = mask($1.value, key: $1.key) }
        case let array as [Any]:
            return array.map { mask($0, key: key) }
        case let text as String:
            if let key, isNameKey(key) { return initials(of: text) }
            return maskNIKs(in: text)
        default:
            return value
        }
    }
}
