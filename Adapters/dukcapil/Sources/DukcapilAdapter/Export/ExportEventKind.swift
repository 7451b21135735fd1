import GerbangKit

/// The kinds of civil-registration events an export holds (`JENIS_PERISTIWA`).
///
/// `Sendable`: a plain enum.
public enum ExportEventKind: String, Sendable, Hashable, CaseIterable {
    /// Kelahiran → `population.birth.registered`.
    case birth = "LAHIR"
    /// Kematian → `population.death.registered`.
    case death = "MATI"
    /// Perpindahan → `population.address.changed`.
    case move = "PINDAH"

    /// Reads the column's value: `LAHIR`/`KELAHIRAN`, `MATI`/`KEMATIAN`, `PINDAH`/`PERPINDAHAN`
    /// (any case).
    public init?(exportValue: String) {
        switch exportValue.uppercased() {
        case "LAHIR", "KELAHIRAN": self = .birth
        case "MATI", "KEMATIAN": self = .death
        case "PINDAH", "PERPINDAHAN": self = .move
        default: return nil
        }
    }

    /// The canonical event type the kind maps to.
    public var eventType: String {
        switch self {
        case .birth: BirthRegistered.eventType
        case .death: DeathRegistered.eventType
        case .move: AddressChanged.eventType
        }
    }
}
