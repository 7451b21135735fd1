import Foundation

/// Reads a whole file, as a `trust.configuration` error when it cannot be read.
func readFile(_ url: URL) throws(TrustError) -> [UInt8] {
    do {
        return Array(try Data(contentsOf: url))
    } catch {
        throw TrustError(.configuration, "cannot read \(url.path): \(error.localizedDescription)")
    }
}
