import Foundation

/// The JSON encoding of the admin protocol: ISO 8601 times with milliseconds, sorted keys.
/// Stateless; each call makes its own coder (Foundation's coders are not `Sendable`).
public enum AdminJSON {
    /// Encodes a protocol value.
    public static func encode<Value: Encodable>(_ value: Value, pretty: Bool = false) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(AdminTime.iso8601(date))
        }
        // Encoding these plain value types cannot fail (no non-finite floats are produced).
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
    }

    /// Decodes a protocol value.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws(AdminError) -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = AdminTime.parseISO8601(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
            }
            return date
        }
        do {
            return try decoder.decode(type, from: Data(bytes))
        } catch {
            throw AdminError(.badRequest, "cannot decode \(Value.self): \(error)")
        }
    }
}
