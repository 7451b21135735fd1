extension TypeGlob {
    /// Whether `type` matches this glob (see ``TypeGlob`` for the rules).
    public func matches(_ type: String) -> Bool {
        let typeSegments = type.split(separator: ".", omittingEmptySubsequences: false)
        return Self.match(segments[...], typeSegments[...])
    }

    /// Matches glob segments against type segments; `**` backtracks over the type's segments.
    private static func match(_ globs: ArraySlice<Segment>, _ parts: ArraySlice<Substring>) -> Bool {
        var globs = globs
        var parts = parts
        while let glob = globs.first {
            switch glob {
            case .anySegments:
                let rest = globs.dropFirst()
                if rest.isEmpty { return true }
                // Try every split: `**` takes 0, 1, … of the remaining segments.
                var tail = parts
                while true {
                    if match(rest, tail) { return true }
                    if tail.isEmpty { return false }
                    tail = tail.dropFirst()
                }
            case .literal(let literal):
                guard let part = parts.first, part == literal else { return false }
            case .wildcard(let pieces):
                guard let part = parts.first, wildcard(pieces, matches: part) else { return false }
            }
            globs = globs.dropFirst()
            parts = parts.dropFirst()
        }
        return parts.isEmpty
    }

    /// Matches one segment against `pieces[0] * pieces[1] * … * pieces[n-1]` (n ≥ 2).
    ///
    /// Greedy left-to-right search is exact for single-segment wildcards: each middle piece is
    /// taken at its earliest occurrence, which leaves the most room for the rest.
    private static func wildcard(_ pieces: [String], matches part: Substring) -> Bool {
        guard let first = pieces.first, let last = pieces.last, part.hasPrefix(first) else { return false }
        var rest = part.dropFirst(first.count)
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let range = rest.firstRange(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
