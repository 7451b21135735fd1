import Catalogue
import Foundation

/// Paths and shared data of the repository, found from this file's location.
enum TestRepository {
    /// The repository root (four levels above `Adapters/dukcapil/Tests/DukcapilAdapterTests/`).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private static let sharedRegistry: Result<SchemaRegistry, any Error> = Result {
        try SchemaRegistry(directory: root.appendingPathComponent("Config/schemas").path)
    }
    private static let sharedRegions: Result<RegionDirectory, any Error> = Result {
        try RegionDirectory(contentsOfFile: root.appendingPathComponent(RegionDirectory.defaultRelativePath).path)
    }

    /// The Kemendagri region list.
    static func regions() throws -> RegionDirectory { try sharedRegions.get() }
    /// The catalogue of `Config/schemas`.
    static func registry() throws -> SchemaRegistry { try sharedRegistry.get() }
}

/// A export header with every column, and rows built from named values.
enum SampleExport {
    static let columns = [
        "JENIS_PERISTIWA", "NO_DOKUMEN", "TGL_CATAT", "NIK", "NO_KK", "NAMA_LGKP", "TMPT_LHR", "TGL_LHR", "JENIS_KLMIN",
        "ALAMAT", "NO_RT", "NO_RW", "KODE_WILAYAH", "KODE_POS", "ANAK_KE", "NIK_IBU", "NAMA_IBU", "NIK_AYAH", "NAMA_AYAH",
        "TGL_MATI", "TMPT_MATI", "NO_KK_BARU", "ALAMAT_TUJUAN", "NO_RT_TUJUAN", "NO_RW_TUJUAN", "KODE_WILAYAH_TUJUAN",
        "KODE_POS_TUJUAN", "ALASAN_PINDAH", "TGL_PINDAH", "NIK_PENGIKUT",
    ]

    static var header: String { columns.joined(separator: ",") }

    /// One CSV line with `values` in their columns (quoted when needed), the rest empty.
    static func row(_ values: [String: String]) -> String {
        columns.map { column in
            let value = values[column] ?? ""
            return value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }.joined(separator: ",")
    }

    /// The death of the catalogue example (Siti Aminah, Semarang).
    static let death: [String: String] = [
        "JENIS_PERISTIWA": "MATI", "NO_DOKUMEN": "3374-KM-19112026-0153", "TGL_CATAT": "19-11-2026",
        "NIK": "3374014507580002", "NO_KK": "3374011501140021", "NAMA_LGKP": "Siti Aminah", "TMPT_LHR": "Semarang",
        "TGL_LHR": "05-07-1958", "JENIS_KLMIN": "PEREMPUAN", "TGL_MATI": "17-11-2026", "TMPT_MATI": "RSUP Dr. Kariadi, Semarang",
    ]

    /// The birth of the catalogue example (Surabaya).
    static let birth: [String: String] = [
        "JENIS_PERISTIWA": "LAHIR", "NO_DOKUMEN": "3578-LT-05112026-0087", "TGL_CATAT": "05-11-2026",
        "NIK": "3578020211260001", "NO_KK": "3578021008180009", "NAMA_LGKP": "Muhammad Rizky Pratama", "TMPT_LHR": "Surabaya",
        "TGL_LHR": "02-11-2026", "JENIS_KLMIN": "LAKI-LAKI", "ALAMAT": "Jl. Bendul Merisi Gg. Besar Selatan No. 27",
        "NO_RT": "4", "NO_RW": "002", "KODE_WILAYAH": "35.78.02.1002", "KODE_POS": "60239", "ANAK_KE": "2",
        "NIK_IBU": "3578025804940003", "NAMA_IBU": "Dewi Lestari", "NIK_AYAH": "3578023012910002", "NAMA_AYAH": "Agus Santoso",
    ]

    /// The move of the catalogue example (Bandung → Semarang).
    static let move: [String: String] = [
        "JENIS_PERISTIWA": "PINDAH", "NO_DOKUMEN": "3204-SKPWNI-18112026-0042", "TGL_CATAT": "18-11-2026",
        "NIK": "3204051708880005", "NO_KK": "3204052206150011", "NO_KK_BARU": "3374092511260004",
        "ALAMAT": "Perumahan Bumi Orange Blok C2 No. 14", "NO_RT": "003", "NO_RW": "011", "KODE_WILAYAH": "32.04.05.2004",
        "KODE_POS": "40623", "ALAMAT_TUJUAN": "Jl. Papandayan Raya No. 9", "NO_RT_TUJUAN": "002", "NO_RW_TUJUAN": "005",
        "KODE_WILAYAH_TUJUAN": "33.74.09.1004", "KODE_POS_TUJUAN": "50232", "ALASAN_PINDAH": "PEKERJAAN",
        "TGL_PINDAH": "25-11-2026", "NIK_PENGIKUT": "3204055103900003",
    ]
}
