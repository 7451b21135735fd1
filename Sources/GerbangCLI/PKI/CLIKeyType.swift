import ArgumentParser
import Trust

/// The key types `gerbang pki issue` offers.
enum CLIKeyType: String, ExpressibleByArgument, CaseIterable {
    case ecP256 = "ec-p256"
    case ed25519

    var keyType: KeyType { self == .ecP256 ? .ecP256 : .ed25519 }
}
