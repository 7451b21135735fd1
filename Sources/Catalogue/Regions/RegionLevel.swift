/// A level of the Kemendagri administrative hierarchy.
///
/// The raw value is the `tingkat` column of the reference list.
/// `Sendable`: a plain enum.
public enum RegionLevel: String, Sendable, Hashable, CaseIterable {
    /// Province (provinsi), code `NN`, e.g. `33`.
    case province = "provinsi"
    /// Regency or city (kabupaten/kota), code `NN.NN`, e.g. `33.74`. 01-69 kabupaten, 71-99 kota.
    case regency = "kabupaten_kota"
    /// District (kecamatan), code `NN.NN.NN`, e.g. `33.74.04`.
    case district = "kecamatan"
    /// Village (desa, or kelurahan in towns), code `NN.NN.NN.NNNN`, e.g. `33.74.04.1001`.
    case village = "desa_kelurahan"

    /// The number of digits of a code at this level, dots left out (2, 4, 6 or 10).
    public var digitCount: Int {
        switch self {
        case .province: 2
        case .regency: 4
        case .district: 6
        case .village: 10
        }
    }

    /// The level whose codes have `digitCount` digits, or nil.
    public init?(digitCount: Int) {
        switch digitCount {
        case 2: self = .province
        case 4: self = .regency
        case 6: self = .district
        case 10: self = .village
        default: return nil
        }
    }

    /// The level directly above, or nil for a province.
    public var parent: RegionLevel? {
        switch self {
        case .province: nil
        case .regency: .province
        case .district: .regency
        case .village: .district
        }
    }
}
