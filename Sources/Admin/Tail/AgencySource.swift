/// The agency named by an event's `source` (`urn:gerbang:agency:<id>[:…]` or
/// `/agencies/<id>[/…]`, see `Config/agencies.yaml`), or the source itself when it has neither form.
public enum AgencySource {
    /// `urn:gerbang:agency:dukcapil:siak-kota-semarang` → `dukcapil`.
    public static func agency(of source: String) -> String {
        let urn = "urn:gerbang:agency:"
        if source.hasPrefix(urn) {
            return String(source.dropFirst(urn.count).split(separator: ":", omittingEmptySubsequences: false).first ?? "")
        }
        let path = "/agencies/"
        if source.hasPrefix(path) {
            return String(source.dropFirst(path.count).split(separator: "/", omittingEmptySubsequences: false).first ?? "")
        }
        return source
    }
}
