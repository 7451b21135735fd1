/// The `kode-wilayah` formats: a Kemendagri region code in its dotted form that exists in the list.
///
/// A schema states the level by the format's name:
///
/// | format | level | shape |
/// |---|---|---|
/// | `kode-wilayah-provinsi` | province | `NN` |
/// | `kode-wilayah-kabupaten` | regency or city | `NN.NN` |
/// | `kode-wilayah-kecamatan` | district | `NN.NN.NN` |
/// | `kode-wilayah-desa` | village (desa or kelurahan) | `NN.NN.NN.NNNN` |
/// | `kode-wilayah` | any; the level is implied by the shape | any of the above |
///
/// Reasons: `kode-wilayah.malformed` (not one of the shapes), `kode-wilayah.wrong-level` (the
/// shape of another level), `kode-wilayah.unknown` (well formed but not listed).
public enum RegionCodeFormat {
    /// The format name that accepts a code at any level.
    public static let anyLevelName = "kode-wilayah"

    /// The format name for codes at `level`.
    public static func name(for level: RegionLevel) -> String {
        switch level {
        case .province: "kode-wilayah-provinsi"
        case .regency: "kode-wilayah-kabupaten"
        case .district: "kode-wilayah-kecamatan"
        case .village: "kode-wilayah-desa"
        }
    }

    /// The violation, or nil when `text` is a listed code at `level` (at any level when `level` is nil).
    public static func check(_ text: String, level: RegionLevel?, regions: RegionDirectory) -> FormatViolation? {
        guard let code = RegionCode(dotted: text) else {
            return FormatViolation(.regionMalformed, "a region code is dotted: NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN")
        }
        if let level, code.level != level {
            return FormatViolation(.regionWrongLevel, "expected a \(level.rawValue) code, found a \(code.level.rawValue) code")
        }
        guard regions.contains(code) else {
            return FormatViolation(.regionUnknown, "the \(code.level.rawValue) code is not in the Kemendagri list")
        }
        return nil
    }
}
