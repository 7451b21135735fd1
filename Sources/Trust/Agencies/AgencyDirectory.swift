import Foundation
import Yams

/// The agencies Gerbang knows, read from `Config/agencies.yaml`.
///
/// The file is a mapping under `agencies:` from agency id to its properties; `name` is required,
/// other keys (such as the CURVE public key added by the broker) are ignored here:
///
/// ```yaml
/// agencies:
///   dukcapil:
///     name: Direktorat Jenderal Kependudukan dan Pencatatan Sipil
/// ```
///
/// `Sendable`: a value type.
public struct AgencyDirectory: Sendable {
    /// The default location, relative to the repository root.
    public static let defaultPath = "Config/agencies.yaml"

    /// The agencies by id.
    public let agencies: [String: Agency]

    /// A directory of the given agencies.
    public init(_ agencies: [Agency]) {
        self.agencies = Dictionary(agencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Parses the YAML text of an agencies file.
    public init(yaml: String) throws(TrustError) {
        let root: Any?
        do {
            root = try Yams.load(yaml: yaml)
        } catch {
            throw TrustError(.configuration, "agencies file is not valid YAML: \(error)")
        }
        guard let top = root as? [String: Any], let entries = top["agencies"] as? [String: Any] else {
            throw TrustError(.configuration, "agencies file must have a mapping `agencies:` of id to properties")
        }
        var agencies: [Agency] = []
        for (id, value) in entries {
            guard Agency.isValidID(id) else {
                throw TrustError(.configuration, "agency id \"\(id)\" is not valid (a-z, 0-9, -)")
            }
            guard let properties = value as? [String: Any], let name = properties["name"] as? String else {
                throw TrustError(.configuration, "agency \"\(id)\" needs a `name`")
            }
            agencies.append(Agency(id: id, displayName: name))
        }
        self.init(agencies)
    }

    /// Reads an agencies file.
    public init(contentsOf url: URL) throws(TrustError) {
        try self.init(yaml: String(decoding: readFile(url), as: UTF8.self))
    }

    /// The agency with `id`, or nil.
    public subscript(id: String) -> Agency? { agencies[id] }
}
