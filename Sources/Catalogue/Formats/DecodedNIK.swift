/// What a valid NIK says about its holder.
///
/// `Sendable`: a value type made of integers and enums.
public struct DecodedNIK: Sendable, Hashable {
    /// The sex a NIK encodes (a day above 40 means female).
    public enum Sex: String, Sendable, Hashable {
        case male
        case female
    }

    /// The district (kecamatan) where the NIK was issued.
    public var district: RegionCode
    /// The holder's sex.
    public var sex: Sex
    /// Day of birth, 1-31 (40 already subtracted for women).
    public var birthDay: Int
    /// Month of birth, 1-12.
    public var birthMonth: Int
    /// Year of birth without its century, 0-99.
    public var birthYearTwoDigits: Int
    /// The serial, 1-9999.
    public var serial: Int
}
