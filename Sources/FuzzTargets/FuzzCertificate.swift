import Trust

/// Loads the input as certificates (`Certificate.all(pem:)` and `Certificate(der:)`) and as a
/// certificate revocation list (`CertificateRevocationList(bytes:)`), then reads every property
/// Gerbang reads from a certificate: names, serial, validity, key usage, the agency it names,
/// its public key and self-signature, and its PEM and DER forms.
///
/// Checks: loading throws only `TrustError`; a loaded certificate's PEM form loads again.
/// Accepted means a certificate or a CRL loaded.
@discardableResult
public func fuzzCertificate(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    var certificates: [Certificate] = []
    do {
        certificates += try Certificate.all(pem: data)
    } catch {
        _ = error.description
    }
    do {
        certificates.append(try Certificate(der: data))
    } catch {
        _ = error.description
    }
    for certificate in certificates {
        inspect(certificate)
    }
    do {
        let crl = try CertificateRevocationList(bytes: data)
        _ = (crl.issuer, crl.lastUpdate, crl.nextUpdate, crl.revokedSerials)
        _ = try? crl.pem()
        return .accepted
    } catch {
        _ = error.description
    }
    return certificates.isEmpty ? .rejected : .accepted
}

/// Reads everything Gerbang reads from a certificate.
private func inspect(_ certificate: Certificate) {
    _ = (certificate.subject, certificate.issuer, certificate.serialHex, certificate.notBefore, certificate.notAfter)
    _ = (certificate.allowsDigitalSignature, certificate.isCA, certificate.isSelfSigned)
    _ = (certificate.uriSubjectAlternativeNames, certificate.organizationIdentifiers, certificate.sha256Thumbprint)
    _ = try? AgencyIdentity.agencyID(of: certificate)
    if let key = try? certificate.publicKey() {
        _ = (key.type, try? key.der())
    }
    _ = try? certificate.isSigned(by: certificate)
    let der = certificate.der
    if !der.isEmpty {
        _ = try? Certificate(der: der)
    }
    do {
        let pem = try certificate.pem()
        do {
            _ = try Certificate(pem: Array(pem.utf8))
        } catch {
            fuzzInvariant(false, "the PEM form of a loaded certificate does not load: \(error.reason.rawValue)")
        }
    } catch {
        _ = error.description
    }
}
