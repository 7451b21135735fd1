import Trust

/// One public key per key type, generated once per process, to verify fuzzed signatures with.
private let verificationKeys: [KeyType: PublicKey] = {
    var keys: [KeyType: PublicKey] = [:]
    for type in KeyType.allCases {
        keys[type] = (try? PrivateKey.generate(type))?.publicKey
    }
    return keys
}()

/// The payload fuzzed signatures are checked against.
private let signedPayload = Array(#"{"specversion":"1.0","id":"fuzz"}"#.utf8)

/// Parses the input (as UTF-8 text, the way a `signature` attribute arrives) as a detached
/// compact JWS (`DetachedJWS(compact:)`, default limits), then verifies its signature with a key
/// of the type its `alg` names and with the key of every `x5c` certificate that loads.
///
/// Checks: parsing throws only `TrustError`; a parsed JWS's compact form parses to the same JWS.
@discardableResult
public func fuzzJWS(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    let jws: DetachedJWS
    do {
        jws = try DetachedJWS(compact: String(decoding: data, as: UTF8.self))
    } catch {
        _ = error.description
        return .rejected
    }
    do {
        let reparsed = try DetachedJWS(compact: jws.compact)
        fuzzInvariant(reparsed == jws, "a JWS changes in a compact round trip")
    } catch {
        fuzzInvariant(false, "the compact form of a parsed JWS does not parse: \(error.reason.rawValue)")
    }
    if let key = verificationKeys[jws.header.algorithm.keyType] {
        verify(jws, with: key)
    }
    for der in jws.header.chain ?? [] {
        guard let certificate = try? Certificate(der: der), let key = try? certificate.publicKey() else { continue }
        verify(jws, with: key)
    }
    return .accepted
}

/// Verifies `jws` over the fixed payload; a wrong signature is `false`, a misfit one a `TrustError`.
private func verify(_ jws: DetachedJWS, with key: PublicKey) {
    do {
        _ = try jws.isValid(payload: signedPayload, key: key)
    } catch {
        _ = error.description
    }
}
