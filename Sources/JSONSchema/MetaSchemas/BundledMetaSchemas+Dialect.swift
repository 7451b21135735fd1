/// The draft 2020-12 meta-schemas shipped inside the product, so that `$schema` and `$ref`
/// to `https://json-schema.org/draft/2020-12/...` resolve offline.
///
/// The documents themselves are generated into `BundledMetaSchemas.swift` by
/// `scripts/generate-metaschemas.py`.
enum BundledMetaSchemas {
    /// The URI of the draft 2020-12 dialect (the default when a schema has no `$schema`).
    static let draft202012 = "https://json-schema.org/draft/2020-12/schema"
}
