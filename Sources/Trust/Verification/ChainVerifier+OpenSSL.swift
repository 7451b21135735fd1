import COpenSSL
import Foundation

extension ChainVerifier {
    /// Runs `X509_verify_cert` and the checks OpenSSL leaves to the application.
    func verifyUncached(leaf: Certificate, presented: [Certificate], at time: Date, crls: CRLSet, generation: Int) throws(TrustError) -> VerifiedChain {
        let chain = try verifiedPath(leaf: leaf, presented: presented, at: time, crls: crls)
        let agencyID = try AgencyIdentity.agencyID(of: leaf)
        guard let agency = configuration.agencies[agencyID] else {
            throw TrustError(.unknownAgency, "the certificate names agency \"\(agencyID)\", which is not in the agency directory")
        }
        return VerifiedChain(
            leaf: leaf,
            publicKey: try leaf.publicKey(),
            agency: agency,
            subjects: chain.map(\.subject),
            validUntil: chain.map(\.notAfter).min() ?? leaf.notAfter,
            crlGeneration: generation
        )
    }

    /// The X.509 part of a signer check, without the agency binding: `X509_verify_cert` at `time`
    /// (with the CRLs as configured), then the leaf must not be a CA and must allow
    /// digitalSignature. Returns the chain, leaf first, trust anchor last.
    func verifiedPath(leaf: Certificate, presented: [Certificate], at time: Date, crls: CRLSet) throws(TrustError) -> [Certificate] {
        let context = try StoreContext()
        let untrusted = try CertificateStack(configuration.intermediates + presented)
        // X509_STORE_CTX_init(3): the store, leaf and untrusted stack are borrowed and must outlive
        // the context; `store`, `leaf` and `untrusted` are held until this function returns.
        try ssl("X509_STORE_CTX_init", X509_STORE_CTX_init(context.pointer, store.pointer, leaf.pointer, untrusted.pointer))
        let parameters = X509_STORE_CTX_get0_param(context.pointer)
        X509_VERIFY_PARAM_set_time(parameters, time_t(time.timeIntervalSince1970.rounded(.down)))
        if configuration.crlDirectory != nil, configuration.crlPolicy != .none {
            X509_STORE_CTX_set0_crls(context.pointer, crls.stack)
            var flags = UInt(X509_V_FLAG_CRL_CHECK)
            if configuration.crlPolicy == .chain { flags |= UInt(X509_V_FLAG_CRL_CHECK_ALL) }
            X509_VERIFY_PARAM_set_flags(parameters, flags)
        }
        let verified = X509_verify_cert(context.pointer)
        ERR_clear_error()
        guard verified == 1 else { throw chainError(context) }

        guard let chainStack = X509_STORE_CTX_get1_chain(context.pointer) else {
            throw TrustError(.internalError, OpenSSLError(call: "X509_STORE_CTX_get1_chain"))
        }
        defer { c_gerbang_ssl_sk_X509_pop_free(chainStack) }
        let chain = (0..<c_gerbang_ssl_sk_X509_num(chainStack)).compactMap { index in
            c_gerbang_ssl_sk_X509_value(chainStack, index).map { Certificate(sharing: $0) }
        }

        guard !leaf.isCA else {
            throw TrustError(.basicConstraints, "the signer certificate \(leaf.subject) is a CA certificate")
        }
        guard leaf.allowsDigitalSignature else {
            throw TrustError(.keyUsage, "the signer certificate \(leaf.subject) lacks keyUsage digitalSignature")
        }
        return chain
    }

    /// The reason code for the error `X509_verify_cert` stopped at.
    private func chainError(_ context: StoreContext) -> TrustError {
        let code = X509_STORE_CTX_get_error(context.pointer)
        let depth = X509_STORE_CTX_get_error_depth(context.pointer)
        let subject = X509_STORE_CTX_get_current_cert(context.pointer).map { Certificate.format(X509_get_subject_name($0)) } ?? "?"
        let text = String(cString: X509_verify_cert_error_string(Int(code)))
        let reason: TrustReason = switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: .expired
        case X509_V_ERR_CERT_NOT_YET_VALID: .notYetValid
        case X509_V_ERR_CERT_REVOKED: .revoked
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
             X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
             X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_CERT_UNTRUSTED:
            .unknownCA
        case X509_V_ERR_INVALID_CA, X509_V_ERR_INVALID_NON_CA: .basicConstraints
        case X509_V_ERR_PATH_LENGTH_EXCEEDED, X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED, X509_V_ERR_CERT_CHAIN_TOO_LONG: .pathLength
        case X509_V_ERR_KEYUSAGE_NO_CERTSIGN, X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE: .keyUsage
        case X509_V_ERR_UNABLE_TO_GET_CRL, X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER: .crlMissing
        case X509_V_ERR_CRL_HAS_EXPIRED, X509_V_ERR_CRL_NOT_YET_VALID, X509_V_ERR_CRL_SIGNATURE_FAILURE,
             X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE, X509_V_ERR_KEYUSAGE_NO_CRL_SIGN, X509_V_ERR_DIFFERENT_CRL_SCOPE:
            .crlInvalid
        default: .chainInvalid
        }
        return TrustError(reason, "\(text) (certificate at depth \(depth): \(subject))")
    }
}
