/// A URI reference split into its RFC 3986 components, with reference resolution (§5.2).
///
/// Only what JSON Schema needs: parsing, resolving a reference against a base, and
/// recomposing. Percent-encoding is left as written.
struct URIReference: Hashable, Sendable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits `text` following the regular expression of RFC 3986 appendix B (scanning UTF-8
    /// bytes: the delimiters are ASCII).
    init(_ text: String) {
        let utf8 = text.utf8
        var end = utf8.endIndex
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(text[utf8.index(after: hash)...])
            end = hash
        }
        if let question = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) {
            query = String(text[utf8.index(after: question)..<end])
            end = question
        }
        var start = utf8.startIndex
        if let delimiter = utf8[..<end].firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }),
            utf8[delimiter] == UInt8(ascii: ":"), delimiter != start, ASCII.isAlpha(utf8[start])
        {
            scheme = String(text[start..<delimiter])
            start = utf8.index(after: delimiter)
        }
        let rest = utf8[start..<end]
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = utf8.index(start, offsetBy: 2)
            let authorityEnd = utf8[afterSlashes..<end].firstIndex(of: UInt8(ascii: "/")) ?? end
            authority = String(text[afterSlashes..<authorityEnd])
            start = authorityEnd
        }
        path = String(text[start..<end])
    }

    /// True when the reference has a scheme (it is an absolute URI, possibly with a fragment).
    var isAbsolute: Bool { scheme != nil }

    /// The reference without its fragment.
    var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// Resolves `reference` against this base (RFC 3986 §5.2.2, strict).
    func resolving(_ reference: URIReference) -> URIReference {
        var target = URIReference("")
        if let scheme = reference.scheme {
            target.scheme = scheme
            target.authority = reference.authority
            target.path = Self.removeDotSegments(reference.path)
            target.query = reference.query
        } else {
            if reference.authority != nil {
                target.authority = reference.authority
                target.path = Self.removeDotSegments(reference.path)
                target.query = reference.query
            } else {
                if reference.path.isEmpty {
                    target.path = path
                    target.query = reference.query ?? query
                } else {
                    if reference.path.hasPrefix("/") {
                        target.path = Self.removeDotSegments(reference.path)
                    } else {
                        target.path = Self.removeDotSegments(merge(reference.path))
                    }
                    target.query = reference.query
                }
                target.authority = authority
            }
            target.scheme = scheme
        }
        target.fragment = reference.fragment
        return target
    }

    private func merge(_ referencePath: String) -> String {
        if authority != nil && path.isEmpty { return "/" + referencePath }
        guard let slash = path.lastIndex(of: "/") else { return referencePath }
        return String(path[...slash]) + referencePath
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ input: String) -> String {
        guard input.contains(".") else { return input }
        var inputBuffer = Substring(input)
        var output: [Substring] = []
        while !inputBuffer.isEmpty {
            if inputBuffer.hasPrefix("../") {
                inputBuffer = inputBuffer.dropFirst(3)
            } else if inputBuffer.hasPrefix("./") {
                inputBuffer = inputBuffer.dropFirst(2)
            } else if inputBuffer.hasPrefix("/./") {
                inputBuffer = inputBuffer.dropFirst(2)
            } else if inputBuffer == "/." {
                inputBuffer = "/"
            } else if inputBuffer.hasPrefix("/../") {
                inputBuffer = inputBuffer.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if inputBuffer == "/.." {
                inputBuffer = "/"
                if !output.isEmpty { output.removeLast() }
            } else if inputBuffer == "." || inputBuffer == ".." {
                inputBuffer = ""
            } else {
                let searchStart = inputBuffer.hasPrefix("/") ? inputBuffer.index(after: inputBuffer.startIndex) : inputBuffer.startIndex
                let end = inputBuffer[searchStart...].firstIndex(of: "/") ?? inputBuffer.endIndex
                output.append(inputBuffer[..<end])
                inputBuffer = inputBuffer[end...]
            }
        }
        return output.joined()
    }

    /// The recomposed reference (RFC 3986 §5.3).
    var text: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }
}

extension URIReference {
    /// Decodes `%XX` escapes (as UTF-8); returns nil for a malformed escape or invalid UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = utf8.next().flatMap(hexValue), let low = utf8.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
