/// The columns of a civil-registration export (the layout of `Adapters/dukcapil/README.md`).
///
/// Names follow the SIAK (Sistem Informasi Administrasi Kependudukan) export conventions. Header
/// names are matched without regard to case or surrounding spaces; columns may come in any order
/// and unknown columns are ignored.
///
/// `Sendable`: a plain enum.
public enum ExportColumn: String, Sendable, Hashable, CaseIterable {
    /// Jenis peristiwa: `LAHIR` (birth), `MATI` (death) or `PINDAH` (move).
    case eventKind = "JENIS_PERISTIWA"
    /// Nomor dokumen: akta kelahiran, akta kematian or SKPWNI number.
    case documentNumber = "NO_DOKUMEN"
    /// Tanggal pencatatan: the day the registry recorded the event.
    case registeredOn = "TGL_CATAT"
    /// NIK of the person the event is about (the child, the deceased, the person moving).
    case nik = "NIK"
    /// Nomor kartu keluarga (for a move: the family card before the move).
    case kk = "NO_KK"
    /// Nama lengkap.
    case fullName = "NAMA_LGKP"
    /// Tempat lahir.
    case birthPlace = "TMPT_LHR"
    /// Tanggal lahir.
    case birthDate = "TGL_LHR"
    /// Jenis kelamin: `LAKI-LAKI` / `L` / `1` or `PEREMPUAN` / `P` / `2`.
    case sex = "JENIS_KLMIN"
    /// Alamat (for a move: the address before the move).
    case street = "ALAMAT"
    /// Rukun tetangga, up to three digits.
    case rt = "NO_RT"
    /// Rukun warga, up to three digits.
    case rw = "NO_RW"
    /// Kode wilayah desa/kelurahan, dotted (`33.74.01.1007`).
    case villageCode = "KODE_WILAYAH"
    /// Kode pos.
    case postalCode = "KODE_POS"
    /// Birth: the child's position among the mother's children.
    case birthOrder = "ANAK_KE"
    /// Birth: the mother's NIK.
    case motherNIK = "NIK_IBU"
    /// Birth: the mother's name.
    case motherName = "NAMA_IBU"
    /// Birth: the father's NIK (optional).
    case fatherNIK = "NIK_AYAH"
    /// Birth: the father's name (optional).
    case fatherName = "NAMA_AYAH"
    /// Death: tanggal kematian.
    case dateOfDeath = "TGL_MATI"
    /// Death: tempat kematian (optional).
    case placeOfDeath = "TMPT_MATI"
    /// Move: the new family card number.
    case newKK = "NO_KK_BARU"
    /// Move: the new street address.
    case newStreet = "ALAMAT_TUJUAN"
    /// Move: the new RT.
    case newRT = "NO_RT_TUJUAN"
    /// Move: the new RW.
    case newRW = "NO_RW_TUJUAN"
    /// Move: the new village code.
    case newVillageCode = "KODE_WILAYAH_TUJUAN"
    /// Move: the new postal code.
    case newPostalCode = "KODE_POS_TUJUAN"
    /// Move: alasan pindah (`PEKERJAAN`, `PENDIDIKAN`, `KELUARGA`, `PERUMAHAN`, `KESEHATAN`, `KEAMANAN`, `LAINNYA`).
    case moveReason = "ALASAN_PINDAH"
    /// Move: the date the move takes effect.
    case moveDate = "TGL_PINDAH"
    /// Move: NIKs of the family members moving along, separated by `;` or spaces.
    case accompanyingNIKs = "NIK_PENGIKUT"

    /// The columns every export must have in its header, whatever the events it holds.
    public static let requiredInHeader: [ExportColumn] = [.eventKind, .documentNumber, .registeredOn, .nik]
}
