/// A Kemendagri region code (kode wilayah), packed into an integer.
///
/// The dotted text form is the one Kemendagri publishes: `33` (province), `33.74` (regency or
/// city), `33.74.04` (district), `33.74.04.1001` (village). The packed value is the digits
/// without dots read as a decimal number (`3374041001`); together with the level it identifies
/// the region. Parsing works on UTF-8 bytes and never allocates, so it is cheap enough to run
/// for every message.
///
/// `Sendable`: a value type made of an integer and an enum.
public struct RegionCode: Sendable, Hashable, CustomStringConvertible {
    /// The level the code's shape implies.
    public let level: RegionLevel
    /// The code's digits read as a decimal number.
    public let packed: Int

    /// Creates a code from its level and packed digits. The caller guarantees the digits fit the level.
    public init(level: RegionLevel, packed: Int) {
        self.level = level
        self.packed = packed
    }

    /// Parses the dotted form (`33.74.04.1001`); nil when the text does not have the shape of a
    /// code at any level. Whether the region exists is for ``RegionDirectory`` to say.
    public init?(dotted text: String) {
        var text = text
        let parsed = text.withUTF8 { RegionCode.parse(dotted: $0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses the dotted form from UTF-8 bytes: groups of 2, 2, 2 and 4 digits separated by dots,
    /// with 1 to 4 groups present.
    static func parse(dotted bytes: UnsafeBufferPointer<UInt8>) -> RegionCode? {
        // Lengths of the four accepted shapes: "NN", "NN.NN", "NN.NN.NN", "NN.NN.NN.NNNN".
        let level: RegionLevel
        switch bytes.count {
        case 2: level = .province
        case 5: level = .regency
        case 8: level = .district
        case 13: level = .village
        default: return nil
        }
        var packed = 0
        for (index, byte) in bytes.enumerated() {
            if index == 2 || index == 5 || index == 8 {
                guard byte == UInt8(ascii: ".") else { return nil }
                continue
            }
            guard byte &- UInt8(ascii: "0") < 10 else { return nil }
            packed = packed &* 10 &+ Int(byte &- UInt8(ascii: "0"))
        }
        return RegionCode(level: level, packed: packed)
    }

    /// The code of the enclosing region one level up, or nil for a province.
    public var parent: RegionCode? {
        switch level {
        case .province: nil
        case .regency: RegionCode(level: .province, packed: packed / 100)
        case .district: RegionCode(level: .regency, packed: packed / 100)
        case .village: RegionCode(level: .district, packed: packed / 10_000)
        }
    }

    /// The dotted form, e.g. `33.74.04.1001`.
    public var description: String {
        var digits = String(packed)
        let missing = level.digitCount - digits.count
        if missing > 0 { digits = String(repeating: "0", count: missing) + digits }
        var result = ""
        for (index, character) in digits.enumerated() {
            if index == 2 || index == 4 || index == 6 { result.append(".") }
            result.append(character)
        }
        return result
    }
}
