// C shim for OpenSSL 3. Only the `Trust` module imports this; helpers are prefixed `c_gerbang_ssl_`.
// Macros that Swift cannot import (function-like macros, e.g. sk_X509_num) get inline wrappers here.
#ifndef C_GERBANG_OPENSSL_SHIM_H
#define C_GERBANG_OPENSSL_SHIM_H

#include <string.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

/// The oldest error on this thread's OpenSSL error queue, and clears the queue.
static inline unsigned long c_gerbang_ssl_take_error(void) {
    unsigned long first = ERR_get_error();
    ERR_clear_error();
    return first;
}

// MARK: - Memory

/// `OPENSSL_free` is a macro (it records file and line).
static inline void c_gerbang_ssl_free(void *pointer) { OPENSSL_free(pointer); }

/// `BIO_get_mem_data` is a macro over `BIO_ctrl`: the bytes written to a memory BIO so far.
static inline long c_gerbang_ssl_bio_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

// MARK: - Passphrases

/// A PEM passphrase callback that never prompts: it copies the NUL-terminated passphrase passed as
/// `userdata`, or fails (-1) when there is none, so that an encrypted key without a passphrase is
/// an error instead of a terminal prompt (which OpenSSL's default callback would do).
static inline int c_gerbang_ssl_passphrase_callback(char *buffer, int size, int rwflag, void *userdata) {
    (void)rwflag;
    if (userdata == NULL) return -1;
    size_t length = strlen((const char *)userdata);
    if (length > (size_t)size) return -1;
    memcpy(buffer, userdata, length);
    return (int)length;
}

/// Reads a PEM private key (PKCS#8, encrypted or not, or a traditional format) without ever prompting.
static inline EVP_PKEY *c_gerbang_ssl_read_private_key(BIO *bio, const char *passphrase) {
    return PEM_read_bio_PrivateKey(bio, NULL, c_gerbang_ssl_passphrase_callback, (void *)passphrase);
}

// MARK: - STACK_OF(X509)

static inline STACK_OF(X509) *c_gerbang_ssl_sk_X509_new(void) { return sk_X509_new_null(); }
static inline int c_gerbang_ssl_sk_X509_num(const STACK_OF(X509) *stack) { return sk_X509_num(stack); }
static inline X509 *c_gerbang_ssl_sk_X509_value(const STACK_OF(X509) *stack, int index) {
    return sk_X509_value(stack, index);
}
/// Pushes `cert` and takes one new reference to it (the stack is freed with `..._pop_free`).
static inline int c_gerbang_ssl_sk_X509_push_ref(STACK_OF(X509) *stack, X509 *cert) {
    if (X509_up_ref(cert) != 1) return 0;
    if (sk_X509_push(stack, cert) <= 0) { X509_free(cert); return 0; }
    return 1;
}
/// Frees the stack and releases one reference to each certificate in it.
static inline void c_gerbang_ssl_sk_X509_pop_free(STACK_OF(X509) *stack) { sk_X509_pop_free(stack, X509_free); }

// MARK: - STACK_OF(X509_CRL)

static inline STACK_OF(X509_CRL) *c_gerbang_ssl_sk_X509_CRL_new(void) { return sk_X509_CRL_new_null(); }
/// Pushes `crl` and takes one new reference to it.
static inline int c_gerbang_ssl_sk_X509_CRL_push_ref(STACK_OF(X509_CRL) *stack, X509_CRL *crl) {
    if (X509_CRL_up_ref(crl) != 1) return 0;
    if (sk_X509_CRL_push(stack, crl) <= 0) { X509_CRL_free(crl); return 0; }
    return 1;
}
/// Frees the stack and releases one reference to each CRL in it.
static inline void c_gerbang_ssl_sk_X509_CRL_pop_free(STACK_OF(X509_CRL) *stack) {
    sk_X509_CRL_pop_free(stack, X509_CRL_free);
}

// MARK: - STACK_OF(X509_REVOKED)

static inline int c_gerbang_ssl_sk_X509_REVOKED_num(const STACK_OF(X509_REVOKED) *stack) {
    return stack == NULL ? 0 : sk_X509_REVOKED_num(stack);
}
static inline X509_REVOKED *c_gerbang_ssl_sk_X509_REVOKED_value(const STACK_OF(X509_REVOKED) *stack, int index) {
    return sk_X509_REVOKED_value(stack, index);
}

