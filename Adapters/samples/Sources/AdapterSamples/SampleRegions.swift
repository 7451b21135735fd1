import Foundation

/// The villages of a few regencies from the Kemendagri list, to place sample people in real
/// regions (their NIK, KK and address then pass the catalogue's checks).
///
/// `Sendable`: immutable arrays of strings.
public struct SampleRegions: Sendable {
    /// Village codes (`33.74.01.1001`) of the chosen regencies, in list order.
    public let villages: [String]
    /// Names of the chosen regencies' towns, by regency code (`33.74` → `Kota Semarang`), for birth places.
    public let regencyNames: [String: String]

    /// Regencies used by default: Kota Semarang, Kabupaten Klaten, Kota Surabaya, Kabupaten Bandung,
    /// Kota Kupang, Kota Medan.
    public static let defaultRegencies = ["33.74", "33.10", "35.78", "32.04", "53.71", "12.71"]

    /// Reads the villages of `regencies` from the region list CSV (`kode,nama,tingkat`).
    public init(regionListPath: String, regencies: [String] = SampleRegions.defaultRegencies) throws {
        let text = try String(contentsOfFile: regionListPath, encoding: .utf8)
        var villages: [String] = []
        var names: [String: String] = [:]
        let wanted = Set(regencies)
        for line in text.split(whereSeparator: \.isNewline) {
            guard line.count >= 5 else { continue }
            let regency = String(line.prefix(5))
            guard wanted.contains(regency) else { continue }
            let code = line.prefix { $0 != "," }
            if code.count == 13 {
                villages.append(String(code))
            } else if code.count == 5 {
                let name = line.dropFirst(6).split(separator: ",").first.map(String.init) ?? regency
                names[regency] = name.replacingOccurrences(of: "Kabupaten ", with: "").replacingOccurrences(of: "Kota ", with: "")
            }
        }
        guard !villages.isEmpty else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no villages of \(regencies) in \(regionListPath)"])
        }
        self.villages = villages
        regencyNames = names
    }
}
