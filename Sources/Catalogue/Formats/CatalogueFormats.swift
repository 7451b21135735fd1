import JSONSchema

/// The catalogue's own `format` values, as checkers for the JSON Schema validator.
///
/// | format | rule |
/// |---|---|
/// | `nik` | ``NIKFormat`` |
/// | `kk` | ``KKFormat`` |
/// | `kode-wilayah`, `kode-wilayah-provinsi`, `-kabupaten`, `-kecamatan`, `-desa` | ``RegionCodeFormat`` |
///
/// Each checker only reads the shared, immutable ``RegionDirectory`` and allocates nothing, so it
/// may run on any thread for every message.
public enum CatalogueFormats {
    /// The names of every format this type provides.
    public static let names: [String] =
        [NIKFormat.name, KKFormat.name, RegionCodeFormat.anyLevelName] + RegionLevel.allCases.map(RegionCodeFormat.name(for:))

    /// The checkers, by format name, backed by `regions`.
    public static func checkers(regions: RegionDirectory) -> [String: FormatChecker] {
        var checkers: [String: FormatChecker] = [
            NIKFormat.name: FormatChecker { NIKFormat.check($0, regions: regions) == nil },
            KKFormat.name: FormatChecker { KKFormat.check($0, regions: regions) == nil },
            RegionCodeFormat.anyLevelName: FormatChecker { RegionCodeFormat.check($0, level: nil, regions: regions) == nil },
        ]
        for level in RegionLevel.allCases {
            checkers[RegionCodeFormat.name(for: level)] = FormatChecker {
                RegionCodeFormat.check($0, level: level, regions: regions) == nil
            }
        }
        return checkers
    }
}