// MARK: - Subject alternative names

/// The URI subject alternative names of `cert`, each as a newly allocated NUL-terminated string
/// written to `out` (at most `capacity`); returns how many there are in total (which may exceed
/// `capacity`), or -1 on allocation failure. Free each string with `c_gerbang_ssl_free`.
static inline int c_gerbang_ssl_uri_sans(const X509 *cert, char **out, int capacity) {
    GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    if (names == NULL) return 0;
    int found = 0;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
        if (name->type != GEN_URI) continue;
        const ASN1_IA5STRING *uri = name->d.uniformResourceIdentifier;
        if (found < capacity) {
            char *copy = OPENSSL_strndup((const char *)ASN1_STRING_get0_data(uri), (size_t)ASN1_STRING_length(uri));
            if (copy == NULL) {
                for (int j = 0; j < found && j < capacity; j++) OPENSSL_free(out[j]);
                GENERAL_NAMES_free(names);
                return -1;
            }
            out[found] = copy;
        }
        found++;
    }
    GENERAL_NAMES_free(names);
    return found;
}

// MARK: - Names

/// `XN_FLAG_RFC2253` is a composite macro: the flags for `X509_NAME_print_ex` in RFC 2253 form.
static inline unsigned long c_gerbang_ssl_name_flags_rfc2253(void) { return XN_FLAG_RFC2253; }

// MARK: - Certificate building

/// `X509V3_set_ctx_nodb` is a macro.
static inline void c_gerbang_ssl_x509v3_ctx_nodb(X509V3_CTX *ctx) { X509V3_set_ctx_nodb(ctx); }

// MARK: - TLS

/// `SSL_CTX_set_min_proto_version` is a macro over `SSL_CTX_ctrl`.
static inline int c_gerbang_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}
/// `SSL_CTX_add1_chain_cert` is a macro: adds `cert` to the chain sent after the leaf, taking a
/// new reference to it.
static inline int c_gerbang_ssl_ctx_add1_chain_cert(SSL_CTX *ctx, X509 *cert) {
    return (int)SSL_CTX_add1_chain_cert(ctx, cert);
}
/// `SSL_set_tlsext_host_name` is a macro: the SNI name a client sends.
static inline int c_gerbang_ssl_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}
/// The TLS 1.2 protocol version constant (a macro).
static inline int c_gerbang_ssl_tls1_2_version(void) { return TLS1_2_VERSION; }
/// Sets `SSL_OP_IGNORE_UNEXPECTED_EOF` (a function-like macro): a peer closing the TCP connection
/// without close_notify reads as an orderly end (HTTP bodies are delimited by Content-Length).
static inline void c_gerbang_ssl_ctx_ignore_unexpected_eof(SSL_CTX *ctx) {
    SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
}
/// `ERR_GET_REASON` of an error code (a macro in some OpenSSL versions).
static inline int c_gerbang_ssl_error_reason(unsigned long code) { return ERR_GET_REASON(code); }
/// The reason code of "peer did not return a certificate" (a macro).
static inline int c_gerbang_ssl_reason_no_peer_certificate(void) { return SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE; }
/// The reason code of "certificate required" alerts received by a client (TLS 1.3; a macro).
static inline int c_gerbang_ssl_reason_certificate_required(void) { return SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED; }

// MARK: - ECDSA P-256 against a precomputed public key

