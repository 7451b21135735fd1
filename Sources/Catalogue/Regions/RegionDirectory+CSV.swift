import Foundation

extension RegionDirectory {
    /// Loads the list from a CSV file with the header `kode,nama,tingkat` (see ``init(csv:)``).
    ///
    /// Throws `regions.unreadable` when the file cannot be read, or any error of ``init(csv:)``.
    public convenience init(contentsOfFile path: String) throws(RegionDirectoryError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RegionDirectoryError(.unreadable, "cannot read the region list at \(path): \(error.localizedDescription)")
        }
        try self.init(csv: data)
    }

    /// Parses the list from CSV bytes: a header `kode,nama,tingkat`, then one row per region with
    /// the dotted code, the name (quoted when it contains a comma) and the level.
    ///
    /// Only the code and the level are kept: the code is the text before the first comma and the
    /// level the text after the last one, so names never need unquoting. Every row is checked:
    /// the level must match the code's shape, each code's enclosing region must be listed before
    /// it (the list is ordered top-down) and no code may repeat. Both `\n` and `\r\n` line ends
    /// are accepted.
    public convenience init(csv: some Collection<UInt8>) throws(RegionDirectoryError) {
        var provinces = Set<Int>(minimumCapacity: 64)
        var regencies = Set<Int>(minimumCapacity: 1_024)
        var districts = Set<Int>(minimumCapacity: 8_192)
        var villages = Set<Int>(minimumCapacity: 90_000)
        let bytes = Array(csv)
        var lineNumber = 0
        var lineStart = 0
        var failure: RegionDirectoryError?
        bytes.withUnsafeBufferPointer { buffer in
            while lineStart < buffer.count, failure == nil {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let nextStart = lineEnd + 1
                if lineEnd > lineStart, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                lineNumber += 1
                defer { lineStart = nextStart }
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
                if lineNumber == 1 {
                    if !line.elementsEqual("kode,nama,tingkat".utf8) {
                        failure = RegionDirectoryError(.badHeader, "the header must be kode,nama,tingkat", line: 1)
                    }
                    continue
                }
                if line.isEmpty { continue }
                guard let firstComma = line.firstIndex(of: UInt8(ascii: ",")),
                      let lastComma = line.lastIndex(of: UInt8(ascii: ",")), lastComma > firstComma,
                      let code = RegionCode.parse(dotted: UnsafeBufferPointer(rebasing: line[..<firstComma]))
                else {
                    failure = RegionDirectoryError(.malformedRow, "expected a dotted code, a name and a level", line: lineNumber)
                    continue
                }
                let levelText = String(decoding: UnsafeBufferPointer(rebasing: line[(lastComma + 1)...]), as: UTF8.self)
                guard RegionLevel(rawValue: levelText) == code.level else {
                    failure = RegionDirectoryError(.levelMismatch, "level \"\(levelText)\" does not match code \(code)", line: lineNumber)
                    continue
                }
                if let parent = code.parent {
                    let parentKnown = switch parent.level {
                    case .province: provinces.contains(parent.packed)
                    case .regency: regencies.contains(parent.packed)
                    case .district: districts.contains(parent.packed)
                    case .village: false
                    }
                    guard parentKnown else {
                        failure = RegionDirectoryError(.missingParent, "\(code) is listed before its enclosing region \(parent)", line: lineNumber)
                        continue
                    }
                }
                let inserted = switch code.level {
                case .province: provinces.insert(code.packed).inserted
                case .regency: regencies.insert(code.packed).inserted
                case .district: districts.insert(code.packed).inserted
                case .village: villages.insert(code.packed).inserted
                }
                if !inserted {
                    failure = RegionDirectoryError(.duplicateCode, "\(code) is listed twice", line: lineNumber)
                }
            }
        }
        if let failure { throw failure }
        if provinces.isEmpty { throw RegionDirectoryError(.empty, "the region list has no rows") }
        self.init(provinces: provinces, regencies: regencies, districts: districts, villages: villages)
    }
}
