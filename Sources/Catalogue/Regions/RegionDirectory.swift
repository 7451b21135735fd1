/// The Kemendagri list of administrative regions (kode wilayah): which codes exist at which level.
///
/// Loaded once from the reference CSV (`Config/reference/wilayah-kemendagri-2025.csv`, see
/// ``init(contentsOfFile:)``) and then only read: each level's codes are a `Set` of packed
/// integers (``RegionCode/packed``), so a lookup is one hash of an `Int`, with no string work.
///
/// `Sendable`: immutable after initialisation; its stored properties are `let` sets of integers.
public final class RegionDirectory: Sendable {
    /// The default location of the list, relative to the repository root (or working directory).
    public static let defaultRelativePath = "Config/reference/wilayah-kemendagri-2025.csv"

    private let provinces: Set<Int>
    private let regencies: Set<Int>
    private let districts: Set<Int>
    private let villages: Set<Int>

    /// Creates a directory from codes already grouped by level (codes packed as in ``RegionCode``).
    public init(provinces: Set<Int>, regencies: Set<Int>, districts: Set<Int>, villages: Set<Int>) {
        self.provinces = provinces
        self.regencies = regencies
        self.districts = districts
        self.villages = villages
    }

    /// True when `code` exists (at its own level).
    @inlinable
    public func contains(_ code: RegionCode) -> Bool {
        contains(packed: code.packed, level: code.level)
    }

    /// True when the dotted `code` (e.g. `"33.74.04"`) exists at `level`.
    public func contains(dotted code: String, level: RegionLevel) -> Bool {
        guard let parsed = RegionCode(dotted: code), parsed.level == level else { return false }
        return contains(parsed)
    }

    /// True when the packed code exists at `level` (`3374` at ``RegionLevel/regency`` is Kota Semarang).
    public func contains(packed: Int, level: RegionLevel) -> Bool {
        switch level {
        case .province: provinces.contains(packed)
        case .regency: regencies.contains(packed)
        case .district: districts.contains(packed)
        case .village: villages.contains(packed)
        }
    }

    /// The number of codes listed at `level`.
    public func count(at level: RegionLevel) -> Int {
        switch level {
        case .province: provinces.count
        case .regency: regencies.count
        case .district: districts.count
        case .village: villages.count
        }
    }
}
