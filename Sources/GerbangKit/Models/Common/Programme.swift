/// A social assistance programme (`common/socialaid#programme`). `Sendable`: a plain enum.
public enum Programme: String, Codable, Sendable, Hashable, CaseIterable {
    /// Program Keluarga Harapan (conditional cash transfer).
    case pkh = "PKH"
    /// Bantuan Pangan Non Tunai / Sembako (food assistance).
    case bpnt = "BPNT"
    /// Bantuan Langsung Tunai (direct cash).
    case blt = "BLT"
    /// Health insurance premiums paid by the state.
    case pbiJK = "PBI-JK"
}
