/// Options that shape how a ``SchemaCompiler`` compiles schemas and how the resulting
/// ``CompiledSchema`` validates instances.
///
/// `Sendable`: a value type made only of `Sendable` values.
public struct SchemaOptions: Sendable {
    /// Whether `format` is an assertion (an instance whose string does not match the format is
    /// invalid) rather than an annotation. Default `false`, as draft 2020-12 specifies for the
    /// format-annotation vocabulary. A schema whose meta-schema declares the format-assertion
    /// vocabulary asserts formats regardless of this option.
    public var assertFormats: Bool = false

    /// Formats of your own, by name, added to the built-in ones (a custom format with a built-in
    /// name replaces the built-in checker). They apply to string instances only and, like the
    /// built-ins, assert only when ``assertFormats`` is `true`. Default: none.
    public var formats: [String: FormatChecker] = [:]

    /// Whether `compile` first validates a schema of the standard draft 2020-12 dialect against
    /// the draft 2020-12 meta-schema, so that a malformed keyword anywhere (even in an unused
    /// `$defs` entry) is a `schema.invalid` compile error naming its location. Default `true`.
    public var checksAgainstMetaSchema: Bool = true

    /// The deepest nesting of schema evaluation (each subschema applied to a value counts one
    /// level, so this bounds both instance depth and `$ref` recursion). Exceeding it makes the
    /// instance invalid with the keyword `maxValidationDepth`, never a stack overflow.
    /// Default 128. Each level takes stack: about 5 KiB in a debug build (128 levels fit in a
    /// 1 MiB thread stack) and well under 1 KiB in release; raise it only with stack to match.
    public var maxValidationDepth: Int = 128

    /// The largest number of distinct schema objects one compilation may produce (guards against
    /// pathological schemas). Exceeding it is a `schema.too-large` compile error. Default 100,000.
    public var maxSchemaNodes: Int = 100_000

    /// The largest number of errors one validation reports; further errors are dropped (the
    /// result is still invalid). Default 100.
    public var maxErrors: Int = 100

    /// Creates options; every parameter defaults to the documented default.
    public init(
        assertFormats: Bool = false,
        formats: [String: FormatChecker] = [:],
        checksAgainstMetaSchema: Bool = true,
        maxValidationDepth: Int = 128,
        maxSchemaNodes: Int = 100_000,
        maxErrors: Int = 100
    ) {
        self.assertFormats = assertFormats
        self.formats = formats
        self.checksAgainstMetaSchema = checksAgainstMetaSchema
        self.maxValidationDepth = maxValidationDepth
        self.maxSchemaNodes = maxSchemaNodes
        self.maxErrors = maxErrors
    }
}
