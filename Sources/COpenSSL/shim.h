// C shim for OpenSSL 3. Only the `Trust` module imports this; helpers are prefixed `c_gerbang_ssl_`.
// Macros that Swift cannot import (function-like macros, e.g. sk_X509_num) get inline wrappers here.
#ifndef C_GERBANG_OPENSSL_SHIM_H
#define C_GERBANG_OPENSSL_SHIM_H

#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>

/// The oldest error on this thread's OpenSSL error queue, and clears the queue.
static inline unsigned long c_gerbang_ssl_take_error(void) {
    unsigned long first = ERR_get_error();
    ERR_clear_error();
    return first;
}

#endif
