// The Catalogue module: the canonical message catalogue and schema registry.
