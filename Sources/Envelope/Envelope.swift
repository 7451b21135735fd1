// The Envelope module: CloudEvents 1.0 structured-mode envelopes.
