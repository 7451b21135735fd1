import GerbangJSON

extension CloudEvent {
    /// Parses and validates one event in structured JSON mode.
    ///
    /// The size limit is checked before parsing; the JSON must be strict (see ``JSONParser``)
    /// and an object; then the attribute rules of ``CloudEvent`` apply, first failure reported.
    public init(parsing bytes: UnsafeRawBufferPointer, limits: EnvelopeLimits = .default) throws(EnvelopeError) {
        guard bytes.count <= limits.maxEventBytes else {
            throw EnvelopeError(reason: .tooLarge, attribute: nil,
                                message: "event is \(bytes.count) bytes; the limit is \(limits.maxEventBytes)")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, options: limits.json)
        } catch {
            throw EnvelopeError(reason: .invalidJSON, attribute: nil, message: error.description, jsonError: error)
        }
        guard let object = value.objectValue else {
            throw EnvelopeError(reason: .notAnObject, attribute: nil, message: "a structured-mode event is a JSON object")
        }
        try self.init(object: object)
    }

    /// Parses and validates one event from an array of bytes.
    public init(parsing bytes: [UInt8], limits: EnvelopeLimits = .default) throws(EnvelopeError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(EnvelopeError) -> CloudEvent in try CloudEvent(parsing: buffer, limits: limits) }
        }
        self = try result.get()
    }

    /// Parses and validates one event from any collection of bytes (for example `Data`).
    public init(parsing bytes: some Collection<UInt8>, limits: EnvelopeLimits = .default) throws(EnvelopeError) {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(EnvelopeError) -> CloudEvent in
                try CloudEvent(parsing: UnsafeRawBufferPointer(buffer), limits: limits)
            }
        }
        if let result {
            self = try result.get()
        } else {
            try self.init(parsing: Array(bytes), limits: limits)
        }
    }

    /// Parses and validates one event from its JSON text.
    public init(parsing text: String, limits: EnvelopeLimits = .default) throws(EnvelopeError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }
}