/// A P-256 group whose generator is the public key of `key` (an EC P-256 `EVP_PKEY`), with
/// OpenSSL's table of precomputed multiples of it; NULL when OpenSSL refuses (the caller then
/// verifies the general way). The table makes `k·Q` as fast as `k·G`: for the P-256 method,
/// `EC_POINT_mul` uses a group's precomputed table when its first entry equals the group's
/// generator (`ecp_nistz256_points_mul`), the same comb that signing uses for `G`. The caller owns
/// the group (`EC_GROUP_free`); it is only read afterwards.
static inline EC_GROUP *c_gerbang_ssl_p256_keyed_group(const EVP_PKEY *key) {
    unsigned char encoded[133];
    size_t length = 0;
    if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, encoded, sizeof encoded, &length) != 1) {
        ERR_clear_error();
        return NULL;
    }
    EC_GROUP *group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    EC_POINT *point = group != NULL ? EC_POINT_new(group) : NULL;
    BN_CTX *context = BN_CTX_new();
    // EC_POINT_oct2point refuses a point that is not on the curve (it sets the coordinates with
    // EC_POINT_set_affine_coordinates, which checks); infinity is refused here.
    int ok = point != NULL && context != NULL
        && EC_POINT_oct2point(group, point, encoded, length, context) == 1
        && EC_POINT_is_at_infinity(group, point) == 0
        && EC_GROUP_set_generator(group, point, EC_GROUP_get0_order(group), EC_GROUP_get0_cofactor(group)) == 1;
    if (ok) {
        // Deprecated in 3.0 with the other low-level EC calls, and still what fills the P-256
        // method's table for a generator that is not the standard one.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        ok = EC_GROUP_precompute_mult(group, context) == 1;
#pragma GCC diagnostic pop
    }
    EC_POINT_free(point);
    BN_CTX_free(context);
    if (!ok) {
        EC_GROUP_free(group);
        ERR_clear_error();
        return NULL;
    }
    return group;
}

/// ECDSA verification (SEC 1 v2, 4.1.4) of a P-256 signature `r‖s` (64 bytes, big-endian) over
/// `digest` (32 bytes of SHA-256), for the public key `keyed` was made from
/// (`c_gerbang_ssl_p256_keyed_group`); `curve` is the standard P-256 group. 1: valid; 0: not
/// valid; -1: OpenSSL failed (the caller verifies the general way).
static inline int c_gerbang_ssl_p256_verify(const EC_GROUP *curve, const EC_GROUP *keyed,
                                            const unsigned char *digest, const unsigned char *signature) {
    int result = -1;
    BN_CTX *context = BN_CTX_new();
    if (context == NULL) return -1;
    BN_CTX_start(context);
    BIGNUM *r = BN_CTX_get(context), *s = BN_CTX_get(context), *e = BN_CTX_get(context);
    BIGNUM *w = BN_CTX_get(context), *u1 = BN_CTX_get(context), *u2 = BN_CTX_get(context);
    BIGNUM *x = BN_CTX_get(context);
    EC_POINT *sum = EC_POINT_new(curve), *keyPart = EC_POINT_new(keyed);
    const BIGNUM *order = EC_GROUP_get0_order(curve);
    if (x == NULL || sum == NULL || keyPart == NULL || order == NULL) goto done;
    if (BN_bin2bn(signature, 32, r) == NULL || BN_bin2bn(signature + 32, 32, s) == NULL
        || BN_bin2bn(digest, 32, e) == NULL) goto done;
    // Step 1: r and s in [1, n-1].
    if (BN_is_zero(r) || BN_is_zero(s) || BN_cmp(r, order) >= 0 || BN_cmp(s, order) >= 0) {
        result = 0;
        goto done;
    }
    // Steps 3-5: e is the whole 256-bit hash (n has 256 bits); u1 = e·s⁻¹, u2 = r·s⁻¹ (mod n).
    if (BN_mod_inverse(w, s, order, context) == NULL
        || BN_mod_mul(u1, e, w, order, context) != 1 || BN_mod_mul(u2, r, w, order, context) != 1) goto done;
    // R = u1·G + u2·Q, each from its group's precomputed table.
    if (EC_POINT_mul(curve, sum, u1, NULL, NULL, context) != 1
        || EC_POINT_mul(keyed, keyPart, u2, NULL, NULL, context) != 1
        || EC_POINT_add(curve, sum, sum, keyPart, context) != 1) goto done;
    if (EC_POINT_is_at_infinity(curve, sum) == 1) {
        result = 0;
        goto done;
    }
    // Steps 6-8: valid when x(R) mod n = r.
    if (EC_POINT_get_affine_coordinates(curve, sum, x, NULL, context) != 1
        || BN_nnmod(x, x, order, context) != 1) goto done;
    result = BN_cmp(x, r) == 0 ? 1 : 0;
done:
    EC_POINT_free(sum);
    EC_POINT_free(keyPart);
    BN_CTX_end(context);
    BN_CTX_free(context);
    if (result < 0) ERR_clear_error();
    return result;
}

/// The standard P-256 group (the caller keeps it for the process).
static inline EC_GROUP *c_gerbang_ssl_p256_group(void) { return EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1); }

#endif
