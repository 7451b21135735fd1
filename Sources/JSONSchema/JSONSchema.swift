// The JSONSchema module: a JSON Schema draft 2020-12 validator.
