// The Trust module: OpenSSL-backed keys, certificates and signed envelopes.
